using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Brokerage.Billing;
using Marketplace.Brokerage.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Brokerage.Tests;

[Collection(BrokerageCollection.Name)]
public sealed partial class BillingTests(BrokerageFactory factory)
{
    private async Task ChargeAsync(Guid organisationId, decimal amount, string description = "Feasibility study", DateOnly? date = null)
    {
        var op = await factory.OperatorAsync();
        var response = await op.PostAsJsonAsync("/api/v1/charges", new { organisationId, description, amount, currency = "EUR", date = date ?? Flow.Today });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_billing_run_bills_each_entry_once_and_a_rerun_bills_nothing()
    {
        var op = await factory.OperatorAsync();
        var company = await factory.CompanyAsync("Rerun & Sons", "DK");
        await ChargeAsync(company.Id, 100m);
        await ChargeAsync(company.Id, 40m, "Earlier month, not yet billed", Flow.Today.AddMonths(-1));
        await ChargeAsync(company.Id, 999m, "Next month", Flow.Today.AddMonths(1));

        var run = await Flow.RunBillingAsync(factory, company.Id);
        Assert.Equal(2, run.GetProperty("entriesBilled").GetInt32());
        var invoiceId = run.GetProperty("invoices")[0].GetProperty("id").GetGuid();
        var invoice = await Flow.InvoiceAsync(op, invoiceId);
        Assert.Equal("issued", invoice.Str("status"));
        Assert.Matches(NumberPattern(), invoice.Str("number"));
        Assert.Equal(140m, invoice.Dec("net"));
        Assert.Equal(25m, invoice.Dec("vatRate"));
        Assert.Equal(35m, invoice.Dec("vat"));
        Assert.Equal(175m, invoice.Dec("total"));
        Assert.False(invoice.GetProperty("reverseCharge").GetBoolean());
        Assert.Equal("Rerun & Sons", invoice.Str("customerName"));
        Assert.Equal(DateOnly.Parse(invoice.Str("issueDate"), CultureInfo.InvariantCulture).AddDays(14), DateOnly.Parse(invoice.Str("dueDate"), CultureInfo.InvariantCulture));
        Assert.False(invoice.GetProperty("overdue").GetBoolean());

        var rerun = await Flow.RunBillingAsync(factory, company.Id);
        Assert.Equal(0, rerun.GetProperty("entriesBilled").GetInt32());
        Assert.Equal(0, rerun.GetProperty("invoices").GetArrayLength());
        var invoices = (await (await op.GetAsync($"/api/v1/invoices?organisationId={company.Id}")).ReadJsonAsync()).GetProperty("items");
        Assert.Equal(1, invoices.GetArrayLength());

        var next = await Flow.RunBillingAsync(factory, company.Id, Flow.Today.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        Assert.Equal(1, next.GetProperty("entriesBilled").GetInt32());
    }

    [Fact]
    public async Task Cross_border_customers_in_the_EU_get_the_reverse_charge_note_and_others_are_out_of_scope()
    {
        var op = await factory.OperatorAsync();
        var german = await factory.CompanyAsync("Kreislauf GmbH", "DE", vatId: "DE123456789");
        var norwegian = await factory.CompanyAsync("Sirkel AS", "NO");
        await ChargeAsync(german.Id, 200m);
        await ChargeAsync(norwegian.Id, 200m);

        var de = await Flow.InvoiceAsync(op, (await Flow.RunBillingAsync(factory, german.Id)).GetProperty("invoices")[0].GetProperty("id").GetGuid());
        Assert.True(de.GetProperty("reverseCharge").GetBoolean());
        Assert.Equal(0m, de.Dec("vat"));
        Assert.Equal(200m, de.Dec("total"));
        Assert.Contains("Reverse charge", de.Str("vatNote"));
        var html = await (await op.GetAsync($"/api/v1/invoices/{de.GetProperty("id").GetGuid()}/html")).Content.ReadAsStringAsync();
        Assert.Contains("Reverse charge", html);
        Assert.Contains(de.Str("number"), html);
        Assert.Contains("Kreislauf GmbH", html);

        var no = await Flow.InvoiceAsync(op, (await Flow.RunBillingAsync(factory, norwegian.Id)).GetProperty("invoices")[0].GetProperty("id").GetGuid());
        Assert.False(no.GetProperty("reverseCharge").GetBoolean());
        Assert.Equal(0m, no.Dec("vat"));
        Assert.Contains("Outside the scope", no.Str("vatNote"));
    }

    [Fact]
    public async Task Fifty_concurrent_billing_requests_produce_gapless_unique_numbers()
    {
        var op = await factory.OperatorAsync();
        var organisations = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
        await using (var known = factory.Services.CreateAsyncScope())
        {
            // Customers as Identity's events would have made them known (a charge names an organisation that exists).
            var brokerage = known.ServiceProvider.GetRequiredService<BrokerageDbContext>();
            brokerage.Organisations.AddRange(organisations.Select((id, i) => new Marketplace.Brokerage.Organisations.KnownOrganisation { Id = id, Name = $"Racer {i}", Country = "DK" }));
            await brokerage.SaveChangesAsync();
        }

        foreach (var org in organisations)
        {
            await ChargeAsync(org, 10m);
        }

        // 50 requests: every organisation once, ten of them twice at the same moment, once the month has ended.
        using var ended = factory.Clock.AfterPeriod(Flow.Period);
        var requests = organisations.Concat(organisations.Take(10)).Select(org => Task.Run(async () =>
        {
            var response = await op.PostAsJsonAsync("/api/v1/billing-runs", new { period = Flow.Period, organisationId = org });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await response.ReadJsonAsync();
        })).ToList();
        var runs = await Task.WhenAll(requests);
        var numbers = runs.SelectMany(r => r.GetProperty("invoices").EnumerateArray()).Select(i => i.Str("number")).ToList();
        Assert.Equal(40, numbers.Count);
        Assert.Equal(40, numbers.Distinct().Count());

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BrokerageDbContext>();
        var sequences = await db.Invoices.Where(i => i.Series == InvoiceSeries.Invoice && i.Year == Flow.Today.AddMonths(1).Year).Select(i => i.Sequence!.Value).ToListAsync();
        Assert.Equal(Enumerable.Range(1, sequences.Count), sequences.Order());
        foreach (var org in organisations)
        {
            Assert.Equal(1, await db.Invoices.CountAsync(i => i.OrganisationId == org));
        }
    }

    [Fact]
    public async Task Voiding_issues_a_credit_note_paid_invoices_stay_paid_and_nothing_is_deleted()
    {
        var op = await factory.OperatorAsync();
        var company = await factory.CompanyAsync("Void Co", "DK");
        await ChargeAsync(company.Id, 80m);
        var invoiceId = (await Flow.RunBillingAsync(factory, company.Id)).GetProperty("invoices")[0].GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.BadRequest, (await op.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/void", new { reason = "" })).StatusCode);
        var voided = await (await op.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/void", new { reason = "Wrong customer" })).ReadJsonAsync();
        Assert.Equal("void", voided.GetProperty("invoice").Str("status"));
        var credit = voided.GetProperty("creditNote");
        Assert.Matches(CreditNotePattern(), credit.Str("number"));
        Assert.Equal(-100m, credit.Dec("total"));
        Assert.Equal(invoiceId, credit.GetProperty("relatedInvoiceId").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, (await op.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/void", new { reason = "Again" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await op.PostAsJsonAsync($"/api/v1/invoices/{invoiceId}/pay", new { })).StatusCode);
        Assert.Equal(0, (await Flow.RunBillingAsync(factory, company.Id)).GetProperty("entriesBilled").GetInt32());
        Assert.Equal(2, (await (await op.GetAsync($"/api/v1/invoices?organisationId={company.Id}")).ReadJsonAsync()).GetProperty("items").GetArrayLength());

        await ChargeAsync(company.Id, 60m);
        var second = (await Flow.RunBillingAsync(factory, company.Id)).GetProperty("invoices")[0].GetProperty("id").GetGuid();
        var paid = await op.PostAsJsonAsync($"/api/v1/invoices/{second}/pay", new { reference = "BANK-123" });
        Assert.Equal("paid", (await paid.ReadJsonAsync()).Str("status"));
        Assert.Equal(HttpStatusCode.Conflict, (await op.PostAsJsonAsync($"/api/v1/invoices/{second}/pay", new { })).StatusCode);
        var voidPaid = await op.PostAsJsonAsync($"/api/v1/invoices/{second}/void", new { reason = "Too late" });
        Assert.Equal(HttpStatusCode.Conflict, voidPaid.StatusCode);
        Assert.Contains("paid", (await voidPaid.ReadJsonAsync()).Str("detail"));
    }

    [Fact]
    public async Task A_draft_run_numbers_nothing_until_issued_and_a_voided_draft_releases_its_entries()
    {
        var op = await factory.OperatorAsync();
        var company = await factory.CompanyAsync("Draft Co", "DK");
        await ChargeAsync(company.Id, 30m);
        var draft = (await Flow.RunBillingAsync(factory, company.Id, issue: false)).GetProperty("invoices")[0];
        Assert.Equal("draft", draft.Str("status"));
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("number").ValueKind);
        var draftId = draft.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await company.Client.GetAsync($"/api/v1/invoices/{draftId}")).StatusCode);

        var voided = await (await op.PostAsJsonAsync($"/api/v1/invoices/{draftId}/void", new { reason = "Re-run" })).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, voided.GetProperty("creditNote").ValueKind);
        var again = (await Flow.RunBillingAsync(factory, company.Id, issue: false)).GetProperty("invoices")[0].GetProperty("id").GetGuid();
        var issued = await (await op.PostAsync($"/api/v1/invoices/{again}/issue", null)).ReadJsonAsync();
        Assert.Equal("issued", issued.Str("status"));
        Assert.Matches(NumberPattern(), issued.Str("number"));
        Assert.Equal(HttpStatusCode.Conflict, (await op.PostAsync($"/api/v1/invoices/{again}/issue", null)).StatusCode);
    }

    [Fact]
    public async Task Minimum_and_maximum_per_invoice_adjust_the_plan_fees_and_membership_is_billed_once_a_month()
    {
        var op = await factory.OperatorAsync();
        var minPlan = await Flow.PlanAsync(op, perUnit: 1m, minimum: 25m, membership: 49.5m, payer: "supplier");
        var maxPlan = await Flow.PlanAsync(op, perUnit: 10m, maximum: 50m, payer: "receiver");
        var supplier = await factory.CompanyAsync("Cap Supplier", "DK");
        var receiver = await factory.CompanyAsync("Cap Receiver", "DE", vatId: "DE987654321");
        var small = await Flow.ActiveContractAsync(factory, supplier, receiver, minPlan);
        var large = await Flow.ActiveContractAsync(factory, supplier, receiver, maxPlan);
        await Flow.ConfirmedDeliveryAsync(supplier, receiver, small, 3m);   // 3.00 < minimum 25
        await Flow.ConfirmedDeliveryAsync(supplier, receiver, large, 8m);   // 80.00 > maximum 50
        await Flow.LedgerAsync(factory, op, $"contractId={small}", 1);
        await Flow.LedgerAsync(factory, op, $"contractId={large}", 1);

        var supplierInvoice = await Flow.InvoiceAsync(op, (await Flow.RunBillingAsync(factory, supplier.Id)).GetProperty("invoices")[0].GetProperty("id").GetGuid());
        var lines = supplierInvoice.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(22m, lines.Single(l => l.Str("feeType") == "minimum_top_up").Dec("amount"));
        Assert.Equal(49.5m, lines.Single(l => l.Str("feeType") == "membership").Dec("amount"));
        Assert.Equal(3m + 22m + 49.5m, supplierInvoice.Dec("net"));

        var receiverInvoice = await Flow.InvoiceAsync(op, (await Flow.RunBillingAsync(factory, receiver.Id)).GetProperty("invoices")[0].GetProperty("id").GetGuid());
        Assert.Equal(-30m, receiverInvoice.GetProperty("lines").EnumerateArray().Single(l => l.Str("feeType") == "maximum_cap").Dec("amount"));
        Assert.Equal(80m - 30m + 49.5m, receiverInvoice.Dec("net"));
        Assert.True(receiverInvoice.GetProperty("reverseCharge").GetBoolean());

        Assert.Equal(0, (await Flow.RunBillingAsync(factory, supplier.Id)).GetProperty("entriesBilled").GetInt32());
    }

    [Fact]
    public async Task A_period_exports_as_csv_with_every_numbered_invoice()
    {
        var op = await factory.OperatorAsync();
        var company = await factory.CompanyAsync("Export, \"Quoted\" Ltd", "DK");
        await ChargeAsync(company.Id, 12.34m);
        var number = (await Flow.RunBillingAsync(factory, company.Id)).GetProperty("invoices")[0].Str("number");
        var response = await op.GetAsync($"/api/v1/invoices/export?period={Flow.Period}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("number,series,issue_date", csv);
        var row = csv.Split("\r\n").Single(l => l.StartsWith(number + ",", StringComparison.Ordinal));
        Assert.Contains("\"Export, \"\"Quoted\"\" Ltd\"", row);
        Assert.Contains(",12.34,25.00,3.09,15.43,", row);          // VAT 3.085 → 3.09
        Assert.Equal(HttpStatusCode.BadRequest, (await op.GetAsync("/api/v1/invoices/export?period=2026-13")).StatusCode);
    }

    [GeneratedRegex(@"^\d{4}-\d{6}$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^CN-\d{4}-\d{6}$")]
    private static partial Regex CreditNotePattern();
}
