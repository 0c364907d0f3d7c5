using Marketplace.Listings.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Catalogue;

/// <summary>
/// Full text. SQLite: the FTS5 table ListingsFts (porter stemming, kept in step by triggers, see the
/// Initial migration). SQL Server: every word must occur in title or description (LIKE), which needs
/// no full-text catalog; a deployment with one can swap in CONTAINS here.
/// </summary>
public static class ListingSearch
{
    public static List<string> Terms(string q) =>
        [.. q.Split((char[])[' ', ',', ';', '.', ':', '-', '/', '(', ')', '"', '\'', '*', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => new string([.. t.Where(char.IsLetterOrDigit)]))
            .Where(t => t.Length > 0)
            .Distinct()
            .Take(10)];

    /// <summary>Below this many text hits the query is driven from the full-text index, above it from the newest listings.</summary>
    public const int SelectiveHits = 1000;

    public static async Task<bool> IsSelectiveAsync(ListingsDbContext db, List<string> terms, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return false;
        }

        var expression = Expression(terms);
        var hits = await db.Database
            .SqlQuery<long>($"SELECT rowid AS Value FROM ListingsFts WHERE ListingsFts MATCH {expression} LIMIT {SelectiveHits + 1}")
            .CountAsync(cancellationToken);
        return hits <= SelectiveHits;
    }

    private static string Expression(List<string> terms) =>
        string.Join(' ', terms.Select((t, i) => i == terms.Count - 1 ? $"\"{t}\"*" : $"\"{t}\""));

    public static IQueryable<Listing> Matching(ListingsDbContext db, IQueryable<Listing> query, List<string> terms)
    {
        if (db.Database.IsSqlite())
        {
            var expression = Expression(terms);
            var keys = db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM ListingsFts WHERE ListingsFts MATCH {expression}");
            return query.Where(l => keys.Contains(l.SearchKey));
        }

        foreach (var term in terms)
        {
            var pattern = $"%{term}%";
            query = query.Where(l => EF.Functions.Like(l.Title, pattern) || EF.Functions.Like(l.Description, pattern));
        }

        return query;
    }
}
