using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Security.Tests;

/// <summary>
/// Bad input generated from the OpenAPI document against every POST/PUT/PATCH operation: malformed JSON, wrong
/// types, huge strings, boundary numbers and unknown enum-like values, one property at a time. Never a 5xx.
/// </summary>
public abstract class BadInputTests(MarketplaceUnderTest factory)
{
    private static readonly string[] Malformed = ["{", "[]", "\"text\"", "{\"a\":}", "{\"name\":\"unterminated", "nul", "{}}"];

    [ModeFact]
    public async Task Malformed_JSON_is_a_400_problem_on_every_write_endpoint_and_stores_nothing()
    {
        using var op = await factory.OperatorClientAsync();
        var before = await StoredAsync(op);
        var failures = new List<string>();
        foreach (var operation in (await factory.OperationsAsync()).Where(o => o.HasBody))
        {
            foreach (var body in Malformed)
            {
                using var response = await op.SendAsync(new HttpRequestMessage(new HttpMethod(operation.Method), operation.Url())
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                });
                if ((int)response.StatusCode >= 500 || (response.StatusCode != HttpStatusCode.BadRequest && operation.TakesJson))
                {
                    failures.Add($"{operation} with {body}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await StoredAsync(op));
    }

    [ModeFact]
    public async Task Generated_bad_values_never_cause_a_5xx()
    {
        using var op = await factory.OperatorClientAsync();
        var document = JsonNode.Parse((await factory.OpenApiDocumentAsync()).GetRawText())!.AsObject();
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var failures = new List<string>();
        var sent = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in new[] { "post", "put", "patch" })
            {
                var schemaNode = item?[method]?["requestBody"]?["content"]?["application/json"]?["schema"];
                if (schemaNode is null)
                {
                    continue;
                }

                var url = Concrete(path);
                var schema = Resolve(schemaNode, schemas);
                foreach (var body in Variants(schema, schemas))
                {
                    sent++;
                    using var response = await op.SendAsync(new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
                    {
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    });
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{method.ToUpperInvariant()} {path} with {Shorten(body)}: {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(sent > 100, $"Only {sent} bad requests generated.");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    /// <summary>What the operator sees of the main resources, counted through the public API.</summary>
    private static async Task<string> StoredAsync(HttpClient op) =>
        $"organisations={await MarketplaceUnderTest.CountAsync(op, "/api/v1/organisations")}, " +
        $"listings={await MarketplaceUnderTest.CountAsync(op, "/api/v1/listings?status=draft")}+{await MarketplaceUnderTest.CountAsync(op, "/api/v1/listings")}, " +
        $"fee plans={await MarketplaceUnderTest.CountAsync(op, "/api/v1/fee-plans")}";

    /// <summary>A plausible object, then one property at a time made wrong.</summary>
    private static IEnumerable<string> Variants(JsonNode schema, JsonObject schemas)
    {
        var properties = schema["properties"]?.AsObject();
        if (properties is null)
        {
            yield break;
        }

        var baseline = new JsonObject();
        foreach (var (name, property) in properties)
        {
            baseline[name] = Plausible(Resolve(property!, schemas), schemas, 0);
        }

        yield return baseline.ToJsonString();
        foreach (var (name, property) in properties)
        {
            foreach (var bad in BadValues(Resolve(property!, schemas)))
            {
                var copy = baseline.DeepClone().AsObject();
                copy[name] = bad;
                yield return copy.ToJsonString();
            }
        }
    }

    private static IEnumerable<JsonNode?> BadValues(JsonNode schema)
    {
        var type = TypeOf(schema);
        yield return null;
        yield return JsonValue.Create(new string('x', 100_000));
        yield return new JsonObject { ["unexpected"] = true };
        yield return new JsonArray(1, 2, 3);
        if (type is "string")
        {
            yield return JsonValue.Create("zzz-unknown-value");
            yield return JsonValue.Create("");
            yield return JsonValue.Create(12345);
            yield return JsonValue.Create("\u0000<script>'; DROP TABLE x;--");
        }
        else if (type is "integer" or "number")
        {
            foreach (var n in new[] { "-1", "0", "2147483648", "-9223372036854775809", "1e308", "-1e308", "1.5" })
            {
                yield return JsonNode.Parse(n);
            }

            yield return JsonValue.Create("NaN");
        }
        else if (type is "boolean")
        {
            yield return JsonValue.Create("yes");
        }
    }

    private static JsonNode? Plausible(JsonNode schema, JsonObject schemas, int depth) => TypeOf(schema) switch
    {
        "string" when schema["format"]?.GetValue<string>() == "uuid" => JsonValue.Create(Guid.NewGuid()),
        "string" when schema["enum"] is JsonArray e && e.Count > 0 => e[0]!.DeepClone(),
        "string" => JsonValue.Create("DK"),
        "integer" or "number" => JsonValue.Create(1),
        "boolean" => JsonValue.Create(true),
        "array" => new JsonArray(),
        "object" when depth < 3 && schema["properties"] is JsonObject props => new JsonObject(props.Select(p =>
            KeyValuePair.Create(p.Key, Plausible(Resolve(p.Value!, schemas), schemas, depth + 1)))),
        _ => null,
    };

    private static string? TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => a.Select(x => x?.GetValue<string>()).FirstOrDefault(x => x is not null and not "null"),
        _ => null,
    };

    private static JsonNode Resolve(JsonNode schema, JsonObject schemas)
    {
        for (var i = 0; i < 5; i++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = schemas[reference.Split('/')[^1]] ?? schema;
            }
            else if (schema["anyOf"] is JsonArray any && any.FirstOrDefault(x => x?["type"]?.ToString() != "null") is { } first)
            {
                schema = first;
            }
            else
            {
                break;
            }
        }

        return schema;
    }

    private static string Concrete(string path) => System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", _ => Guid.NewGuid().ToString());

    private static string Shorten(string body) => body.Length > 400 ? body[..200] + "…" + body[^200..] : body;
}

[Collection(InProcessCollection.Name)]
public sealed class BadInputInProcessTests(InProcessMarketplace marketplace) : BadInputTests(marketplace);

[Collection(DistributedCollection.Name)]
public sealed class BadInputDistributedTests(DistributedMarketplace marketplace) : BadInputTests(marketplace), IDistributedMode;
