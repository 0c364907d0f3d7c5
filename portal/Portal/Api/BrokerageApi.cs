namespace Marketplace.Portal.Api;

/// <summary>Deals, their terms, contracts, deliveries, fees and impact through the public API.</summary>
public sealed class BrokerageApi(HttpClient http)
{
    public async Task<IReadOnlyList<Deal>> DealsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/v1/deals", cancellationToken);
        return (await ApiJson.ReadAsync<Page<Deal>>(response, cancellationToken)).Items;
    }

    /// <summary>The deal an accepted match became, or null while Brokerage has not opened it yet.</summary>
    public async Task<Deal?> DealOfMatchAsync(Guid matchId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/deals?matchId={matchId}&limit=1", cancellationToken);
        return (await ApiJson.ReadAsync<Page<Deal>>(response, cancellationToken)).Items is [var deal, ..] ? deal : null;
    }

    /// <summary>A deal with its terms, its contract (once terms are accepted), the contract's deliveries and fee plan, and the company's impact.</summary>
    /// <summary>The deal alone (its resource and parties), for pages that need no terms, contract or deliveries.</summary>
    public Task<Deal> DealSummaryAsync(Guid id, CancellationToken cancellationToken) => GetAsync<Deal>($"api/v1/deals/{id}", cancellationToken);

    public async Task<DealView> DealAsync(Guid id, CancellationToken cancellationToken)
    {
        var deal = GetAsync<Deal>($"api/v1/deals/{id}", cancellationToken);
        var terms = GetAsync<TermsList>($"api/v1/deals/{id}/terms", cancellationToken);
        var contracts = GetAsync<Page<Contract>>($"api/v1/contracts?dealId={id}&limit=1", cancellationToken);
        var impact = GetAsync<Impact>("api/v1/impact", cancellationToken);
        var listed = (await contracts).Items;
        var contract = listed.Count > 0 ? listed[0] : null;
        var deliveries = contract is null ? null : GetAsync<DeliveryList>($"api/v1/contracts/{contract.Id}/deliveries", cancellationToken);
        var plan = contract?.FeePlanId is { } planId ? GetAsync<FeePlan>($"api/v1/fee-plans/{planId}", cancellationToken) : null;
        return new DealView(await deal, (await terms).Items, contract, deliveries is null ? [] : (await deliveries).Items,
            plan is null ? null : await plan, await impact);
    }

    public Task<ApiProblem?> ProposeTermsAsync(Guid dealId, object body, CancellationToken cancellationToken) =>
        PostAsync($"api/v1/deals/{dealId}/terms", body, null, cancellationToken);

    public Task<ApiProblem?> AcceptTermsAsync(Guid dealId, int version, CancellationToken cancellationToken) =>
        PostAsync($"api/v1/deals/{dealId}/terms/{version}/accept", null, null, cancellationToken);

    public Task<ApiProblem?> SignAsync(Guid contractId, CancellationToken cancellationToken) =>
        PostAsync($"api/v1/contracts/{contractId}/sign", new { }, null, cancellationToken);

    public Task<ApiProblem?> RecordDeliveryAsync(Guid contractId, object body, string idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync($"api/v1/contracts/{contractId}/deliveries", body, idempotencyKey, cancellationToken);

    public Task<ApiProblem?> ConfirmDeliveryAsync(Guid contractId, Guid deliveryId, CancellationToken cancellationToken) =>
        PostAsync($"api/v1/contracts/{contractId}/deliveries/{deliveryId}/confirm", null, null, cancellationToken);

    public Task<ApiProblem?> DisputeDeliveryAsync(Guid contractId, Guid deliveryId, string reason, CancellationToken cancellationToken) =>
        PostAsync($"api/v1/contracts/{contractId}/deliveries/{deliveryId}/dispute", new { reason }, null, cancellationToken);

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        return await ApiJson.ReadAsync<T>(response, cancellationToken);
    }

    private Task<ApiProblem?> PostAsync(string path, object? body, string? idempotencyKey, CancellationToken cancellationToken) =>
        http.PostForProblemAsync(path, body, idempotencyKey, cancellationToken);
}
