using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Deals;

/// <summary>The route table of deals; each use case has its own file.</summary>
public static class DealEndpoints
{
    public static IEndpointRouteBuilder MapDealEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/deals").WithTags("Deals");
        group.MapGet("/", ListDeals.Handle).WithName(nameof(ListDeals)).RequireScope(Scopes.BrokerageRead);
        group.MapGet("/{id:guid}", GetDeal.Handle).WithName(nameof(GetDeal)).RequireScope(Scopes.BrokerageRead);
        return app;
    }
}
