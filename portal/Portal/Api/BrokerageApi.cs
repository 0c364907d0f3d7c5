namespace Marketplace.Portal.Api;

/// <summary>Deals through the public API.</summary>
public sealed class BrokerageApi(HttpClient http)
{
    public async Task<IReadOnlyList<Deal>> DealsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/v1/deals", cancellationToken);
        return (await ApiJson.ReadAsync<Page<Deal>>(response, cancellationToken)).Items;
    }
}
