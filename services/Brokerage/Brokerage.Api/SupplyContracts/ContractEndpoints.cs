using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.SupplyContracts;

/// <summary>The route table of supply contracts; each use case has its own file.</summary>
public static class ContractEndpoints
{
    public static IEndpointRouteBuilder MapContractEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/contracts").WithTags("Contracts");
        group.MapGet("/", ListContracts.Handle).WithName(nameof(ListContracts))
            .WithSummary("List supply contracts")
            .WithDescription("The contracts the caller is a party to (the operator: all), newest first, by deal or status. `{ items, nextCursor }`.")
            .RequireScope(Scopes.BrokerageRead);
        group.MapGet("/{id:guid}", GetContract.Handle).WithName(nameof(GetContract))
            .WithSummary("Get a supply contract")
            .WithDescription("One contract of the caller with its terms, signatures and status.")
            .RequireScope(Scopes.BrokerageRead);
        group.MapPost("/{id:guid}/sign", SignContract.Handle).WithName(nameof(SignContract))
            .WithSummary("Sign a supply contract")
            .WithDescription("Each side signs once; the second signature activates the contract.")
            .RequireScope(Scopes.BrokerageWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/terminate", TerminateContract.Handle).WithName(nameof(TerminateContract))
            .WithSummary("Terminate a supply contract")
            .WithDescription("Either party or the operator ends an active contract early, with a reason.")
            .RequireScope(Scopes.BrokerageWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
