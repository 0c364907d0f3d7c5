using System.Text.Json.Nodes;
using Marketplace.ServiceDefaults.OpenApi;
using Microsoft.Extensions.Caching.Memory;
using Yarp.ReverseProxy.Configuration;

namespace Marketplace.Gateway;

/// <summary>
/// <c>/openapi/v1.json</c> at the gateway: the documents of the services behind it, fetched over HTTP and merged
/// (paths, schemas, tags, security schemes), cached briefly. A schema name two services use for different shapes is
/// prefixed with the cluster's name, and that service's references follow. A service that is down is left out and
/// named in <c>x-missing-services</c>, so the page still works.
/// </summary>
internal static class MergedOpenApi
{
    private const string CacheKey = "merged-openapi";

    public static IHostApplicationBuilder AddMergedOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MergedOpenApiMarker>();
        builder.Services.AddMemoryCache();
        builder.Services.AddHttpClient(nameof(MergedOpenApi), c => c.Timeout = TimeSpan.FromSeconds(10)).WithoutRetries();
        return builder;
    }

    public static IEndpointRouteBuilder MapMergedOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/openapi/v1.json", async (IMemoryCache cache, IHttpClientFactory clients, IProxyConfigProvider proxy, CancellationToken cancellationToken) =>
        {
            if (!cache.TryGetValue(CacheKey, out string? json))
            {
                var merged = await MergeAsync(clients.CreateClient(nameof(MergedOpenApi)), proxy.GetConfig(), cancellationToken);
                json = merged.ToJsonString();
                // A document missing a service (still starting, or slow) is kept only briefly, so the next reader gets the whole one.
                cache.Set(CacheKey, json, merged.ContainsKey("x-missing-services") ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(30));
            }

            return Results.Text(json!, "application/json");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapMarketplaceApiReference();
        return app;
    }

    internal static async Task<JsonObject> MergeAsync(HttpClient http, IProxyConfig config, CancellationToken cancellationToken)
    {
        var merged = new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject
            {
                ["title"] = "Symbiosis Marketplace API",
                ["version"] = "v1",
                ["description"] = "Every service's API in one document. Authenticate with OAuth 2.0 at /connect/token and send `Authorization: Bearer <token>`.",
            },
            ["paths"] = new JsonObject(),
            ["components"] = new JsonObject { ["schemas"] = new JsonObject(), ["securitySchemes"] = new JsonObject() },
            ["tags"] = new JsonArray(),
        };
        var missing = new JsonArray();
        foreach (var cluster in config.Clusters.OrderBy(c => c.ClusterId, StringComparer.Ordinal))
        {
            var address = cluster.Destinations?.Values.FirstOrDefault()?.Address;
            if (address is null)
            {
                continue;
            }

            JsonObject? document;
            try
            {
                var text = await http.GetStringAsync(new Uri(new Uri(address), "/openapi/v1.json"), cancellationToken);
                document = JsonNode.Parse(text) as JsonObject;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                document = null;
            }

            if (document is null)
            {
                missing.Add(cluster.ClusterId);
                continue;
            }

            MergeInto(merged, document, cluster.ClusterId);
        }

        if (missing.Count > 0)
        {
            merged["x-missing-services"] = missing;
        }

        return merged;
    }

    internal static void MergeInto(JsonObject merged, JsonObject document, string prefix)
    {
        var schemas = merged["components"]!["schemas"]!.AsObject();
        var incoming = document["components"]?["schemas"]?.AsObject();
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (incoming is not null)
        {
            foreach (var (name, schema) in incoming)
            {
                if (schemas[name] is { } existing && !JsonNode.DeepEquals(existing, schema))
                {
                    renames[name] = char.ToUpperInvariant(prefix[0]) + prefix[1..] + name;
                }
            }
        }

        if (renames.Count > 0)
        {
            document = (JsonObject)Rewrite(document, renames)!;
            incoming = document["components"]?["schemas"]?.AsObject();
        }

        foreach (var (name, schema) in incoming?.ToList() ?? [])
        {
            schemas[renames.GetValueOrDefault(name, name)] ??= schema?.DeepClone();
        }

        var paths = merged["paths"]!.AsObject();
        foreach (var (path, item) in document["paths"]?.AsObject().ToList() ?? [])
        {
            paths[path] ??= item?.DeepClone();
        }

        var schemes = merged["components"]!["securitySchemes"]!.AsObject();
        foreach (var (name, scheme) in document["components"]?["securitySchemes"]?.AsObject().ToList() ?? [])
        {
            schemes[name] ??= scheme?.DeepClone();
        }

        var tags = merged["tags"]!.AsArray();
        foreach (var tag in document["tags"]?.AsArray().ToList() ?? [])
        {
            if (tag is JsonObject t && !tags.Any(x => x?["name"]?.GetValue<string>() == t["name"]?.GetValue<string>()))
            {
                tags.Add(t.DeepClone());
            }
        }
    }

    private const string SchemaRef = "#/components/schemas/";

    private static JsonNode? Rewrite(JsonNode? node, Dictionary<string, string> renames) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, RewriteProperty(p.Key, p.Value, renames)))),
        JsonArray a => new JsonArray([.. a.Select(x => Rewrite(x, renames))]),
        _ => node?.DeepClone(),
    };

    private static JsonNode? RewriteProperty(string key, JsonNode? value, Dictionary<string, string> renames) =>
        key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var reference) && reference.StartsWith(SchemaRef, StringComparison.Ordinal)
            && renames.TryGetValue(reference[SchemaRef.Length..], out var renamed)
            ? JsonValue.Create(SchemaRef + renamed)
            : Rewrite(value, renames);
}
