using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Brokerage.Tests;

/// <summary>A write that names another aggregate checks that it exists: no charge, and so no invoice, for a ghost customer.</summary>
[Collection(BrokerageCollection.Name)]
public sealed class ChargeReferenceTests(BrokerageFactory factory)
{
    [Fact]
    public async Task A_manual_charge_for_an_organisation_that_does_not_exist_is_refused_naming_the_field()
    {
        var op = await factory.OperatorAsync();
        var ghost = Guid.NewGuid();
        var response = await op.PostAsJsonAsync("/api/v1/charges", new { organisationId = ghost, description = "Feasibility study", amount = 50m, currency = "EUR", date = Flow.Today });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("organisationId", out _), problem.ToString());

        var ledger = await (await op.GetAsync($"/api/v1/charges?organisationId={ghost}")).ReadJsonAsync();
        Assert.Equal(0, ledger.GetProperty("items").GetArrayLength());

        var real = await factory.CompanyAsync("Real Customer " + Guid.NewGuid().ToString("N")[..4], "DK");
        var accepted = await op.PostAsJsonAsync("/api/v1/charges", new { organisationId = real.Id, description = "Feasibility study", amount = 50m, currency = "EUR", date = Flow.Today });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }
}
