using System.Net;
using System.Net.Http.Json;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.SupplyContracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Brokerage.Tests;

[Collection(BrokerageCollection.Name)]
public sealed class DealAndContractTests(BrokerageFactory factory)
{
    [Fact]
    public async Task Terms_are_versioned_countered_and_accepted_only_by_the_other_party()
    {
        var supplier = await factory.CompanyAsync("Terms Supplier", "DK");
        var receiver = await factory.CompanyAsync("Terms Receiver", "DK");
        var dealId = await factory.DealAsync(supplier, receiver);

        Assert.Equal(HttpStatusCode.Created, (await supplier.Client.PostAsJsonAsync($"/api/v1/deals/{dealId}/terms", Flow.Terms(price: 12m))).StatusCode);
        var own = await supplier.Client.PostAsync($"/api/v1/deals/{dealId}/terms/1/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Contains("other party", (await own.ReadJsonAsync()).Str("detail"));

        // The receiver counters with a gate fee (negative price): version 2; version 1 is kept, superseded.
        Assert.Equal(HttpStatusCode.Created, (await receiver.Client.PostAsJsonAsync($"/api/v1/deals/{dealId}/terms", Flow.Terms(price: -3.5m, deliveryTerms: "delivered"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await receiver.Client.PostAsync($"/api/v1/deals/{dealId}/terms/1/accept", null)).StatusCode);
        var accepted = await supplier.Client.PostAsync($"/api/v1/deals/{dealId}/terms/2/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var contractId = (await accepted.ReadJsonAsync()).GetProperty("contractId").GetGuid();

        var versions = (await (await receiver.Client.GetAsync($"/api/v1/deals/{dealId}/terms")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(["superseded", "accepted"], versions.Select(v => v.Str("status")));
        Assert.Equal(12m, versions[0].GetProperty("price").Dec("perUnit"));
        Assert.Equal("supplier", versions[0].Str("proposedBy"));
        Assert.Equal("receiver", versions[1].Str("proposedBy"));

        var contract = await (await supplier.Client.GetAsync($"/api/v1/contracts/{contractId}")).ReadJsonAsync();
        Assert.Equal("draft", contract.Str("status"));
        Assert.Equal(-3.5m, contract.Dec("pricePerUnit"));
        Assert.Equal("delivered", contract.Str("deliveryTerms"));
        Assert.Equal(supplier.Id, contract.GetProperty("supplierOrganisationId").GetGuid());
        Assert.Equal("agreed", (await (await supplier.Client.GetAsync($"/api/v1/deals/{dealId}")).ReadJsonAsync()).Str("status"));

        var late = await receiver.Client.PostAsJsonAsync($"/api/v1/deals/{dealId}/terms", Flow.Terms());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("application/problem+json", late.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invalid_terms_answer_400_naming_the_field_and_store_nothing()
    {
        var supplier = await factory.CompanyAsync("Bad Terms Supplier", "DK");
        var receiver = await factory.CompanyAsync("Bad Terms Receiver", "DK");
        var dealId = await factory.DealAsync(supplier, receiver);
        var badUnit = await supplier.Client.PostAsJsonAsync($"/api/v1/deals/{dealId}/terms", Flow.Terms(unit: "bananas"));
        Assert.Equal(HttpStatusCode.BadRequest, badUnit.StatusCode);
        Assert.True((await badUnit.ReadJsonAsync()).GetProperty("errors").TryGetProperty("quantity.unit", out _));
        var badTerms = await supplier.Client.PostAsJsonAsync($"/api/v1/deals/{dealId}/terms", Flow.Terms(deliveryTerms: "teleported"));
        Assert.True((await badTerms.ReadJsonAsync()).GetProperty("errors").TryGetProperty("deliveryTerms", out _));
        var badPlan = await supplier.Client.PostAsJsonAsync($"/api/v1/deals/{dealId}/terms", Flow.Terms(feePlan: "no-such-plan"));
        Assert.Equal(HttpStatusCode.BadRequest, badPlan.StatusCode);
        Assert.Equal(0, (await (await supplier.Client.GetAsync($"/api/v1/deals/{dealId}/terms")).ReadJsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_contract_is_active_when_both_sign_and_illegal_transitions_answer_409()
    {
        var supplier = await factory.CompanyAsync("Sign Supplier", "DK");
        var receiver = await factory.CompanyAsync("Sign Receiver", "DK");
        var dealId = await factory.DealAsync(supplier, receiver);
        await supplier.Client.PostAsJsonAsync($"/api/v1/deals/{dealId}/terms", Flow.Terms());
        var contractId = (await (await receiver.Client.PostAsync($"/api/v1/deals/{dealId}/terms/1/accept", null)).ReadJsonAsync()).GetProperty("contractId").GetGuid();

        var delivery = await supplier.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/deliveries", new { date = Flow.Today, quantity = 1, unit = "t" });
        Assert.Equal(HttpStatusCode.Conflict, delivery.StatusCode);

        var first = await receiver.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/sign", new { });
        Assert.Equal("signed_by_receiver", (await first.ReadJsonAsync()).Str("status"));
        var twice = await receiver.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/sign", new { });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("already signed", (await twice.ReadJsonAsync()).Str("detail"));
        var both = await (await supplier.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/sign", new { })).ReadJsonAsync();
        Assert.Equal("active", both.Str("status"));
        Assert.NotEqual(JsonValueKindNull, both.GetProperty("activatedAt").ValueKind);

        var noReason = await supplier.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/terminate", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var terminated = await (await supplier.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/terminate", new { reason = "Plant closed" })).ReadJsonAsync();
        Assert.Equal("terminated", terminated.Str("status"));
        Assert.Equal("Plant closed", terminated.Str("terminationReason"));
        Assert.Equal(HttpStatusCode.Conflict, (await receiver.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/terminate", new { reason = "Again" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await receiver.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/sign", new { })).StatusCode);
    }

    [Fact]
    public async Task An_operator_signs_for_a_named_side_and_the_sweep_completes_or_expires_contracts_at_their_end()
    {
        var op = await factory.OperatorAsync();
        var supplier = await factory.CompanyAsync("Sweep Supplier", "DK");
        var receiver = await factory.CompanyAsync("Sweep Receiver", "DK");
        var active = await Flow.ActiveContractAsync(factory, supplier, receiver, null);

        var dealId = await factory.DealAsync(supplier, receiver);
        await op.PostAsJsonAsync($"/api/v1/deals/{dealId}/terms", Flow.Terms());
        Assert.Equal(HttpStatusCode.Conflict, (await op.PostAsync($"/api/v1/deals/{dealId}/terms/1/accept", null)).StatusCode);
        var draft = (await (await supplier.Client.PostAsync($"/api/v1/deals/{dealId}/terms/1/accept", null)).ReadJsonAsync()).GetProperty("contractId").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await op.PostAsJsonAsync($"/api/v1/contracts/{draft}/sign", new { })).StatusCode);
        Assert.Equal("signed_by_supplier", (await (await op.PostAsJsonAsync($"/api/v1/contracts/{draft}/sign", new { @as = "supplier" })).ReadJsonAsync()).Str("status"));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BrokerageDbContext>();
        await ContractLifecycle.SweepAsync(db, Flow.Today.AddYears(1).AddDays(1), DateTime.UtcNow, CancellationToken.None);
        Assert.Equal("completed", (await db.Contracts.AsNoTracking().FirstAsync(c => c.Id == active)).Status);
        Assert.Equal("expired", (await db.Contracts.AsNoTracking().FirstAsync(c => c.Id == draft)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await receiver.Client.PostAsJsonAsync($"/api/v1/contracts/{draft}/sign", new { })).StatusCode);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
