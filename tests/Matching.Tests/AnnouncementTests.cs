using System.Text.Json;
using Marketplace.Matching.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Matching.Tests;

/// <summary>
/// A suggestion is announced (MatchSuggested's <c>ShownTo</c>, which notifications go by) to the organisations whose list
/// shows it, not to every side of every stored match: a want with six look-alike offers is told of the five its list shows.
/// </summary>
public sealed class AnnouncementTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    [Fact]
    public async Task Each_side_is_told_of_a_suggestion_exactly_when_its_list_shows_it()
    {
        var client = await factory.OperatorClientAsync();
        var lot = UniqueWords.Next();
        var kiln = await Api.RegisterAsync(client, "Told Cement", "23.51");
        var want = await Api.CreateListingAsync(client, kiln, "want", $"Fly ash for blended cement, lot {lot}", "Pozzolan for clinker substitution.");
        await Eventually(() => Api.MatchesAsync(client, want));

        var offers = new Dictionary<Guid, Guid>(); // listing -> organisation
        for (var i = 0; i < 6; i++)
        {
            var power = await Api.RegisterAsync(client, $"Told Power {i}", "35.11");
            var offer = await Api.CreateListingAsync(client, power, "offer", $"Dry fly ash, lot {lot}", "Pulverised fuel ash from coal units.", ewcCode: "10 01 02", lat: 55.6 + (0.1 * i));
            offers[offer] = power;
            await Eventually(async () => (await AllAsync(client, want)).Any(m => m.Counterpart == offer) ? "" : null);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
        var matches = (await AllAsync(client, want)).Where(m => offers.ContainsKey(m.Counterpart)).ToList();
        Assert.Equal(6, matches.Count);
        var ids = matches.Select(m => m.MatchId.ToString()).ToList();
        var told = await Settled(async () => string.Join(";", await ShownToAsync(db, ids)), polls: 10);

        var toldOf = (await ShownToAsync(db, ids)).ToDictionary(x => x.Split('=')[0], x => x.Split('=')[1]);
        var wantShows = (await Api.MatchesAsync(client, want, 50))!.Select(m => m.GetProperty("matchId").GetString()!).ToHashSet();
        foreach (var match in matches)
        {
            var id = match.MatchId.ToString();
            var offerShows = (await Api.MatchesAsync(client, match.Counterpart, 50))!.Any(m => m.GetProperty("matchId").GetString() == id);
            Assert.True(wantShows.Contains(id) == toldOf[id].Contains(kiln.ToString(), StringComparison.Ordinal), $"want side of {id}: {told}");
            Assert.True(offerShows == toldOf[id].Contains(offers[match.Counterpart].ToString(), StringComparison.Ordinal), $"offer side of {id}: {told}");
        }

        Assert.Equal(5, wantShows.Count(ids.Contains)); // the sixth offer is stored, not shown, and the kiln is not told of it
    }

    /// <summary>Each match's latest MatchSuggested, as "match id=organisations told".</summary>
    private static async Task<List<string>> ShownToAsync(MatchingDbContext db, List<string> matchIds)
    {
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => matchIds.Contains(m.AggregateId) && m.MessageType.Contains("MatchSuggested"))
            .OrderBy(m => m.Sequence).Select(m => new { m.AggregateId, m.Payload }).ToListAsync();
        return [.. rows.GroupBy(r => r.AggregateId).OrderBy(g => g.Key).Select(g =>
        {
            var payload = JsonDocument.Parse(g.Last().Payload).RootElement;
            var shownTo = payload.EnumerateObject().Single(p => p.NameEquals("shownTo") || p.NameEquals("ShownTo")).Value;
            return $"{g.Key}={string.Join(",", shownTo.EnumerateArray().Select(x => x.GetString()))}";
        })];
    }

    private static async Task<List<(Guid MatchId, Guid Counterpart)>> AllAsync(HttpClient client, Guid listing) =>
        [.. (await Api.AllMatchesAsync(client, listing)).Select(m => (m.GetProperty("matchId").GetGuid(), m.GetProperty("listingId").GetGuid()))];
}
