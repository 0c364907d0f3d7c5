using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PartnerClient;

// A partner application in a page of code:
//   dotnet run --project samples/PartnerClient -- api <baseUrl> <clientId> <clientSecret>
//   dotnet run --project samples/PartnerClient -- webhooks <listenPrefix e.g. http://localhost:7070/hook/> <webhookSecret>
if (args.Length >= 4 && args[0] == "api")
{
    return await CallApiAsync(new Uri(args[1]), args[2], args[3]);
}

if (args.Length >= 3 && args[0] == "webhooks")
{
    return await ReceiveWebhooksAsync(args[1], args[2]);
}

Console.Error.WriteLine("usage: api <baseUrl> <clientId> <clientSecret> | webhooks <listenPrefix> <webhookSecret>");
return 2;

static async Task<int> CallApiAsync(Uri baseUrl, string clientId, string clientSecret)
{
    using var http = new HttpClient { BaseAddress = baseUrl };

    // 1. A token by client credentials; ask only for the scopes you need.
    const string requested = "listings.read listings.write matches.read";
    using var tokenResponse = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret, ["scope"] = requested,
    }));
    var token = await tokenResponse.Content.ReadFromJsonAsync<JsonElement>();
    if (!tokenResponse.IsSuccessStatusCode)
    {
        Console.Error.WriteLine($"token: {token}");
        return 1;
    }

    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
    // OAuth 2.0 (RFC 6749 5.1): `scope` is in the answer only when the server granted other scopes than those asked for.
    var granted = token.TryGetProperty("scope", out var scope) ? scope.GetString() : requested;
    Console.WriteLine($"token for {granted}, expires in {token.GetProperty("expires_in").GetInt32()} s");

    // 2. Create a listing with an Idempotency-Key, and retry it as a flaky network would: one listing, same answer.
    var key = Guid.NewGuid().ToString();
    var answers = new List<string>();
    var listing = new
    {
        kind = "offer", resourceClass = "material", title = "Dry fly ash, 4,000 t/year",
        description = "Class F fly ash from pulverised coal, silo storage.", ewcCode = "10 01 02",
        quantity = new { amount = 4000, unit = "t", per = "year" },
        location = new { lat = 55.68, lon = 11.08, country = "DK" },
    };
    for (var attempt = 1; attempt <= 2; attempt++)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/listings") { Content = JsonContent.Create(listing) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await http.SendAsync(request);
        var replayed = response.Headers.TryGetValues("Idempotency-Replayed", out _);
        Console.WriteLine($"POST /api/v1/listings attempt {attempt}: {(int)response.StatusCode}{(replayed ? " (replayed)" : "")} {response.Headers.Location}");
        answers.Add($"{(int)response.StatusCode} {response.Headers.Location}");
    }

    // 3. Errors are RFC 9457 problem details: show the field that was wrong.
    using var bad = await http.PostAsJsonAsync("/api/v1/listings", new { kind = "offer" });
    Console.WriteLine($"bad input: {(int)bad.StatusCode} {await bad.Content.ReadAsStringAsync()}");

    // Exit 0 only when the tour went as described: one listing created, the retry answered the same, bad input a 400.
    return answers[0].StartsWith("201 ", StringComparison.Ordinal) && answers[1] == answers[0] && bad.StatusCode == HttpStatusCode.BadRequest ? 0 : 1;
}

static async Task<int> ReceiveWebhooksAsync(string prefix, string secret)
{
    using var listener = new HttpListener();
    listener.Prefixes.Add(prefix);
    listener.Start();
    Console.WriteLine($"listening on {prefix}; Ctrl+C to stop");
    while (true)
    {
        var context = await listener.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var signature = context.Request.Headers["Symbiosis-Signature"] ?? "";
        var valid = WebhookVerifier.Verify(secret, signature, body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        // Answer 2xx quickly and process later; anything else is retried with backoff for 24 hours.
        context.Response.StatusCode = valid ? (int)HttpStatusCode.NoContent : (int)HttpStatusCode.Unauthorized;
        context.Response.Close();
        Console.WriteLine($"{context.Request.Headers["Symbiosis-Event-Type"]} {context.Request.Headers["Symbiosis-Event-Id"]}: signature {(valid ? "valid" : "INVALID")}");
    }
}
