using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Matching.Tests;

/// <summary>A listing's matches say where the listing's own side and the other side stand, so each side knows whose turn it is.</summary>
public sealed class MatchSidesTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    [Fact]
    public async Task After_the_supplier_shows_interest_its_listing_reads_interested_and_the_buyers_listing_reads_the_counterpart_interested()
    {
        using var op = await factory.OperatorClientAsync();
        var power = await Api.RegisterAsync(op, "Sides Power", "35.11");
        var cement = await Api.RegisterAsync(op, "Sides Cement", "23.51");
        var offer = await Api.CreateListingAsync(op, power, "offer", "Boiler residue from coal units", "Dry, collected in electrostatic precipitators.", ewcCode: "10 01 02");
        var want = await Api.CreateListingAsync(op, cement, "want", "Pozzolan for clinker substitution", "We want to lower the clinker factor of our cement.", lat: 55.7);
        var fromWant = await Api.WaitForMatchAsync(op, want, offer);
        Assert.Equal(("suggested", "suggested"), Sides(fromWant));

        using var supplier = await CompanyClientAsync(op, power);
        using var interest = await supplier.PostAsync($"/api/v1/matches/{fromWant.GetProperty("matchId").GetGuid()}/interest", null);
        Assert.Equal(HttpStatusCode.OK, interest.StatusCode);

        Assert.Equal(("interested", "suggested"), Sides(await Api.WaitForMatchAsync(op, offer, want)));
        Assert.Equal(("suggested", "interested"), Sides(await Api.WaitForMatchAsync(op, want, offer)));
    }

    private static (string?, string?) Sides(JsonElement item) =>
        (item.GetProperty("interest").GetString(), item.GetProperty("counterpartInterest").GetString());

    private async Task<HttpClient> CompanyClientAsync(HttpClient op, Guid organisation)
    {
        using var created = await op.PostAsJsonAsync($"/api/v1/organisations/{organisation}/clients", new { name = "Sides app", scopes = new[] { "matches.read", "matches.write" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        return await factory.ClientAsync(body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
    }
}
