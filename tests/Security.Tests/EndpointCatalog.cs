using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marketplace.Security.Tests;

/// <summary>Where a path parameter's value comes from when a test builds a concrete URL.</summary>
public enum ParameterKind
{
    Identifier,
    Number,
    Text,
}

/// <summary>
/// One public API operation, as the OpenAPI document of the deployment describes it (the gateway merges the
/// services' documents). <see cref="OpenApiCoverageTests"/> proves the document lists every /api endpoint of the host.
/// </summary>
public sealed partial record ApiOperation(string Method, string Pattern, bool Anonymous, bool TakesJson, IReadOnlyList<ParameterKind> PathParameters)
{
    public int GuidParameters => PathParameters.Count(p => p == ParameterKind.Identifier);
    public bool HasBody => Method is "POST" or "PUT" or "PATCH";

    /// <summary>A concrete URL: guid parameters from <paramref name="ids"/> (in order; fresh ones when short), others a harmless value.</summary>
    public string Url(params Guid[] ids)
    {
        var position = 0;
        var guids = 0;
        return Parameter().Replace(Pattern, _ => PathParameters[position++] switch
        {
            ParameterKind.Identifier => (guids < ids.Length ? ids[guids++] : Guid.NewGuid()).ToString(),
            ParameterKind.Number => "1",
            _ => "probe-" + Guid.NewGuid().ToString("N")[..8],
        });
    }

    public override string ToString() => $"{Method} {Pattern}";

    /// <summary>Every operation under <c>/api/</c>, in a stable order.</summary>
    public static IReadOnlyList<ApiOperation> FromOpenApi(JsonElement document)
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var shared = path.Value.TryGetProperty("parameters", out var common) ? common.EnumerateArray().ToList() : [];
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var own) ? [.. shared, .. own.EnumerateArray()] : shared;
                var kinds = Parameter().Matches(path.Name).Select(m => KindOf(parameters, m.Groups[1].Value)).ToList();
                var anonymous = !operation.Value.TryGetProperty("security", out var security) || security.GetArrayLength() == 0;
                var json = operation.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content)
                    && content.EnumerateObject().Any(c => c.Name.Contains("json", StringComparison.OrdinalIgnoreCase));
                operations.Add(new ApiOperation(operation.Name.ToUpperInvariant(), path.Name, anonymous, json, kinds));
            }
        }

        return [.. operations.OrderBy(o => o.Pattern, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)];
    }

    private static ParameterKind KindOf(List<JsonElement> parameters, string name)
    {
        var schema = parameters.Where(p => p.GetProperty("in").GetString() == "path" && p.GetProperty("name").GetString() == name)
            .Select(p => p.TryGetProperty("schema", out var s) ? s : default).FirstOrDefault();
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return ParameterKind.Text;
        }

        if (schema.TryGetProperty("format", out var format) && format.GetString() == "uuid")
        {
            return ParameterKind.Identifier;
        }

        var type = schema.TryGetProperty("type", out var t) ? t.ValueKind == JsonValueKind.Array ? string.Join(',', t.EnumerateArray()) : t.GetString() : null;
        return type?.Contains("integer", StringComparison.Ordinal) == true ? ParameterKind.Number : ParameterKind.Text;
    }

    [GeneratedRegex("{([^}:]+)[^}]*}")]
    private static partial Regex Parameter();
}
