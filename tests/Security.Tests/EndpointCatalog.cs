using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Security.Tests;

/// <summary>One public API operation of the standalone host, found through its endpoint data source.</summary>
public sealed record ApiOperation(string Method, RouteEndpoint Endpoint)
{
    public string Pattern => Endpoint.RoutePattern.RawText ?? "";
    public bool Anonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
    public int GuidParameters => Endpoint.RoutePattern.Parameters.Count(p => p.ParameterPolicies.Any(pp => pp.Content == "guid"));
    public bool HasBody => Method is "POST" or "PUT" or "PATCH";

    /// <summary>A concrete URL: guid parameters from <paramref name="ids"/> (in order; fresh ones when short), others a harmless word.</summary>
    public string Url(params Guid[] ids)
    {
        var index = 0;
        var parts = new List<string>();
        foreach (var segment in Endpoint.RoutePattern.PathSegments)
        {
            var text = "";
            foreach (var part in segment.Parts)
            {
                text += part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternParameterPart p when p.ParameterPolicies.Any(pp => pp.Content == "guid") => (index < ids.Length ? ids[index++] : Guid.NewGuid()).ToString(),
                    RoutePatternParameterPart p when p.ParameterPolicies.Any(pp => pp.Content is "int" or "long") => "1",
                    RoutePatternParameterPart => "probe-" + Guid.NewGuid().ToString("N")[..8],
                    RoutePatternSeparatorPart separator => separator.Content,
                    _ => "",
                };
            }

            parts.Add(text);
        }

        return "/" + string.Join('/', parts);
    }

    public override string ToString() => $"{Method} {Pattern}";

    public static IReadOnlyList<ApiOperation> All(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new ApiOperation(m, e)))
            .OrderBy(o => o.Pattern, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)];
}
