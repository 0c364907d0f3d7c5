using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Identity;

namespace Marketplace.Standalone;

/// <summary>
/// The demo's one deal, so every portal page has something to show: the brewery's spent grain to the pig farm,
/// accepted, with terms from last month on, a signed contract, two confirmed deliveries last month, one this month
/// for the farm to confirm, and last month's invoice. It goes through the public API like a real one: the operator
/// accepts the match and the brewery's side (through an API client of its own, revoked at the end) proposes and
/// confirms what the operator may not do for it.
/// </summary>
internal static class DemoDeal
{
    private static readonly string[] LoaderScopes = ["brokerage.read", "brokerage.write"];

    public static async Task SeedAsync(HttpClient operatorClient, string baseUrl, Guid offer, Guid want, TimeProvider clock, CancellationToken cancellationToken)
    {
        var brewery = DemoCompanies.All[2].Id;
        var matchId = await FindMatchAsync(operatorClient, want, offer, cancellationToken);
        await SendAsync(operatorClient, HttpMethod.Post, $"/api/v1/matches/{matchId}/interest", null, cancellationToken);
        var dealId = await WaitForDealAsync(operatorClient, matchId, cancellationToken);

        var client = await SendAsync(operatorClient, HttpMethod.Post, $"/api/v1/organisations/{brewery}/clients",
            new { name = "Demo data loader (revoked)", scopes = LoaderScopes }, cancellationToken);
        var clientId = client.GetProperty("clientId").GetString()!;
        try
        {
            using var supplier = await ClientAsync(baseUrl, clientId, client.GetProperty("clientSecret").GetString()!, cancellationToken);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            var terms = await SendAsync(supplier, HttpMethod.Post, $"/api/v1/deals/{dealId}/terms", new
            {
                quantity = new { amount = 40, unit = "t", period = "month", start = lastMonth, end = lastMonth.AddYears(1).AddDays(-1) },
                price = new { perUnit = 15m, currency = "EUR" },
                deliveryTerms = "collected",
                feePlan = "standard",
                note = "Collected twice a month by the farm's tanker; price reviewed after six months.",
            }, cancellationToken);
            var accepted = await SendAsync(operatorClient, HttpMethod.Post, $"/api/v1/deals/{dealId}/terms/{terms.GetProperty("version").GetInt32()}/accept", null, cancellationToken);
            var contract = $"/api/v1/contracts/{accepted.GetProperty("contractId").GetGuid()}";
            await SendAsync(operatorClient, HttpMethod.Post, contract + "/sign", new { @as = "supplier" }, cancellationToken);
            await SendAsync(operatorClient, HttpMethod.Post, contract + "/sign", new { @as = "receiver" }, cancellationToken);

            var confirmed = new List<Guid>();
            foreach (var (day, tonnes, note) in new[] { (10, 38.5m, "WB-2041"), (24, 41.2m, "WB-2077") })
            {
                var delivery = await SendAsync(operatorClient, HttpMethod.Post, contract + "/deliveries",
                    new { date = lastMonth.AddDays(day - 1), quantity = tonnes, unit = "t", documentRef = note }, cancellationToken);
                confirmed.Add(delivery.GetProperty("id").GetGuid());
                await SendAsync(supplier, HttpMethod.Post, $"{contract}/deliveries/{confirmed[^1]}/confirm", null, cancellationToken);
            }

            // Fees accrue from the deliveries' events: the billing run waits until both are in the ledger.
            foreach (var delivery in confirmed)
            {
                await UntilAsync(async () => (await SendAsync(operatorClient, HttpMethod.Get, $"/api/v1/charges?deliveryId={delivery}", null, cancellationToken))
                    .GetProperty("items").GetArrayLength() > 0, "the fees of a confirmed delivery", cancellationToken);
            }

            await SendAsync(operatorClient, HttpMethod.Post, contract + "/deliveries",
                new { date = today, quantity = 19.8m, unit = "t", documentRef = "WB-2113" }, cancellationToken);
            await SendAsync(operatorClient, HttpMethod.Post, "/api/v1/billing-runs",
                new { period = lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture), organisationId = (Guid?)null, issue = true }, cancellationToken);
        }
        finally
        {
            using var revoke = await operatorClient.DeleteAsync($"/api/v1/organisations/{brewery}/clients/{Uri.EscapeDataString(clientId)}", CancellationToken.None);
        }
    }

    private static async Task<Guid> FindMatchAsync(HttpClient http, Guid want, Guid offer, CancellationToken cancellationToken)
    {
        var page = await SendAsync(http, HttpMethod.Get, $"/api/v1/listings/{want}/matches?limit=50", null, cancellationToken);
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            if (item.GetProperty("listingId").GetGuid() == offer)
            {
                return item.GetProperty("matchId").GetGuid();
            }
        }

        throw new InvalidOperationException("the spent grain is not among the pig farm's suggestions");
    }

    private static async Task<Guid> WaitForDealAsync(HttpClient http, Guid matchId, CancellationToken cancellationToken)
    {
        var deal = default(JsonElement);
        await UntilAsync(async () =>
        {
            deal = (await SendAsync(http, HttpMethod.Get, $"/api/v1/deals?matchId={matchId}", null, cancellationToken)).GetProperty("items")
                .EnumerateArray().FirstOrDefault();
            return deal.ValueKind == JsonValueKind.Object;
        }, "the deal of the accepted match", cancellationToken);
        return deal.GetProperty("id").GetGuid();
    }

    private static async Task UntilAsync(Func<Task<bool>> done, string what, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await done())
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"Waited 30 s for {what}");
    }

    private static async Task<HttpClient> ClientAsync(string baseUrl, string clientId, string secret, CancellationToken cancellationToken)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }), cancellationToken);
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("access_token").GetString());
        return http;
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
