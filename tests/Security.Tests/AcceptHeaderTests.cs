using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Marketplace.Security.Tests;

/// <summary>
/// Problem details are JSON whatever the caller accepts: an <c>Accept</c> header naming only XML, HTML, plain text or
/// an image must not turn a 4xx problem into an empty 500 (the platform's problem writer used to refuse such callers,
/// and the exception handler then answered 500 with no body). Every operation, without a token, with a token, and
/// with a malformed body, under each header.
/// </summary>
public abstract class AcceptHeaderTests(MarketplaceUnderTest factory)
{
    private static readonly string[] Accepts =
        ["application/xml", "text/html", "text/plain", "image/png", "application/xml;q=0.9, text/html", "application/json;q=0, text/csv"];

    [ModeFact]
    public async Task Problems_are_JSON_under_every_Accept_header_and_never_a_5xx()
    {
        using var anonymous = factory.CreateClient();
        using var op = await factory.OperatorClientAsync();
        var failures = new List<string>();
        var problems = 0;
        var sent = 0;
        foreach (var operation in await factory.OperationsAsync())
        {
            foreach (var accept in Accepts)
            {
                foreach (var (client, body) in new[] { (anonymous, "{}"), (op, "{"), (op, "{}") })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.Url());
                    request.Headers.Accept.ParseAdd(accept);
                    if (operation.HasBody)
                    {
                        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    }

                    using var response = await client.SendAsync(request);
                    sent++;
                    var status = (int)response.StatusCode;
                    var text = await response.Content.ReadAsStringAsync();
                    if (status >= 500)
                    {
                        failures.Add($"{operation} Accept: {accept}: {status} {text}");
                    }
                    else if (status >= 400 && response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
                    {
                        problems++;
                        var problem = JsonDocument.Parse(text).RootElement;
                        if (!problem.TryGetProperty("status", out var s) || s.GetInt32() != status || !problem.TryGetProperty("title", out _))
                        {
                            failures.Add($"{operation} Accept: {accept}: {status} problem without status/title: {text}");
                        }
                    }
                    else if (status >= 400 && status != 405 && text.Length == 0)
                    {
                        failures.Add($"{operation} Accept: {accept}: {status} with an empty body");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed ({factory.Mode}):\n" + string.Join("\n", failures.Take(40)));
        Assert.True(problems > sent / 2, $"only {problems} of {sent} answers were JSON problems");
    }

    [ModeFact]
    public async Task An_unknown_route_and_an_unauthenticated_call_answer_a_JSON_problem_to_a_browser()
    {
        using var anonymous = factory.CreateClient();
        foreach (var path in new[] { "/api/v1/listings/" + Guid.NewGuid(), "/api/v1/billing-runs" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            using var response = await anonymous.SendAsync(request);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{path}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}

[Collection(InProcessCollection.Name)]
public sealed class AcceptHeaderInProcessTests(InProcessMarketplace marketplace) : AcceptHeaderTests(marketplace);

[Collection(DistributedCollection.Name)]
public sealed class AcceptHeaderDistributedTests(DistributedMarketplace marketplace) : AcceptHeaderTests(marketplace), IDistributedMode;
