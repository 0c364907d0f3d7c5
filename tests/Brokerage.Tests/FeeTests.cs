using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Marketplace.Brokerage.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Brokerage.Tests;

[Collection(BrokerageCollection.Name)]
public sealed class FeeTests(BrokerageFactory factory)
{
    [Fact]
    public async Task Percentage_and_per_tonne_fees_accrue_on_confirmation_rounded_per_line()
    {
        var op = await factory.OperatorAsync();
        var plan = await Flow.PlanAsync(op, percent: 2.5m, perUnit: 0.75m, payer: "supplier");
        var supplier = await factory.CompanyAsync("Pct Supplier", "DK");
        var receiver = await factory.CompanyAsync("Pct Receiver", "DK");
        var contractId = await Flow.ActiveContractAsync(factory, supplier, receiver, plan, price: 12.34m);

        var recorded = await Flow.RecordAsync(supplier, contractId, 3.333m);
        await factory.OutboxDrainedAsync(); // the unconfirmed delivery's event has been through the fee consumer
        Assert.Empty((await (await op.GetAsync($"/api/v1/charges?deliveryId={recorded}")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        await receiver.Client.PostAsync($"/api/v1/contracts/{contractId}/deliveries/{recorded}/confirm", null);

        var entries = await Flow.LedgerAsync(factory, op, $"deliveryId={recorded}", 2);
        Assert.Equal(1.03m, entries.Single(e => e.Str("feeType") == "percentage").Dec("amount"));   // 2.5 % × 3.333 × 12.34 = 1.0283
        Assert.Equal(2.50m, entries.Single(e => e.Str("feeType") == "per_unit").Dec("amount"));     // 0.75 × 3.333 = 2.49975
        Assert.All(entries, e => Assert.Equal(supplier.Id, e.GetProperty("payerOrganisationId").GetGuid()));
        Assert.All(entries, e => Assert.Equal("delivery_recorded", e.Str("source")));
    }

    [Fact]
    public async Task A_split_success_fee_accrues_once_when_the_contract_is_signed_and_gate_fees_count_by_value()
    {
        var op = await factory.OperatorAsync();
        var plan = await Flow.PlanAsync(op, percent: 1m, perUnit: 2m, successFee: 100m, payer: "split", supplierShare: 0.3m);
        var supplier = await factory.CompanyAsync("Split Supplier", "DK");
        var receiver = await factory.CompanyAsync("Split Receiver", "DK");
        var contractId = await Flow.ActiveContractAsync(factory, supplier, receiver, plan, price: -20m);
        var success = await Flow.LedgerAsync(factory, op, $"contractId={contractId}&source=contract_signed", 2);
        Assert.Equal(30m, success.Single(e => e.GetProperty("payerOrganisationId").GetGuid() == supplier.Id).Dec("amount"));
        Assert.Equal(70m, success.Single(e => e.GetProperty("payerOrganisationId").GetGuid() == receiver.Id).Dec("amount"));

        // 2 500 kg at a gate fee of 20 EUR/t: value 50 → 1 % = 0.50; 2 EUR per t × 2.5 t = 5.00; each split 30/70.
        var delivery = await Flow.ConfirmedDeliveryAsync(supplier, receiver, contractId, 2500m, "kg");
        var fees = await Flow.LedgerAsync(factory, op, $"deliveryId={delivery}", 4);
        decimal Fee(string type, Company payer) => fees.Single(e => e.Str("feeType") == type && e.GetProperty("payerOrganisationId").GetGuid() == payer.Id).Dec("amount");
        Assert.Equal(0.15m, Fee("percentage", supplier));
        Assert.Equal(0.35m, Fee("percentage", receiver));
        Assert.Equal(1.50m, Fee("per_unit", supplier));
        Assert.Equal(3.50m, Fee("per_unit", receiver));
    }

    [Fact]
    public async Task A_redelivered_event_accrues_nothing_twice()
    {
        var op = await factory.OperatorAsync();
        var plan = await Flow.PlanAsync(op, percent: 3m, successFee: 50m, payer: "receiver");
        var supplier = await factory.CompanyAsync("Redelivery Supplier", "DK");
        var receiver = await factory.CompanyAsync("Redelivery Receiver", "DK");
        var contractId = await Flow.ActiveContractAsync(factory, supplier, receiver, plan);
        var delivery = await Flow.ConfirmedDeliveryAsync(supplier, receiver, contractId, 5m);
        var before = await Flow.LedgerAsync(factory, op, $"contractId={contractId}", 2);

        var bus = factory.Services.GetRequiredService<IBus>();
        var consumed = new EndpointConsumption(Marketplace.Brokerage.BrokerageModule.Name);
        using var observing = bus.ConnectConsumeObserver(consumed);
        var redelivered = new DeliveryRecorded(delivery, contractId, Flow.Today, 5m, "t", "confirmed", null, DateTime.UtcNow);
        var (sameId, newId, signedId) = (NewId.NextGuid(), NewId.NextGuid(), NewId.NextGuid());
        await bus.Publish(redelivered, ctx => ctx.MessageId = sameId);
        await bus.Publish(redelivered, ctx => ctx.MessageId = sameId);
        await bus.Publish(redelivered, ctx => ctx.MessageId = newId); // the same fact under a new message id: only the source key catches it
        await bus.Publish(new ContractSigned(contractId, Guid.NewGuid(), supplier.Id, receiver.Id, plan, Flow.Today, DateTime.UtcNow), ctx => ctx.MessageId = signedId);

        // The barrier: Brokerage's consumers have finished with every copy, and they save their entries before returning.
        await Eventually(() => Task.FromResult(consumed.Count(sameId) >= 2 && consumed.Count(newId) >= 1 && consumed.Count(signedId) >= 1 ? "" : null));

        var after = await Flow.LedgerAsync(factory, op, $"contractId={contractId}", 2);
        Assert.Equal(before.Length, after.Length);
        Assert.Equal(2, after.Length);
        Assert.Equal(3m, after.Single(e => e.Str("feeType") == "percentage").Dec("amount"));
        Assert.Equal(50m, after.Single(e => e.Str("feeType") == "success_fee").Dec("amount"));
    }

    [Fact]
    public async Task A_corrected_delivery_accrues_reversing_fees()
    {
        var op = await factory.OperatorAsync();
        var plan = await Flow.PlanAsync(op, perUnit: 1m, payer: "supplier");
        var supplier = await factory.CompanyAsync("Reverse Fee Supplier", "DK");
        var receiver = await factory.CompanyAsync("Reverse Fee Receiver", "DK");
        var contractId = await Flow.ActiveContractAsync(factory, supplier, receiver, plan);
        var delivery = await Flow.ConfirmedDeliveryAsync(supplier, receiver, contractId, 10m);
        await Flow.LedgerAsync(factory, op, $"contractId={contractId}", 1);
        await receiver.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/deliveries/{delivery}/corrections", new { reason = "Wrong ticket" });
        var entries = await Flow.LedgerAsync(factory, op, $"contractId={contractId}", 2);
        Assert.Equal([-10m, 10m], entries.Select(e => e.Dec("amount")).Order());
    }

    [Fact]
    public async Task Manual_charges_are_idempotent_and_reversed_once_never_edited()
    {
        var op = await factory.OperatorAsync();
        var org = (await factory.CompanyAsync("Subsidy Seeker " + Guid.NewGuid().ToString("N")[..4], "DK")).Id;
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> Charge()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/charges")
            {
                Content = JsonContent.Create(new { organisationId = org, description = "Subsidy application (EU LIFE)", amount = 1250.005m, currency = "EUR" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await op.SendAsync(request);
        }

        var first = await Charge();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var charge = await first.ReadJsonAsync();
        // A retry with the same key replays the first answer (the platform's Idempotency-Key handling).
        using var replay = await Charge();
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(charge.GetProperty("id").GetGuid(), (await replay.ReadJsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(1250.01m, charge.Dec("amount"));
        Assert.Equal("manual_charge", charge.Str("source"));

        var id = charge.GetProperty("id").GetGuid();
        var reversal = await op.PostAsJsonAsync($"/api/v1/charges/{id}/reverse", new { reason = "Application withdrawn" });
        Assert.Equal(HttpStatusCode.Created, reversal.StatusCode);
        var reversalBody = await reversal.ReadJsonAsync();
        Assert.Equal(-1250.01m, reversalBody.Dec("amount"));
        Assert.Equal(HttpStatusCode.Conflict, (await op.PostAsJsonAsync($"/api/v1/charges/{id}/reverse", new { reason = "Again" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await op.PostAsJsonAsync($"/api/v1/charges/{reversalBody.GetProperty("id").GetGuid()}/reverse", new { reason = "Undo" })).StatusCode);

        var ledger = (await (await op.GetAsync($"/api/v1/charges?organisationId={org}")).ReadJsonAsync());
        Assert.Equal(2, ledger.GetProperty("items").GetArrayLength());
        Assert.Equal(0m, ledger.Dec("total"));
    }

    [Fact]
    public async Task Fee_plans_are_versioned_and_each_event_uses_the_version_in_force()
    {
        var op = await factory.OperatorAsync();
        var code = "versioned-" + Guid.NewGuid().ToString("N")[..8];
        object Plan(decimal fee, string from) => new { code, name = "Versioned", currency = "EUR", effectiveFrom = from, successFee = fee, payer = "supplier" };
        Assert.Equal(1, (await (await op.PostAsJsonAsync("/api/v1/fee-plans", Plan(10m, "2020-01-01"))).ReadJsonAsync()).GetProperty("version").GetInt32());
        Assert.Equal(2, (await (await op.PostAsJsonAsync("/api/v1/fee-plans", Plan(20m, Flow.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))).ReadJsonAsync()).GetProperty("version").GetInt32());
        Assert.Equal(3, (await (await op.PostAsJsonAsync("/api/v1/fee-plans", Plan(99m, Flow.Today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))).ReadJsonAsync()).GetProperty("version").GetInt32());
        var bad = await op.PostAsJsonAsync("/api/v1/fee-plans", new { code, name = "Bad", currency = "EUR", effectiveFrom = "2020-01-01", payer = "nobody" });
        Assert.True((await bad.ReadJsonAsync()).GetProperty("errors").TryGetProperty("payer", out _));

        var all = (await (await op.GetAsync($"/api/v1/fee-plans?code={code}")).ReadJsonAsync()).GetProperty("items");
        Assert.Equal(3, all.GetArrayLength());
        var inForce = (await (await op.GetAsync($"/api/v1/fee-plans?code={code}&inForceOn={Flow.Today:yyyy-MM-dd}")).ReadJsonAsync()).GetProperty("items");
        Assert.Equal(2, inForce[0].GetProperty("version").GetInt32());

        var supplier = await factory.CompanyAsync("Version Supplier", "DK");
        var receiver = await factory.CompanyAsync("Version Receiver", "DK");
        var contractId = await Flow.ActiveContractAsync(factory, supplier, receiver, code);
        var fee = await Flow.LedgerAsync(factory, op, $"contractId={contractId}", 1);
        Assert.Equal(20m, fee.Single().Dec("amount"));
    }
}
