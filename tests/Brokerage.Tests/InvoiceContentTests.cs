using System.Net.Http.Json;
using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Brokerage.Tests;

/// <summary>
/// An invoice carries what Article 226 of the VAT Directive asks: the seller's name, address and VAT ID (and where to
/// pay), the buyer's name, address and VAT ID as Identity holds them, and the reverse-charge wording only when both
/// are VAT-registered in different member states. No id stands where a name belongs.
/// </summary>
[Collection(BrokerageCollection.Name)]
public sealed class InvoiceContentTests(BrokerageFactory factory)
{
    [Fact]
    public async Task A_cross_border_invoice_names_seller_and_buyer_with_addresses_VAT_IDs_bank_details_and_reverse_charge()
    {
        var op = await factory.OperatorAsync();
        var buyer = await factory.CompanyAsync("Kreislauf Handel GmbH", "DE", vatId: "DE811907980", address: "Hafenstraße 5, 20457 Hamburg");
        Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync("/api/v1/charges",
            new { organisationId = buyer.Id, description = "Feasibility study", amount = 300m, currency = "EUR", date = Flow.Today })).StatusCode);
        var invoiceId = (await Flow.RunBillingAsync(factory, buyer.Id)).GetProperty("invoices")[0].GetProperty("id").GetGuid();

        var invoice = await Flow.InvoiceAsync(buyer.Client, invoiceId);
        Assert.Equal("Hafenstraße 5, 20457 Hamburg", invoice.Str("customerAddress"));
        Assert.Equal("DE811907980", invoice.Str("customerVatId"));
        var seller = invoice.GetProperty("seller");
        Assert.Equal("Symbiosis Exchange ApS", seller.Str("name"));
        Assert.Equal("DK12345678", seller.Str("vatId"));
        Assert.True(invoice.GetProperty("reverseCharge").GetBoolean());

        var html = WebUtility.HtmlDecode(await (await buyer.Client.GetAsync($"/api/v1/invoices/{invoiceId}/html")).Content.ReadAsStringAsync());
        foreach (var expected in new[]
        {
            "Symbiosis Exchange ApS", "Havnegade 1, 4400 Kalundborg", "VAT ID DK12345678", "IBAN DK5000400440116243", "BIC NDEADKKK",
            "Kreislauf Handel GmbH", "Hafenstraße 5, 20457 Hamburg", "VAT ID DE811907980", "Reverse charge",
        })
        {
            Assert.Contains(expected, html);
        }

        Assert.DoesNotContain(buyer.Id.ToString(), html);
        Assert.DoesNotContain(invoiceId.ToString(), html);
    }

    [Fact]
    public async Task A_buyer_in_another_member_state_without_a_VAT_ID_pays_the_sellers_VAT_and_gets_no_reverse_charge_note()
    {
        var op = await factory.OperatorAsync();
        var buyer = await factory.CompanyAsync("Verein Kreislauf", "DE", address: "Marktplatz 1, 24103 Kiel");
        Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync("/api/v1/charges",
            new { organisationId = buyer.Id, description = "Workshop", amount = 100m, currency = "EUR", date = Flow.Today })).StatusCode);
        var invoiceId = (await Flow.RunBillingAsync(factory, buyer.Id)).GetProperty("invoices")[0].GetProperty("id").GetGuid();

        var invoice = await Flow.InvoiceAsync(op, invoiceId);
        Assert.False(invoice.GetProperty("reverseCharge").GetBoolean());
        Assert.Equal(25m, invoice.Dec("vatRate"));
        Assert.Equal(125m, invoice.Dec("total"));
        var html = await (await op.GetAsync($"/api/v1/invoices/{invoiceId}/html")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Reverse charge", html);
    }

    [Fact]
    public async Task A_VAT_ID_is_validated_by_Identity_and_a_change_reaches_the_next_invoice()
    {
        var op = await factory.OperatorAsync();
        var bad = await op.PostAsJsonAsync("/api/v1/organisations", new { name = "Loose Format AB", country = "SE", vatId = "SE 5560 1234 5601" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ReadJsonAsync()).GetProperty("errors").TryGetProperty("vatId", out _));

        var buyer = await factory.CompanyAsync("Later Registered AB", "SE");
        var patched = await op.PatchAsJsonAsync($"/api/v1/organisations/{buyer.Id}", new { vatId = "SE556012345601", address = "Storgatan 1, 111 22 Stockholm" });
        Assert.Equal("SE556012345601", (await patched.ReadJsonAsync()).Str("vatId"));
        Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync("/api/v1/charges",
            new { organisationId = buyer.Id, description = "Audit", amount = 50m, currency = "EUR", date = Flow.Today })).StatusCode);
        await Eventually(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var known = await scope.ServiceProvider.GetRequiredService<Marketplace.Brokerage.Data.BrokerageDbContext>().Organisations.FindAsync(buyer.Id);
            return known?.VatId is null ? null : "";
        });
        var run = await Flow.RunBillingAsync(factory, buyer.Id);
        var issued = await Flow.InvoiceAsync(op, run.GetProperty("invoices")[0].GetProperty("id").GetGuid());
        Assert.Equal("SE556012345601", issued.Str("customerVatId"));
        Assert.Equal("Storgatan 1, 111 22 Stockholm", issued.Str("customerAddress"));
        Assert.True(issued.GetProperty("reverseCharge").GetBoolean());
    }
}
