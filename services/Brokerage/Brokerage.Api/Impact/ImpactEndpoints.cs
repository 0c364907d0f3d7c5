using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Impact;

/// <summary>The route table of impact figures; the use case is <see cref="GetImpact"/>.</summary>
public static class ImpactEndpoints
{
    public static IEndpointRouteBuilder MapImpactEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/impact", GetImpact.Handle).WithName(nameof(GetImpact))
            .WithSummary("Impact figures")
            .WithDescription("The impact of confirmed deliveries, grouped by any of `organisation`, `country`, `resourceClass`, `period`. A delivery counts for both of its organisations; a company sees only its own.").WithTags("Impact")
            .RequireScope(Scopes.BrokerageRead);
        return app;
    }
}
