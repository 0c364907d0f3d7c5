using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Marketplace.Brokerage.Deliveries;

namespace Marketplace.Brokerage.Tests;

/// <summary>A delivery is recorded once it has happened: dated beyond a day ahead, it is refused naming the date.</summary>
[Collection(BrokerageCollection.Name)]
public sealed class FutureDeliveryTests(BrokerageFactory factory)
{
    [Theory]
    [InlineData("2026-12-04", "2026-12-04T09:00:00Z", true)]
    [InlineData("2026-12-05", "2026-12-04T23:00:00Z", true)]
    [InlineData("2026-12-06", "2026-12-04T23:00:00Z", false)]
    [InlineData("2027-05-04", "2026-12-04T09:00:00Z", false)]
    [InlineData("2020-01-01", "2026-12-04T09:00:00Z", true)]
    public void The_rule_allows_today_and_a_day_ahead(string date, string now, bool allowed) =>
        Assert.Equal(allowed, DeliveryRules.FutureDateError(DateOnly.Parse(date, CultureInfo.InvariantCulture), DateTimeOffset.Parse(now, CultureInfo.InvariantCulture)) is null);

    [Fact]
    public async Task A_delivery_dated_five_months_ahead_is_refused_naming_the_date()
    {
        var op = await factory.OperatorAsync();
        var supplier = await factory.CompanyAsync("Early Bird Ash " + Guid.NewGuid().ToString("N")[..4], "DK");
        var receiver = await factory.CompanyAsync("Patient Cement " + Guid.NewGuid().ToString("N")[..4], "DK");
        var contract = await Flow.ActiveContractAsync(factory, supplier, receiver, await Flow.PlanAsync(op, percent: 1m));

        var response = await supplier.Client.PostAsJsonAsync($"/api/v1/contracts/{contract}/deliveries",
            new { date = Flow.Today.AddMonths(5), quantity = 10m, unit = "t", documentRef = "WB-future" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("date", out _), problem.ToString());

        Assert.NotEqual(Guid.Empty, await Flow.RecordAsync(supplier, contract, 10m, date: Flow.Today));
    }
}
