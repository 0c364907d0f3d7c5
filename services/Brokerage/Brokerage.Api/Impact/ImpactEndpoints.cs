using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Impact;

/// <summary>The route table of impact figures; the use case is <see cref="GetImpact"/>.</summary>
public static class ImpactEndpoints
{
    public static IEndpointRouteBuilder MapImpactEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/impact", GetImpact.Handle).WithName(nameof(GetImpact)).WithTags("Impact").RequireScope(Scopes.BrokerageRead);
        return app;
    }
}
