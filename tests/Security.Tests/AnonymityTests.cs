using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Listings.Catalogue;
using Xunit.Abstractions;

namespace Marketplace.Security.Tests;

/// <summary>
/// An anonymous listing seen by a company that matches it from three listings of its own: what the distances, the
/// transport costs, the match and the <c>match.suggested</c> webhook give away before acceptance.
/// </summary>
[Collection(InProcessCollection.Name)]
public sealed class AnonymityTests(InProcessMarketplace marketplace, ITestOutputHelper output)
{
    /// <summary>The published road circuity factor (knowledge/factors.json): road km = great-circle km × 1.3.</summary>
    private const double Circuity = 1.3;

    private static readonly string[] Scopes = ["listings.read", "listings.write", "matches.read", "matches.write"];

    [Fact]
    public async Task Three_own_listings_locate_an_anonymous_counterpart_no_closer_than_its_shown_location_and_nothing_names_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (hiddenId, hidden) = await marketplace.PartnerAsync("Hidden Ash " + tag, Scopes);
        var (probeId, probe) = await marketplace.PartnerAsync("Probe Cement " + tag, Scopes);
        using var hiddenClient = hidden;
        using var probeClient = probe;
        using var hook = new WebhookReceiver();
        using (var op = await marketplace.OperatorClientAsync())
        using (var subscribed = await op.PostAsJsonAsync($"/api/v1/organisations/{probeId}/webhooks", new { url = hook.Url, eventTypes = new[] { "match.suggested" } }))
        {
            Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        }

        // The true site, about 2.4 km from the centre of its 5 km cell (the location others are shown).
        var shown = Anonymity.Round(55.6, 11.1);
        var truth = (Lat: shown.Lat + 0.015, Lon: shown.Lon + 0.027);
        Assert.Equal(shown, Anonymity.Round(truth.Lat, truth.Lon));
        var offset = Trilateration.GreatCircleKm(truth.Lat, truth.Lon, shown.Lat, shown.Lon);
        var anonymous = await ListingAsync(hidden, "offer", "Dry fly ash", "Pulverised fuel ash from coal units.", truth, "anonymous");

