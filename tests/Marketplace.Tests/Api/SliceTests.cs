using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Brokerage.Data;
using Marketplace.Matching.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Api;

public sealed class SliceTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task A_listing_travels_from_listings_to_matching_and_an_accepted_match_opens_a_deal()
    {
        var client = await factory.OperatorClientAsync();
        var supplier = await RegisterAsync(client, "Ash Supplier", "35.11");
        var receiver = await RegisterAsync(client, "Cement Receiver", "23.51");

        var offer = await CreateListingAsync(client, supplier, "offer", "Dry fly ash from coal units", "Pulverised fuel ash, dry, silo storage.");
        var want = await CreateListingAsync(client, receiver, "want", "Fly ash for blended cement", "Cement works needs fly ash as pozzolan.");

        var match = await Eventually(async () =>
        {
            using var response = await client.GetAsync($"/api/v1/listings/{want}/matches?limit=5");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null; // Matching has not seen the listing yet
            }

            var matches = await response.ReadJsonAsync();
            return matches.GetProperty("items").EnumerateArray()
                .Where(i => i.GetProperty("listingId").GetGuid() == offer)
                .Select(i => (JsonElement?)i).FirstOrDefault() is { } item ? new Box<JsonElement>(item) : null;
        });
        var matchId = match.Value.GetProperty("matchId").GetGuid();
        Assert.InRange(match.Value.GetProperty("score").GetDouble(), 0.0, 1.0);
        Assert.NotEmpty(match.Value.GetProperty("reasons").EnumerateArray());

        // The operator acts for both sides: both become interested and the match is accepted.
        var interest = await client.PostAsync($"/api/v1/matches/{matchId}/interest", null);
        Assert.Equal(HttpStatusCode.OK, interest.StatusCode);
        Assert.Equal("accepted", (await interest.ReadJsonAsync()).GetProperty("status").GetString());

        var deal = await Eventually(async () =>
        {
            var deals = await (await client.GetAsync($"/api/v1/deals?matchId={matchId}")).ReadJsonAsync();
            return deals.GetProperty("items").GetArrayLength() == 1 ? new Box<JsonElement>(deals.GetProperty("items")[0]) : null;
        });
        Assert.Equal(2, deal.Value.GetProperty("parties").GetArrayLength());
    }

    [Fact]
    public async Task A_redelivered_MatchAccepted_opens_no_second_deal()
    {
        var message = new MatchAccepted(Guid.NewGuid(), "pair",
            new MatchParty(Guid.NewGuid(), Guid.NewGuid(), "Offer", null, "material", 10, "t", null),
            new MatchParty(Guid.NewGuid(), Guid.NewGuid(), "Want", null, "material", 10, "t", null),
            [], 0.8, 12, DateTime.UtcNow);
        var messageId = NewId.NextGuid();
        var bus = factory.Services.GetRequiredService<IBus>();
        var consumed = new EndpointConsumption(Marketplace.Brokerage.BrokerageModule.Name);
        using var observing = bus.ConnectConsumeObserver(consumed);
        for (var i = 0; i < 3; i++)
        {
            await bus.Publish(message, ctx => ctx.MessageId = messageId);
        }

        // The barrier: Brokerage's consumer has finished with all three copies (it saves the deal before returning).
        await Eventually(() => Task.FromResult(consumed.Count(messageId) >= 3 ? "" : null));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BrokerageDbContext>();
        Assert.Equal(1, await db.Deals.CountAsync(d => d.MatchId == message.MatchId));
    }

    [Fact]
    public async Task Calls_without_a_token_get_401_and_bad_input_gets_problem_details()
    {
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/listings/{Guid.NewGuid()}")).StatusCode);

        var client = await factory.OperatorClientAsync();
        var malformed = await client.PostAsync("/api/v1/listings", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);

        var org = await RegisterAsync(client, "Validation Co", "20.13");
        var negative = await client.PostAsJsonAsync("/api/v1/listings", Listing(org, "offer", "Bad quantity", "x", amount: -5, unit: "tonnes", lat: 123));
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        var body = await negative.ReadJsonAsync();
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Location.Lat", out _) || errors.TryGetProperty("location.lat", out _) || errors.TryGetProperty("quantity.amount", out _), body.ToString());
    }

    [Fact]
    public async Task Readiness_reports_every_database_and_the_bus()
    {
        var response = await factory.CreateClient().GetAsync("/health/ready");
        var body = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = body.GetProperty("checks");
        foreach (var name in new[] { "db-identity", "db-listings", "db-matching", "db-brokerage", "masstransit-bus" })
        {
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
        }
    }

    internal static async Task<Guid> RegisterAsync(HttpClient client, string name, string nace)
    {
        var response = await client.PostAsJsonAsync("/api/v1/organisations", new { name, naceCode = nace, country = "DK" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    internal static async Task<Guid> CreateListingAsync(HttpClient client, Guid organisationId, string kind, string title, string description)
    {
        var response = await client.PostAsJsonAsync("/api/v1/listings", Listing(organisationId, kind, title, description));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    internal static object Listing(Guid organisationId, string kind, string title, string description,
        decimal amount = 1000, string unit = "t", double lat = 55.6, double lon = 11.1) => new
        {
            organisationId,
            kind,
            resourceClass = "material",
            title,
            description,
            quantity = new { amount, unit, per = "year" },
            location = new { lat, lon, country = "DK" },
        };
}

public sealed record Box<T>(T Value);
