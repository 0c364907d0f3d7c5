using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Brokerage.Tests;

/// <summary>From two listings to an issued invoice, every step through the public API with each company's own client.</summary>
[Collection(BrokerageCollection.Name)]
public sealed class EndToEndTests(BrokerageFactory factory)
{
    [Fact]
    public async Task Two_listings_become_a_match_a_deal_a_signed_contract_two_deliveries_and_an_invoice_with_the_right_fee()
    {
        var op = await factory.OperatorAsync();
        var supplier = await factory.CompanyAsync("Nordic Power Station", "DK");
        var receiver = await factory.CompanyAsync("Baltic Cement Works", "DK");

        var offer = await ListingAsync(supplier, "offer", "Dry fly ash from coal units", "Pulverised fuel ash, dry, silo storage.", "10 01 02");
        var want = await ListingAsync(receiver, "want", "Fly ash for blended cement", "Cement works needs fly ash as pozzolan.", null);

        var matchId = await Eventually<string>(async () =>
        {
            using var response = await receiver.Client.GetAsync($"/api/v1/listings/{want}/matches?limit=20");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()
                .Where(i => i.GetProperty("listingId").GetGuid() == offer).Select(i => i.Str("matchId")).FirstOrDefault();
        }, TimeSpan.FromSeconds(30));

        Assert.Equal("interested", (await (await supplier.Client.PostAsync($"/api/v1/matches/{matchId}/interest", null)).ReadJsonAsync()).Str("status"));
        Assert.Equal("accepted", (await (await receiver.Client.PostAsync($"/api/v1/matches/{matchId}/interest", null)).ReadJsonAsync()).Str("status"));

        var deal = await Eventually<JsonElement?>(async () =>
        {
            var items = (await (await supplier.Client.GetAsync($"/api/v1/deals?matchId={matchId}")).ReadJsonAsync()).GetProperty("items");
            return items.GetArrayLength() == 1 ? items[0] : null;
        });
        var dealId = deal!.Value.GetProperty("id").GetGuid();
        Assert.Equal("material", deal.Value.Str("resourceClass"));

        // The operator's plan: 2 % of the transaction value plus 1 EUR per tonne, paid by the supplier.
        var plan = await Flow.PlanAsync(op, percent: 2m, perUnit: 1m, payer: "supplier");
        Assert.Equal(HttpStatusCode.Created, (await supplier.Client.PostAsJsonAsync($"/api/v1/deals/{dealId}/terms", Flow.Terms(price: 20m, feePlan: plan))).StatusCode);
        var accepted = await receiver.Client.PostAsync($"/api/v1/deals/{dealId}/terms/1/accept", null);
        var contractId = (await accepted.ReadJsonAsync()).GetProperty("contractId").GetGuid();
        Assert.Equal("signed_by_supplier", (await (await supplier.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/sign", new { })).ReadJsonAsync()).Str("status"));
        Assert.Equal("active", (await (await receiver.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/sign", new { })).ReadJsonAsync()).Str("status"));

        await Flow.ConfirmedDeliveryAsync(supplier, receiver, contractId, 10m);
        await Flow.ConfirmedDeliveryAsync(supplier, receiver, contractId, 15m);
        await Flow.LedgerAsync(factory, op, $"contractId={contractId}", 4);

        var run = await Flow.RunBillingAsync(factory, supplier.Id);
        var summary = Assert.Single(run.GetProperty("invoices").EnumerateArray());
        var invoiceId = summary.GetProperty("id").GetGuid();

        // Fees: 2 % × (10 t + 15 t) × 20 EUR = 10.00, plus 25 t × 1 EUR = 25.00; net 35.00, Danish VAT 25 % = 8.75.
        var invoice = await Flow.InvoiceAsync(supplier.Client, invoiceId);
        Assert.Equal("issued", invoice.Str("status"));
        Assert.Matches(@"^\d{4}-\d{6}$", invoice.Str("number"));
        Assert.Equal(4, invoice.GetProperty("lines").GetArrayLength());
        Assert.Equal(35.00m, invoice.Dec("net"));
        Assert.Equal(8.75m, invoice.Dec("vat"));
        Assert.Equal(43.75m, invoice.Dec("total"));
        Assert.Equal("Nordic Power Station", invoice.Str("customerName"));
        Assert.Equal(0, (await (await receiver.Client.GetAsync("/api/v1/invoices")).ReadJsonAsync()).GetProperty("items").GetArrayLength());

        var impact = (await (await receiver.Client.GetAsync("/api/v1/impact")).ReadJsonAsync()).GetProperty("totals");
        Assert.Equal(25m, impact.Dec("tonnesDiverted"));
    }

    private static async Task<Guid> ListingAsync(Company company, string kind, string title, string description, string? ewcCode)
    {
        var response = await company.Client.PostAsJsonAsync("/api/v1/listings", new
        {
            kind,
            resourceClass = "material",
            title,
            description,
            ewcCode,
            quantity = new { amount = 1200, unit = "t", per = "year" },
            location = new { lat = 55.6, lon = 11.1, country = "DK" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }
}
