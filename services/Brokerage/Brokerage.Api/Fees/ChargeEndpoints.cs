using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Fees;

/// <summary>
/// The route table of manual charges (a subsidy application, a feasibility study) and the fee ledger they join;
/// each use case has its own file.
/// </summary>
public static class ChargeEndpoints
{
    public static IEndpointRouteBuilder MapChargeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/charges").WithTags("Fee ledger").RequireScope(Scopes.Billing).RequireOperatorRole();
        group.MapGet("/", ListLedger.Handle).WithName(nameof(ListLedger))
            .WithSummary("List the fee ledger")
            .WithDescription("The operator's fee ledger (fees, manual charges and reversals), filtered by organisation and period, with its total.");
        group.MapPost("/", CreateCharge.Handle).WithName(nameof(CreateCharge))
            .WithSummary("Record a manual charge")
            .WithDescription("The operator charges an organisation for a service (a subsidy application, a feasibility study). With an `Idempotency-Key` it charges once however often it is retried.");
        group.MapPost("/{id:guid}/reverse", ReverseEntry.Handle).WithName(nameof(ReverseEntry))
            .WithSummary("Reverse a ledger entry")
            .WithDescription("The operator cancels a ledger entry with a negative entry and a reason; an entry is reversed at most once.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
