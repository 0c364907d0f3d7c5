using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Brokerage.Tests;

/// <summary>The steps most tests share, each through the public API.</summary>
public static class Flow
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Period => Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static object Terms(decimal price = 20m, string unit = "t", string deliveryTerms = "collected", string? feePlan = null, decimal amount = 100) => new
    {
        quantity = new { amount, unit, period = "month", start = new DateOnly(Today.Year, Today.Month, 1), end = Today.AddYears(1) },
        price = new { perUnit = price, currency = "EUR" },
        deliveryTerms,
        feePlan,
    };

    /// <summary>Creates a fee plan under a fresh code so that tests sharing a host never share fees.</summary>
    public static async Task<string> PlanAsync(HttpClient op, decimal? percent = null, decimal? perUnit = null, string? perUnitOf = "t",
        decimal? successFee = null, decimal? membership = null, decimal? minimum = null, decimal? maximum = null,
        string payer = "supplier", decimal? supplierShare = null, string currency = "EUR")
    {
        var code = "plan-" + Guid.NewGuid().ToString("N")[..10];
        var response = await op.PostAsJsonAsync("/api/v1/fee-plans", new
        {
            code, name = "Test plan " + code, currency, effectiveFrom = "2020-01-01", percentOfValue = percent, amountPerUnit = perUnit,
            perUnit = perUnit is null ? null : perUnitOf, successFee, monthlyMembership = membership, minimumPerInvoice = minimum,
            maximumPerInvoice = maximum, payer, supplierShare,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    /// <summary>Supplier proposes, receiver accepts, both sign: an active contract.</summary>
    public static async Task<Guid> ActiveContractAsync(BrokerageFactory factory, Company supplier, Company receiver, string? feePlan,
        decimal price = 20m, string deliveryTerms = "collected", string title = "Dry fly ash", string? ewc = "10 01 02", double? distanceKm = 40)
    {
        var dealId = await factory.DealAsync(supplier, receiver, title, ewc, distanceKm: distanceKm);
        var proposed = await supplier.Client.PostAsJsonAsync($"/api/v1/deals/{dealId}/terms", Terms(price, deliveryTerms: deliveryTerms, feePlan: feePlan));
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var accepted = await receiver.Client.PostAsync($"/api/v1/deals/{dealId}/terms/1/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var contractId = (await accepted.ReadJsonAsync()).GetProperty("contractId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await supplier.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/sign", new { })).StatusCode);
        var signed = await receiver.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/sign", new { });
        Assert.Equal("active", (await signed.ReadJsonAsync()).GetProperty("status").GetString());
        return contractId;
    }

    public static async Task<Guid> RecordAsync(Company recorder, Guid contractId, decimal quantity, string unit = "t", DateOnly? date = null)
    {
        var response = await recorder.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/deliveries",
            new { date = date ?? Today, quantity, unit, documentRef = "WB-" + Guid.NewGuid().ToString("N")[..6] });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> ConfirmedDeliveryAsync(Company supplier, Company receiver, Guid contractId, decimal quantity, string unit = "t")
    {
        var id = await RecordAsync(supplier, contractId, quantity, unit);
        var confirmed = await receiver.Client.PostAsync($"/api/v1/contracts/{contractId}/deliveries/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        return id;
    }

    /// <summary>
    /// The ledger entries of a query once there are at least <paramref name="count"/> (accrual runs on events) and every
    /// event staged so far has been consumed, so that no entry can still arrive.
    /// </summary>
    public static async Task<JsonElement[]> LedgerAsync(BrokerageFactory factory, HttpClient op, string query, int count)
    {
        var items = await Eventually(async () =>
        {
            var list = (await (await op.GetAsync($"/api/v1/charges?{query}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToArray();
            return list.Length >= count ? list : null;
        });
        await factory.OutboxDrainedAsync();
        var again = (await (await op.GetAsync($"/api/v1/charges?{query}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(items.Length, again.Length);
        return again;
    }

    /// <summary>Bills <paramref name="period"/> (default: this month) with the host's clock just after the period ended.</summary>
    public static async Task<JsonElement> RunBillingAsync(BrokerageFactory factory, Guid organisationId, string? period = null, bool issue = true)
    {
        var op = await factory.OperatorAsync();
        using var ended = factory.Clock.AfterPeriod(period ?? Period);
        var response = await op.PostAsJsonAsync("/api/v1/billing-runs", new { period = period ?? Period, organisationId, issue });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> InvoiceAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/invoices/{id}")).ReadJsonAsync();

    public static decimal Dec(this JsonElement e, string property) => e.GetProperty(property).GetDecimal();

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;
}
