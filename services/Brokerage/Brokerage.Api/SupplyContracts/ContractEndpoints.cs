using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.SupplyContracts;

/// <summary>The route table of supply contracts; each use case has its own file.</summary>
public static class ContractEndpoints
{
    public static IEndpointRouteBuilder MapContractEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/contracts").WithTags("Contracts");
        group.MapGet("/", ListContracts.Handle).WithName(nameof(ListContracts)).RequireScope(Scopes.BrokerageRead);
        group.MapGet("/{id:guid}", GetContract.Handle).WithName(nameof(GetContract)).RequireScope(Scopes.BrokerageRead);
        group.MapPost("/{id:guid}/sign", SignContract.Handle).WithName(nameof(SignContract)).RequireScope(Scopes.BrokerageWrite);
        group.MapPost("/{id:guid}/terminate", TerminateContract.Handle).WithName(nameof(TerminateContract)).RequireScope(Scopes.BrokerageWrite);
        return app;
    }
}
