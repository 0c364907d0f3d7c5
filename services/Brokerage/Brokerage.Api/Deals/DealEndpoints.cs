using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Deals;

/// <summary>The route table of deals; each use case has its own file.</summary>
public static class DealEndpoints
{
    public static IEndpointRouteBuilder MapDealEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/deals").WithTags("Deals");
        group.MapGet("/", ListDeals.Handle).WithName(nameof(ListDeals))
            .WithSummary("List deals")
            .WithDescription("The caller's deals (the operator: all), newest first, with both parties' names. `{ items, nextCursor }`.")
            .RequireScope(Scopes.BrokerageRead);
        group.MapGet("/{id:guid}", GetDeal.Handle).WithName(nameof(GetDeal))
            .WithSummary("Get a deal")
            .WithDescription("One deal of the caller with its listings, parties and status. 404 for anyone but its parties and the operator.")
            .RequireScope(Scopes.BrokerageRead);
        return app;
    }
}
