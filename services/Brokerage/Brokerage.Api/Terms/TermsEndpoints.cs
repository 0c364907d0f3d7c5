using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Terms;

/// <summary>The route table of deal terms; each use case has its own file. Either party or the operator proposes; the other side accepts or counters with a new version.</summary>
public static class TermsEndpoints
{
    public static IEndpointRouteBuilder MapTermsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/deals/{id:guid}/terms").WithTags("Deals");
        group.MapGet("/", ListTerms.Handle).WithName(nameof(ListTerms))
            .WithSummary("List a deal's terms")
            .WithDescription("Every proposal of terms for the deal, by version, with who proposed and who accepted it.")
            .RequireScope(Scopes.BrokerageRead);
        group.MapPost("/", ProposeTerms.Handle).WithName(nameof(ProposeTerms))
            .WithSummary("Propose terms")
            .WithDescription("Either party or the operator proposes terms (quantity schedule, price, transport, period); a counter-proposal is a new version.")
            .RequireScope(Scopes.BrokerageWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{version:int}/accept", AcceptTerms.Handle).WithName(nameof(AcceptTerms))
            .WithSummary("Accept terms")
            .WithDescription("The other side accepts the latest proposal; the accepted terms become a draft supply contract.")
            .RequireScope(Scopes.BrokerageWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
