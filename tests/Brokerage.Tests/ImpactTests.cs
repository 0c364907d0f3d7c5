using System.Net;

namespace Marketplace.Brokerage.Tests;

[Collection(BrokerageCollection.Name)]
public sealed class ImpactTests(BrokerageFactory factory)
{
    [Fact]
    public async Task Confirmed_deliveries_aggregate_by_organisation_country_class_and_period()
    {
        var supplier = await factory.CompanyAsync("Impact Ash Supplier", "FI");
        var receiver = await factory.CompanyAsync("Impact Cement Works", "SE");
        var contractId = await Flow.ActiveContractAsync(factory, supplier, receiver, null, price: 5m, deliveryTerms: "collected", distanceKm: 40);
        await Flow.ConfirmedDeliveryAsync(supplier, receiver, contractId, 10m);
        await Flow.RecordAsync(supplier, contractId, 99m); // not confirmed: no impact

        var own = await (await supplier.Client.GetAsync("/api/v1/impact?groupBy=organisation")).ReadJsonAsync();
        var group = Assert.Single(own.GetProperty("groups").EnumerateArray());
        Assert.Equal(supplier.Id.ToString(), group.GetProperty("key").Str("organisation"));
        var figures = group.GetProperty("figures");
        Assert.Equal(1, figures.GetProperty("deliveries").GetInt32());
        Assert.Equal(10m, figures.Dec("tonnesDiverted"));
        Assert.Equal(7444.36m, figures.Dec("co2eAvoidedKg"));
        Assert.Equal(300m, figures.Dec("moneySavedEur"));
        Assert.Contains(own.GetProperty("factors").EnumerateArray(), f => f.Str("id") == "fly-ash" && f.Str("source").Contains("ICE", StringComparison.Ordinal));

        var receiverView = await (await receiver.Client.GetAsync("/api/v1/impact?groupBy=organisation")).ReadJsonAsync();
        Assert.Equal(947.60m, receiverView.GetProperty("groups")[0].GetProperty("figures").Dec("moneySavedEur"));

        var op = await factory.OperatorAsync();
        var byCountry = await (await op.GetAsync($"/api/v1/impact?groupBy=country,resourceClass,period&country=FI")).ReadJsonAsync();
        var fi = byCountry.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").Str("period") == Flow.Period);
        Assert.Equal("material", fi.GetProperty("key").Str("resourceClass"));
        Assert.True(fi.GetProperty("figures").Dec("tonnesDiverted") >= 10m);
        Assert.Equal(1247.60m, (await (await op.GetAsync($"/api/v1/impact?organisationId={supplier.Id}")).ReadJsonAsync()).GetProperty("totals").Dec("moneySavedEur"));

        Assert.Equal(HttpStatusCode.BadRequest, (await op.GetAsync("/api/v1/impact?groupBy=planet")).StatusCode);
    }

    [Fact]
    public async Task A_correction_nets_the_impact_of_the_reversed_delivery()
    {
        var supplier = await factory.CompanyAsync("Impact Correction Supplier", "DK");
        var receiver = await factory.CompanyAsync("Impact Correction Receiver", "DK");
        var contractId = await Flow.ActiveContractAsync(factory, supplier, receiver, null, title: "Clean sawdust", ewc: null);
        var delivery = await Flow.ConfirmedDeliveryAsync(supplier, receiver, contractId, 10m);
        var correction = await supplier.Client.PostAsync($"/api/v1/contracts/{contractId}/deliveries/{delivery}/corrections",
            System.Net.Http.Json.JsonContent.Create(new { reason = "Double-counted", quantity = 4m }));
        var replacement = (await correction.ReadJsonAsync()).GetProperty("replacement").GetProperty("id").GetGuid();
        await receiver.Client.PostAsync($"/api/v1/contracts/{contractId}/deliveries/{replacement}/confirm", null);

        var totals = (await (await supplier.Client.GetAsync("/api/v1/impact")).ReadJsonAsync()).GetProperty("totals");
        Assert.Equal(4m, totals.Dec("tonnesDiverted"));
        Assert.Equal(3, totals.GetProperty("deliveries").GetInt32());
    }
}
