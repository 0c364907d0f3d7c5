using System.Net;
using System.Text.Json;
using Marketplace.ServiceDefaults.OpenApi;
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

    /// <summary>
    /// What a client generator needs from every operation of the served document (merged at the gateway): a summary
    /// and a description, a schema for every request body (the listing create and patch and the CSV import read theirs
    /// by hand), and a problem-details schema on every error response. Every schema reference resolves.
    /// </summary>
    [ModeFact]
    public async Task Every_operation_has_a_summary_a_description_request_schemas_and_problem_responses()
    {
        var document = await factory.OpenApiDocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var failures = new List<string>();
        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                operations++;
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var op = operation.Value;
                foreach (var field in new[] { "summary", "description" })
                {
                    if (!op.TryGetProperty(field, out var text) || string.IsNullOrWhiteSpace(text.GetString()))
                    {
                        failures.Add($"{name}: no {field}");
                    }
                }

                failures.AddRange(RequestBodyFailures(name, operation.Name, path.Name, op));
                failures.AddRange(ErrorResponseFailures(name, op));
            }
        }

        var raw = document.GetRawText();
        foreach (var reference in System.Text.RegularExpressions.Regex.Matches(raw, "\"#/components/schemas/([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct())
        {
            if (!schemas.TryGetProperty(reference, out _))
            {
                failures.Add($"#/components/schemas/{reference} does not resolve");
            }
        }

        Assert.True(operations >= 60, $"Only {operations} operations in the document ({factory.Mode}).");
        Assert.True(failures.Count == 0, $"{failures.Count} gaps in {factory.Mode}'s document (in the route table: .WithSummary, .WithDescription, "
            + ".DocumentsBody<T> for a body read by hand, .ProducesProblem for an error):\n" + string.Join("\n", failures));
    }

    /// <summary>Operations whose body a handler reads by hand, so nothing but the route table can document it.</summary>
    private static readonly string[] HandReadBodies = ["CreateListing", "PatchListing", "ImportListings", "PostMatchMessage", "PostDealMessage"];

    /// <summary>POSTs to a collection that act on it rather than create in it (their input is in the query).</summary>
    private static readonly string[] CollectionActions = ["MarkAllNotificationsRead"];

    private static IEnumerable<string> RequestBodyFailures(string name, string method, string path, JsonElement op)
    {
        var operationId = op.TryGetProperty("operationId", out var id) ? id.GetString() : null;
        if (!op.TryGetProperty("requestBody", out var body))
        {
            // A POST to a collection creates something from its body; PUT and PATCH always carry one. A POST after an id is an action that may take none.
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var creates = method == "post" && segments.Length > 1 && !segments[^2].StartsWith('{') && !segments[^1].StartsWith('{');
            if (method is "put" or "patch" || (creates && !CollectionActions.Contains(operationId)) || HandReadBodies.Contains(operationId))
            {
                yield return $"{name}: no request body";
            }

            yield break;
        }

        if (!body.TryGetProperty("content", out var content) || !content.EnumerateObject().Any())
        {
            yield return $"{name}: a request body without content types";
            yield break;
        }

        foreach (var type in content.EnumerateObject().Where(t => !t.Value.TryGetProperty("schema", out _)))
        {
            yield return $"{name}: request body {type.Name} has no schema";
        }
    }

    private static IEnumerable<string> ErrorResponseFailures(string name, JsonElement op)
    {
        var errors = op.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5').ToList();
        if (errors.Count == 0)
        {
            yield return $"{name}: no error response documented";
        }

        foreach (var response in errors)
        {
            if (!response.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out var problem)
                || !problem.TryGetProperty("schema", out _))
            {
                yield return $"{name}: {response.Name} has no application/problem+json schema";
            }
        }
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
            var contentTypes = endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null } accepts ? accepts.ContentTypes
                : endpoint.Metadata.GetMetadata<DocumentedRequestBody>()?.ContentTypes ?? [];
            var json = contentTypes.Any(t => t.Contains("json", StringComparison.OrdinalIgnoreCase));
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
