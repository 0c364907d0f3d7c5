using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Security.Tests;

public abstract class OpenApiTests(MarketplaceUnderTest factory)
{
    [ModeFact]
    public async Task One_OpenAPI_3_1_document_covers_every_service_and_a_reference_page_is_served()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await factory.OpenApiDocumentAsync();
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/organisations", paths);
        Assert.Contains(paths, p => p.StartsWith("/api/v1/listings", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("/api/v1/deals", StringComparison.Ordinal));

        var register = document.GetProperty("paths").GetProperty("/api/v1/organisations").GetProperty("post");
        Assert.Contains(register.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.True(register.GetProperty("responses").TryGetProperty("401", out _));
        Assert.Equal(JsonValueKind.Array, register.GetProperty("security").ValueKind);

        using var page = await client.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.ToString());
    }
}

[Collection(InProcessCollection.Name)]
public sealed class OpenApiInProcessTests(InProcessMarketplace marketplace) : OpenApiTests(marketplace)
{
    private readonly InProcessMarketplace app = marketplace;

    /// <summary>
    /// The endpoint walks take their operations from the OpenAPI document, so the document must list every /api
    /// endpoint the host maps, with the same anonymity, body and id parameters as the endpoint itself.
    /// </summary>
    [Fact]
    public async Task The_document_lists_every_api_endpoint_of_the_host_as_it_is_mapped()
    {
        var documented = (await app.OperationsAsync()).ToDictionary(o => $"{o.Method} {Normalise(o.Pattern)}");
        var mapped = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Endpoint: e)))
            .ToList();
        Assert.True(mapped.Count >= 15, $"Only {mapped.Count} endpoints mapped.");

        var failures = new List<string>();
        foreach (var (method, endpoint) in mapped)
        {
            var key = $"{method} {Normalise(endpoint.RoutePattern.RawText!)}";
            if (!documented.TryGetValue(key, out var operation))
            {
                failures.Add($"{key} is not in the document");
                continue;
            }

            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var guids = endpoint.RoutePattern.Parameters.Count(p => p.ParameterPolicies.Any(pp => pp.Content == "guid"));
            var json = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not null;
            if (operation.Anonymous != anonymous || operation.GuidParameters != guids || operation.TakesJson != json)
            {
                failures.Add($"{key}: documented anonymous={operation.Anonymous} guids={operation.GuidParameters} json={operation.TakesJson}, mapped {anonymous} {guids} {json}");
            }
        }

        Assert.Equal(mapped.Count, documented.Count);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Normalise(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, "{([^}:=?]+)[^}]*}", "{$1}").TrimEnd('/');
}

[Collection(DistributedCollection.Name)]
public sealed class OpenApiDistributedTests(DistributedMarketplace marketplace) : OpenApiTests(marketplace), IDistributedMode;
