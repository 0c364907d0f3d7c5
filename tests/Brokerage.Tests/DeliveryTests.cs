using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Brokerage.Tests;

[Collection(BrokerageCollection.Name)]
public sealed class DeliveryTests(BrokerageFactory factory)
{
    [Fact]
    public async Task The_counterparty_confirms_or_disputes_and_the_recorder_cannot()
    {
        var supplier = await factory.CompanyAsync("Delivery Supplier", "DK");
        var receiver = await factory.CompanyAsync("Delivery Receiver", "DK");
        var contractId = await Flow.ActiveContractAsync(factory, supplier, receiver, null);

        var first = await Flow.RecordAsync(supplier, contractId, 12.5m);
        var self = await supplier.Client.PostAsync($"/api/v1/contracts/{contractId}/deliveries/{first}/confirm", null);
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Equal("confirmed", (await (await receiver.Client.PostAsync($"/api/v1/contracts/{contractId}/deliveries/{first}/confirm", null)).ReadJsonAsync()).Str("status"));
        Assert.Equal(HttpStatusCode.Conflict, (await receiver.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/deliveries/{first}/dispute", new { reason = "Too late" })).StatusCode);

        var second = await Flow.RecordAsync(receiver, contractId, 800, "kg");
        var disputed = await (await supplier.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/deliveries/{second}/dispute", new { reason = "We sent 600 kg" })).ReadJsonAsync();
        Assert.Equal("disputed", disputed.Str("status"));
        Assert.Equal("We sent 600 kg", disputed.Str("disputeReason"));

        var outside = await supplier.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/deliveries", new { date = Flow.Today.AddYears(2), quantity = 1, unit = "t" });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        var wrongUnit = await supplier.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/deliveries", new { date = Flow.Today, quantity = 1, unit = "MWh" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongUnit.StatusCode);
        Assert.True((await wrongUnit.ReadJsonAsync()).GetProperty("errors").TryGetProperty("unit", out _));
        var negative = await supplier.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/deliveries", new { date = Flow.Today, quantity = -1, unit = "t" });
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
    }

    [Fact]
    public async Task A_delivery_recorded_by_the_operator_is_confirmed_by_either_party_but_not_by_the_operator()
    {
        var op = await factory.OperatorAsync();
        var supplier = await factory.CompanyAsync("Operator Record Supplier", "DK");
        var receiver = await factory.CompanyAsync("Operator Record Receiver", "DK");
        var contractId = await Flow.ActiveContractAsync(factory, supplier, receiver, null);
        var recorded = await op.PostAsJsonAsync($"/api/v1/contracts/{contractId}/deliveries", new { date = Flow.Today, quantity = 7, unit = "t" });
        var delivery = await recorded.ReadJsonAsync();
        Assert.Equal("operator", delivery.Str("recordedBy"));
        var id = delivery.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await op.PostAsync($"/api/v1/contracts/{contractId}/deliveries/{id}/confirm", null)).StatusCode);
        Assert.Equal("confirmed", (await (await supplier.Client.PostAsync($"/api/v1/contracts/{contractId}/deliveries/{id}/confirm", null)).ReadJsonAsync()).Str("status"));
    }

    [Fact]
    public async Task A_correction_is_a_reversing_entry_and_the_original_stays_untouched()
    {
        var supplier = await factory.CompanyAsync("Correction Supplier", "DK");
        var receiver = await factory.CompanyAsync("Correction Receiver", "DK");
        var contractId = await Flow.ActiveContractAsync(factory, supplier, receiver, null);
        var original = await Flow.ConfirmedDeliveryAsync(supplier, receiver, contractId, 10m);

        var pending = await Flow.RecordAsync(supplier, contractId, 3m);
        Assert.Equal(HttpStatusCode.Conflict, (await supplier.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/deliveries/{pending}/corrections", new { reason = "typo" })).StatusCode);

        var correction = await supplier.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/deliveries/{original}/corrections", new { reason = "Weighbridge error", quantity = 9.2m });
        Assert.Equal(HttpStatusCode.Created, correction.StatusCode);
        var body = await correction.ReadJsonAsync();
        Assert.Equal(-10m, body.GetProperty("reversal").Dec("quantity"));
        Assert.Equal("confirmed", body.GetProperty("reversal").Str("status"));
        Assert.Equal(original, body.GetProperty("reversal").GetProperty("reversesDeliveryId").GetGuid());
        Assert.Equal(9.2m, body.GetProperty("replacement").Dec("quantity"));
        Assert.Equal("recorded", body.GetProperty("replacement").Str("status"));

        Assert.Equal(HttpStatusCode.Conflict, (await supplier.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/deliveries/{original}/corrections", new { reason = "again" })).StatusCode);
        var reversalId = body.GetProperty("reversal").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await supplier.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/deliveries/{reversalId}/corrections", new { reason = "undo" })).StatusCode);

        var items = (await (await receiver.Client.GetAsync($"/api/v1/contracts/{contractId}/deliveries")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var stored = items.Single(i => i.GetProperty("id").GetGuid() == original);
        Assert.Equal(10m, stored.Dec("quantity"));
        Assert.Equal("confirmed", stored.Str("status"));
        Assert.Equal(4, items.Count);
    }

    [Fact]
    public async Task A_retried_delivery_with_the_same_idempotency_key_is_recorded_once()
    {
        var supplier = await factory.CompanyAsync("Retry Supplier", "DK");
        var receiver = await factory.CompanyAsync("Retry Receiver", "DK");
        var contractId = await Flow.ActiveContractAsync(factory, supplier, receiver, null);
        var key = Guid.NewGuid().ToString();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/contracts/{contractId}/deliveries")
            {
                Content = JsonContent.Create(new { date = Flow.Today, quantity = 4, unit = "t" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            statuses.Add((await supplier.Client.SendAsync(request)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created], statuses); // replays of the first answer
        Assert.Equal(1, (await (await supplier.Client.GetAsync($"/api/v1/contracts/{contractId}/deliveries")).ReadJsonAsync()).GetProperty("items").GetArrayLength());
    }
}
