using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Marketplace.Brokerage.Billing;

namespace Marketplace.Brokerage.Tests;

/// <summary>A billing run closes a month: only a month that has ended, and with it every earlier month no run closed.</summary>
[Collection(BrokerageCollection.Name)]
public sealed partial class BillingPeriodTests(BrokerageFactory factory)
{
    private static string Month(int fromNow) => Flow.Today.AddMonths(fromNow).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A supplier with an active contract under a fresh plan with the given monthly membership.</summary>
    private async Task<Company> SupplierUnderContractAsync(string name, decimal membership)
    {
        var plan = await Flow.PlanAsync(await factory.OperatorAsync(), perUnit: 1m, membership: membership);
        var supplier = await factory.CompanyAsync(name + " Ash " + Guid.NewGuid().ToString("N")[..4], "DK");
        var receiver = await factory.CompanyAsync(name + " Cement " + Guid.NewGuid().ToString("N")[..4], "DK");
        await Flow.ActiveContractAsync(factory, supplier, receiver, plan);
        return supplier;
    }

    [Theory]
    [InlineData("2026-11", "2026-12-01T00:00:00Z", true)]
    [InlineData("2026-11", "2026-11-30T23:59:59Z", false)]
    [InlineData("2026-12", "2026-12-04T09:00:00Z", false)]
    [InlineData("2027-06", "2026-12-04T09:00:00Z", false)]
    [InlineData("2026-12", "2027-01-01T00:30:00+01:00", false)]
    [InlineData("2020-02", "2026-12-04T09:00:00Z", true)]
    public void A_month_can_be_billed_once_it_has_ended_in_UTC(string period, string now, bool allowed) =>
        Assert.Equal(allowed, BillingPeriod.NotEndedError(period, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture)) is null);

    [Fact]
    public void The_months_to_close_run_from_the_first_activation_to_the_period()
    {
        Assert.Equal(["2026-10", "2026-11", "2026-12", "2027-01"], BillingPeriod.MonthsUpTo("2027-01", new DateOnly(2026, 10, 31)));
        Assert.Equal(["2026-11"], BillingPeriod.MonthsUpTo("2026-11", new DateOnly(2026, 12, 2)));
        Assert.Equal(["2026-11"], BillingPeriod.MonthsUpTo("2026-11", null));
    }

    [Fact]
    public async Task A_period_that_has_not_ended_is_refused_naming_period_and_charges_nothing()
    {
        var op = await factory.OperatorAsync();
        var supplier = await SupplierUnderContractAsync("Premature", 70m);

        foreach (var period in new[] { Month(0), Month(7) })
        {
            var response = await op.PostAsJsonAsync("/api/v1/billing-runs", new { period, organisationId = supplier.Id, issue = false });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.ReadJsonAsync();
            Assert.Contains("has not ended", problem.GetProperty("errors").GetProperty("period")[0].GetString());
        }

        var memberships = (await (await op.GetAsync($"/api/v1/charges?organisationId={supplier.Id}")).ReadJsonAsync()).GetProperty("items")
            .EnumerateArray().Count(e => e.Str("feeType") == "membership");
        Assert.Equal(0, memberships);
    }

    [Fact]
    public async Task A_run_after_skipped_months_bills_the_membership_of_every_month_since_the_last_one()
    {
        var op = await factory.OperatorAsync();
        var supplier = await SupplierUnderContractAsync("Skipping", 30m);

        // Nobody billed this month or the next; the run for the month after closes all three.
        var run = await Flow.RunBillingAsync(factory, supplier.Id, Month(2));
        var invoice = await Flow.InvoiceAsync(op, run.GetProperty("invoices")[0].GetProperty("id").GetGuid());
        var months = invoice.GetProperty("lines").EnumerateArray().Where(l => l.Str("feeType") == "membership")
            .Select(l => l.Str("description")).Order().ToList();
        Assert.Equal([$"Membership {Month(0)}", $"Membership {Month(1)}", $"Membership {Month(2)}"], months.Select(m => m[..18]));
        Assert.Equal(90m, invoice.Dec("net"));
    }
}
