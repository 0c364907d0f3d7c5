using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Terms;

/// <summary>The route table of deal terms; each use case has its own file. Either party or the operator proposes; the other side accepts or counters with a new version.</summary>
public static class TermsEndpoints
{
    public static IEndpointRouteBuilder MapTermsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/deals/{id:guid}/terms").WithTags("Deals");
        group.MapGet("/", ListTerms.Handle).WithName(nameof(ListTerms)).RequireScope(Scopes.BrokerageRead);
        group.MapPost("/", ProposeTerms.Handle).WithName(nameof(ProposeTerms)).RequireScope(Scopes.BrokerageWrite);
        group.MapPost("/{version:int}/accept", AcceptTerms.Handle).WithName(nameof(AcceptTerms)).RequireScope(Scopes.BrokerageWrite);
        return app;
    }
}
