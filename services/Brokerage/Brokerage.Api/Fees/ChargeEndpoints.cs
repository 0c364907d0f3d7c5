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
        group.MapGet("/", ListLedger.Handle).WithName(nameof(ListLedger));
        group.MapPost("/", CreateCharge.Handle).WithName(nameof(CreateCharge));
        group.MapPost("/{id:guid}/reverse", ReverseEntry.Handle).WithName(nameof(ReverseEntry));
        return app;
    }
}
