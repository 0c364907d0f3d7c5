using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Brokerage.Tests;

[Collection(BrokerageCollection.Name)]
public sealed class TenantIsolationTests(BrokerageFactory factory)
{
    [Fact]
    public async Task Companies_see_only_what_they_are_party_to_and_everything_else_is_404()
    {
        var op = await factory.OperatorAsync();
        var supplier = await factory.CompanyAsync("Isolation Supplier", "DK");
        var receiver = await factory.CompanyAsync("Isolation Receiver", "DK");
        var outsider = await factory.CompanyAsync("Isolation Outsider", "DK");
        var plan = await Flow.PlanAsync(op, perUnit: 2m);
        var contractId = await Flow.ActiveContractAsync(factory, supplier, receiver, plan);
        var dealId = (await (await supplier.Client.GetAsync($"/api/v1/contracts/{contractId}")).ReadJsonAsync()).GetProperty("dealId").GetGuid();
        var delivery = await Flow.ConfirmedDeliveryAsync(supplier, receiver, contractId, 5m);
        await Flow.LedgerAsync(factory, op, $"contractId={contractId}", 1);
        var invoiceId = (await Flow.RunBillingAsync(factory, supplier.Id)).GetProperty("invoices")[0].GetProperty("id").GetGuid();

        var o = outsider.Client;
        foreach (var url in new[]
        {
            $"/api/v1/deals/{dealId}", $"/api/v1/deals/{dealId}/terms", $"/api/v1/contracts/{contractId}",
            $"/api/v1/contracts/{contractId}/deliveries", $"/api/v1/invoices/{invoiceId}", $"/api/v1/invoices/{invoiceId}/html",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await o.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await o.PostAsJsonAsync($"/api/v1/deals/{dealId}/terms", Flow.Terms())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await o.PostAsJsonAsync($"/api/v1/contracts/{contractId}/sign", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await o.PostAsJsonAsync($"/api/v1/contracts/{contractId}/terminate", new { reason = "Not mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await o.PostAsJsonAsync($"/api/v1/contracts/{contractId}/deliveries", new { date = Flow.Today, quantity = 1, unit = "t" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await o.PostAsync($"/api/v1/contracts/{contractId}/deliveries/{delivery}/confirm", null)).StatusCode);

        async Task<int> Count(HttpClient client, string url) => (await (await client.GetAsync(url)).ReadJsonAsync()).GetProperty("items").GetArrayLength();
        Assert.Equal(0, await Count(o, "/api/v1/deals"));
        Assert.Equal(0, await Count(o, "/api/v1/contracts"));
        Assert.Equal(0, await Count(o, "/api/v1/invoices"));
        Assert.Empty((await (await o.GetAsync("/api/v1/impact?groupBy=organisation")).ReadJsonAsync()).GetProperty("groups").EnumerateArray());
        Assert.Equal(1, await Count(supplier.Client, "/api/v1/invoices"));
        Assert.Equal(0, await Count(receiver.Client, "/api/v1/invoices"));
        Assert.Equal(HttpStatusCode.OK, (await supplier.Client.GetAsync($"/api/v1/invoices/{invoiceId}/html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await receiver.Client.GetAsync($"/api/v1/invoices/{invoiceId}")).StatusCode);
    }

    [Fact]
    public async Task Billing_endpoints_are_the_operators_even_for_a_client_holding_the_billing_scope()
    {
        var plain = await factory.CompanyAsync("No Billing Scope", "DK");
        var sneaky = await factory.CompanyAsync("Billing Scope Holder", "DK", [.. BrokerageFactory.CompanyScopes, "billing"]);
        foreach (var client in new[] { plain.Client, sneaky.Client })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/billing-runs", new { period = Flow.Period })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/charges", new { organisationId = plain.Id, description = "Self-service", amount = 1, currency = "EUR" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/charges")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/fee-plans", new { code = "x1", name = "x", currency = "EUR", effectiveFrom = "2026-01-01", payer = "supplier" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/invoices/export?period={Flow.Period}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/invoices/{Guid.NewGuid()}/pay", new { })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await plain.Client.GetAsync("/api/v1/fee-plans")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/contracts")).StatusCode);
    }
}