        // The attacker learns each match from its match.suggested delivery, which comes for every stored match, whether or
        // not the want's reciprocal list shows it (on the shared host the other tests' fly ash may crowd it out: ADR 0015).
        (double Lat, double Lon)[] anchors = [(55.75, 11.0), (55.45, 11.05), (55.62, 11.4)];
        var measured = new List<(double Lat, double Lon, double Km)>();
        var deliveries = new List<string>();
        foreach (var anchor in anchors)
        {
            var want = await ListingAsync(probe, "want", "Fly ash for cement", "Cement works needs fly ash.", anchor, "public");
            var matchId = await SuggestedAsync(hook, deliveries, want, anonymous);
            using var match = await probe.GetAsync($"/api/v1/matches/{matchId}");
            var body = await match.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, match.StatusCode);
            Assert.DoesNotContain(hiddenId.ToString(), body, StringComparison.OrdinalIgnoreCase);
            var km = JsonDocument.Parse(body).RootElement.GetProperty("distanceKm").GetDouble() / Circuity;
            measured.Add((anchor.Lat, anchor.Lon, km));
        }

        var estimate = Trilateration.Solve(measured, shown);
        var miss = Trilateration.GreatCircleKm(estimate.Lat, estimate.Lon, truth.Lat, truth.Lon);
        output.WriteLine($"Shown location {offset * 1000:0} m from the true site; trilateration from 3 match distances lands {miss * 1000:0} m from it.");

        // None of the probe's match.suggested deliveries names the anonymous company.
        deliveries.AddRange(hook.Drain().Select(d => d.Body));
        var named = deliveries.Count(d => d.Contains(hiddenId.ToString(), StringComparison.OrdinalIgnoreCase));
        output.WriteLine($"match.suggested deliveries naming the anonymous company: {named} of {deliveries.Count}.");
        Assert.True(miss >= offset * 0.9, $"Trilateration landed {miss * 1000:0} m from the true site; the shown location is {offset * 1000:0} m from it.");
        Assert.Equal(0, named);
    }

    [Fact]
    public async Task Listing_by_an_anonymous_owners_organisation_id_does_not_show_its_anonymous_listing()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (hiddenId, hidden) = await marketplace.PartnerAsync("Hidden Owner " + tag, Scopes);
        var (_, other) = await marketplace.PartnerAsync("Curious " + tag, Scopes);
        using var hiddenClient = hidden;
        using var otherClient = other;
        var anonymous = await ListingAsync(hidden, "offer", "Spent foundry sand " + tag, "Green sand from moulding.", (55.6, 11.1), "anonymous");

        using var byOwner = await other.GetAsync($"/api/v1/listings?organisationId={hiddenId}");
        var body = await byOwner.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
        Assert.DoesNotContain(anonymous.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Hidden Owner", body, StringComparison.Ordinal);

        using var direct = await other.GetAsync($"/api/v1/listings/{anonymous}");
        var shown = await direct.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        Assert.DoesNotContain(hiddenId.ToString(), shown, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_bundle_shows_no_other_organisation_of_its_members_before_acceptance()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (smallA, a) = await marketplace.PartnerAsync("Pool Ash A " + tag, Scopes);
        var (smallB, b) = await marketplace.PartnerAsync("Pool Ash B " + tag, Scopes);
        var (kilnId, kiln) = await marketplace.PartnerAsync("Pool Kiln " + tag, Scopes);
        using var aClient = a;
        using var bClient = b;
        using var kilnClient = kiln;
        using var hook = new WebhookReceiver();
        using (var op = await marketplace.OperatorClientAsync())
        using (var subscribed = await op.PostAsJsonAsync($"/api/v1/organisations/{kilnId}/webhooks", new { url = hook.Url, eventTypes = new[] { "match.suggested" } }))
        {
            Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        }

        await ListingAsync(a, "offer", "Dry fly ash, pool test", "Pulverised fuel ash from a small coal boiler.", (55.6, 11.1), "anonymous", 60000, "10 01 02");
        await ListingAsync(b, "offer", "Dry fly ash, pool test", "Pulverised fuel ash from a small coal boiler.", (55.65, 11.1), "public", 50000, "10 01 02");
        var want = await ListingAsync(kiln, "want", "Fly ash for blended cement", "Pozzolan for clinker substitution, large kiln.", (55.6, 11.2), "public", 100000);

        // The bundle is found from its match.suggested delivery: on the shared host, which may still be matching what the
        // fuzz tests stored, the other tests' fly ash can crowd it out of the kiln's reciprocal list (ADR 0015).
        var deliveries = new List<string>();
        Guid bundleId;
        while (true)
        {
            var (_, delivery) = await hook.NextAsync(TimeSpan.FromSeconds(150));
            deliveries.Add(delivery);
            var data = JsonDocument.Parse(delivery).RootElement.GetProperty("data");
            if (data.GetProperty("kind").GetString() == "bundle" && data.GetProperty("wantListingId").GetGuid() == want)
            {
                bundleId = data.GetProperty("matchId").GetGuid();
                break;
            }
        }

        using var match = await kiln.GetAsync($"/api/v1/matches/{bundleId}");
        var body = await match.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, match.StatusCode);
        Assert.Contains("\"members\"", body, StringComparison.Ordinal);
        using var list = await kiln.GetAsync($"/api/v1/listings/{want}/matches?limit=100");
        var shown = await list.Content.ReadAsStringAsync(); // the list, where it shows the bundle, must not name them either
        var named = new[] { smallA, smallB }.Count(id => deliveries.Append(body).Append(shown).Any(text => text.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)));
        output.WriteLine($"Other organisations named in the bundle before acceptance: {named} of 2.");
        Assert.Equal(0, named);
        Assert.Contains(kilnId.ToString(), body, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The match id of the match.suggested delivery pairing <paramref name="want"/> with <paramref name="offer"/>; every delivery read is kept.</summary>
    private static async Task<Guid> SuggestedAsync(WebhookReceiver hook, List<string> deliveries, Guid want, Guid offer)
    {
        while (true)
        {
            var (_, body) = await hook.NextAsync(TimeSpan.FromSeconds(60));
            deliveries.Add(body);
            var data = JsonDocument.Parse(body).RootElement.GetProperty("data");
            if (data.GetProperty("wantListingId").GetGuid() == want && data.GetProperty("offerListingId").GetGuid() == offer)
            {
                return data.GetProperty("matchId").GetGuid();
            }
        }
    }

    private static async Task<Guid> ListingAsync(HttpClient company, string kind, string title, string description, (double Lat, double Lon) at, string visibility,
        int amount = 1200, string? ewcCode = null)
    {
        using var response = await company.PostAsJsonAsync("/api/v1/listings", new
        {
            kind, resourceClass = "material", title, description, visibility, ewcCode,
            quantity = new { amount, unit = "t", per = "year" }, location = new { lat = at.Lat, lon = at.Lon, country = "DK" },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }
}
