using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.ServiceDefaults.Paging;

/// <summary>The one shape of every list: a page of items, newest first, and the cursor of the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>A checked <c>limit</c> and <c>cursor</c>: the page size and the id the page starts after.</summary>
public readonly record struct PageRequest(int Size, Guid? After);

/// <summary>
/// Keyset paging over time-ordered (version 7) ids, newest first: the cursor is the last id of a page, opaque
/// (base64url), so rows added after the first page never shift later pages.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static string Encode(Guid id) => Convert.ToBase64String(id.ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static Guid? Decode(string cursor)
    {
        var s = cursor.Replace('-', '+').Replace('_', '/');
        s += new string('=', (4 - (s.Length % 4)) % 4);
        var bytes = new byte[16];
        return s.Length == 24 && Convert.TryFromBase64String(s, bytes, out var written) && written == 16 ? new Guid(bytes) : null;
    }

    /// <summary>Checks <c>limit</c> (1 to <paramref name="max"/>) and <c>cursor</c>; the errors name the parameter, or null.</summary>
    public static Dictionary<string, string[]>? Read(int? limit, string? cursor, out PageRequest request, int defaultLimit = DefaultLimit, int max = MaxLimit)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 || limit > max)
        {
            errors["limit"] = [$"limit must be between 1 and {max}."];
        }

        Guid? after = null;
        if (!string.IsNullOrEmpty(cursor) && (after = Decode(cursor)) is null)
        {
            errors["cursor"] = ["cursor must be a value returned as nextCursor."];
        }

        request = new PageRequest(limit ?? defaultLimit, after);
        return errors.Count > 0 ? errors : null;
    }

    /// <summary>One page of <paramref name="query"/>, newest first by <paramref name="id"/>, mapped with <paramref name="map"/>.</summary>
    public static async Task<Page<TOut>> ToPageAsync<T, TOut>(this IQueryable<T> query, Expression<Func<T, Guid>> id, PageRequest request,
        Func<IReadOnlyList<T>, IReadOnlyList<TOut>> map, CancellationToken cancellationToken)
    {
        if (request.After is { } after)
        {
            var compare = Expression.Call(id.Body, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, Expression.Constant(after));
            query = query.Where(Expression.Lambda<Func<T, bool>>(Expression.LessThan(compare, Expression.Constant(0)), id.Parameters));
        }

        var rows = await query.OrderByDescending(id).Take(request.Size + 1).ToListAsync(cancellationToken);
        var items = rows.Take(request.Size).ToList();
        var next = rows.Count > request.Size ? Encode(id.Compile()(items[^1])) : null;
        return new Page<TOut>(map(items), next);
    }

    /// <summary>
    /// One page of a short list kept in its own order (oldest first, or by code): the page after the item the cursor
    /// names. For lists read whole anyway (a contract's deliveries, a deal's terms, the fee plans, the filtered ledger).
    /// </summary>
    public static Page<T> Slice<T>(IReadOnlyList<T> ordered, Func<T, Guid> id, PageRequest request)
    {
        var start = 0;
        if (request.After is { } after)
        {
            start = ordered.Count;
            for (var i = 0; i < ordered.Count; i++)
            {
                if (id(ordered[i]) == after)
                {
                    start = i + 1;
                    break;
                }
            }
        }

        var items = ordered.Skip(start).Take(request.Size).ToList();
        var next = start + items.Count < ordered.Count ? Encode(id(items[^1])) : null;
        return new Page<T>(items, next);
    }
}
