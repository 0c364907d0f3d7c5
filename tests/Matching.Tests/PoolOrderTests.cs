using System.Net;
using System.Text.Json;

namespace Marketplace.Matching.Tests;

/// <summary>
/// A pool does not depend on who posted first: a large want posted before the small offers that together cover it gets
/// its bundle when the last of them arrives, and a better pool replaces it rather than standing beside it.
/// </summary>
public sealed class PoolOrderTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    [Fact]
    public async Task Small_offers_posted_after_a_large_want_are_pooled_for_it_and_a_cheaper_pool_replaces_the_first()
    {
        var client = await factory.OperatorClientAsync();
        var lot = UniqueWords.Next();
        var kiln = await Api.RegisterAsync(client, "Late Pool Cement", "23.51");
        var want = await Api.CreateListingAsync(client, kiln, "want", $"Fly ash for blended cement, lot {lot}", "Pozzolan for clinker substitution, large kiln.", amount: 100000);
        await Eventually(() => Api.MatchesAsync(client, want));

        var a = await Api.RegisterAsync(client, "Late Pool Power A", "35.11");
        var b = await Api.RegisterAsync(client, "Late Pool Power B", "35.11");
        var offerA = await Api.CreateListingAsync(client, a, "offer", $"Dry fly ash, lot {lot}", "Pulverised fuel ash from a small coal boiler.", amount: 60000, ewcCode: "10 01 02");
        await Eventually(async () => (await Api.AllMatchesAsync(client, want)).Any(m => Counterpart(m) == offerA) ? "" : null);
        Assert.DoesNotContain(await Api.AllMatchesAsync(client, want), IsBundle); // one offer of 60,000 t is no pool yet

        var offerB = await Api.CreateListingAsync(client, b, "offer", $"Dry fly ash, lot {lot}", "Pulverised fuel ash from a small coal boiler.", amount: 50000, ewcCode: "10 01 02", lat: 55.75);
        var first = await BundleAsync(client, want, [offerA, offerB]);

        // a third producer, nearer the kiln than B: the cheaper pool is A and C, and it is the want's only open pool
        var c = await Api.RegisterAsync(client, "Late Pool Power C", "35.11");
        var offerC = await Api.CreateListingAsync(client, c, "offer", $"Dry fly ash, lot {lot}", "Pulverised fuel ash from a small coal boiler.", amount: 45000, ewcCode: "10 01 02", lat: 55.62);
        var second = await BundleAsync(client, want, [offerA, offerC]);
        Assert.DoesNotContain(Members(second), id => id == offerB);
        var open = (await Api.AllMatchesAsync(client, want)).Where(IsBundle).ToList();
        Assert.Single(open);
        if (first.GetProperty("matchId").GetGuid() != second.GetProperty("matchId").GetGuid())
        {
            using var replaced = await client.GetAsync($"/api/v1/matches/{first.GetProperty("matchId").GetGuid()}");
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
            Assert.Equal("withdrawn", (await replaced.ReadJsonAsync()).GetProperty("status").GetString());
        }
    }

    private static async Task<JsonElement> BundleAsync(HttpClient client, Guid want, Guid[] offers)
    {
        var box = await Eventually(async () =>
        {
            var bundle = (await Api.AllMatchesAsync(client, want)).FirstOrDefault(m => IsBundle(m) && offers.All(Members(m).Contains));
            return bundle.ValueKind == JsonValueKind.Object ? new Api.Box(bundle) : null;
        });
        return box.Value;
    }

    private static bool IsBundle(JsonElement match) => match.GetProperty("kind").GetString() == "bundle";

    private static Guid Counterpart(JsonElement match) => match.GetProperty("listingId").GetGuid();

    private static List<Guid> Members(JsonElement match) =>
        match.TryGetProperty("members", out var members) && members.ValueKind == JsonValueKind.Array
            ? [.. members.EnumerateArray().Select(m => m.GetProperty("listingId").GetGuid())]
            : [];
}
