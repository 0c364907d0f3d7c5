using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Brokerage.Data;
using Marketplace.Matching.Contracts;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Brokerage.Tests;

/// <summary>The standalone host in process: every service, in-memory bus, real SQLite files in a fresh directory.</summary>
public sealed class BrokerageFactory() : StandaloneFactory("brokerage-tests")
{
    public static readonly string[] CompanyScopes =
        ["brokerage.read", "brokerage.write", "listings.read", "listings.write", "matches.read", "matches.write"];

    private HttpClient? operatorClient;

    /// <summary>Billing's clock (the keyed <see cref="TimeProvider"/>): real time unless a test moves it to close a month.</summary>
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddKeyedSingleton<TimeProvider>(Billing.BillingPeriod.ClockKey, Clock));
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Outbox:PollInterval", "00:00:00.100"),
        new("Brokerage:Billing:OperatorCountry", "DK"),
        new("Brokerage:Billing:PaymentTermsDays", "14"),
        new("Brokerage:Billing:OperatorName", "Symbiosis Exchange ApS"),
        new("Brokerage:Billing:OperatorAddress", "Havnegade 1, 4400 Kalundborg"),
        new("Brokerage:Billing:OperatorVatId", "DK12345678"),
        new("Brokerage:Billing:OperatorIban", "DK5000400440116243"),
        new("Brokerage:Billing:OperatorBic", "NDEADKKK"),
    ];

    public async Task<HttpClient> OperatorAsync() => operatorClient ??= await OperatorClientAsync();

    /// <summary>A company registered with Identity, known to Brokerage, with its own partner client.</summary>
    public async Task<Company> CompanyAsync(string name, string country, string[]? scopes = null, string? vatId = null, string? address = null)
    {
        var op = await OperatorAsync();
        var created = await op.PostAsJsonAsync("/api/v1/organisations", new { name, naceCode = "38.32", country, vatId, address });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        var clientResponse = await op.PostAsJsonAsync($"/api/v1/organisations/{id}/clients", new { name = name + " app", scopes = scopes ?? CompanyScopes });
        Assert.Equal(HttpStatusCode.Created, clientResponse.StatusCode);
        var body = await clientResponse.ReadJsonAsync();
        var client = await ClientAsync(body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
        await Eventually(async () =>
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<BrokerageDbContext>().Organisations.AnyAsync(o => o.Id == id) ? "" : null;
        });
        return new Company(id, name, country, client);
    }

    /// <summary>Publishes a MatchAccepted as Matching would and waits for the deal it opens.</summary>
    public async Task<Guid> DealAsync(Company supplier, Company receiver, string title = "Dry fly ash", string? ewc = "10 01 02",
        string resourceClass = "material", double? distanceKm = 40)
    {
        var matchId = Guid.NewGuid();
        var bus = Services.GetRequiredService<IBus>();
        await bus.Publish(new MatchAccepted(matchId, "pair",
            new MatchParty(Guid.NewGuid(), supplier.Id, title, ewc, resourceClass, 1200, "t", null),
            new MatchParty(Guid.NewGuid(), receiver.Id, "Wanted: " + title, null, resourceClass, 1000, "t", null),
            [], 0.9, distanceKm, DateTime.UtcNow));
        var op = await OperatorAsync();
        var id = await Eventually<Guid?>(async () =>
        {
            var items = (await (await op.GetAsync($"/api/v1/deals?matchId={matchId}")).ReadJsonAsync()).GetProperty("items");
            return items.GetArrayLength() == 1 ? items[0].GetProperty("id").GetGuid() : null;
        });
        return id!.Value;
    }

    /// <summary>
    /// The positive barrier for "nothing more arrives": Brokerage's outbox holds no unsent event. In process an event is
    /// marked sent only once every consumer has consumed it (ADR 0009), so whatever it caused (fees) has been saved.
    /// </summary>
    public Task OutboxDrainedAsync() => Eventually(async () =>
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BrokerageDbContext>().OutboxMessages.AnyAsync(m => m.SentAt == null) ? null : "";
    });
}

public sealed record Company(Guid Id, string Name, string Country, HttpClient Client);

[CollectionDefinition(Name)]
public sealed class BrokerageCollection : ICollectionFixture<BrokerageFactory>
{
    public const string Name = "brokerage";
}

public static class JsonExtensions
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
