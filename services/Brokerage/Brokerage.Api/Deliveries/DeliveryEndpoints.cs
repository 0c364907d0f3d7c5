using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Deliveries;

/// <summary>
/// The route table of deliveries; each use case has its own file. Deliveries against an active contract are recorded
/// by either party, the operator or a partner app, and confirmed or disputed by the counterparty. Confirmation makes
/// the entry count for fees and impact; a correction reverses a confirmed entry with a negative one, never an edit.
/// </summary>
public static class DeliveryEndpoints
{
    public static IEndpointRouteBuilder MapDeliveryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/contracts/{id:guid}/deliveries").WithTags("Deliveries");
        group.MapGet("/", ListDeliveries.Handle).WithName(nameof(ListDeliveries))
            .WithSummary("List a contract's deliveries")
            .WithDescription("Every delivery entry of a contract the caller sees, oldest first, with its confirmation state.")
            .RequireScope(Scopes.BrokerageRead);
        group.MapPost("/", RecordDelivery.Handle).WithName(nameof(RecordDelivery))
            .WithSummary("Record a delivery")
            .WithDescription("Either party, the operator or a partner app records a delivery against an active contract, for the counterparty to confirm; it counts from then on. A date more than a day ahead is refused. With an `Idempotency-Key` a retry returns the first entry.")
            .RequireScope(Scopes.BrokerageWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{deliveryId:guid}/confirm", ConfirmDelivery.Handle).WithName(nameof(ConfirmDelivery))
            .WithSummary("Confirm a delivery")
            .WithDescription("The counterparty confirms a recorded delivery; from then on it counts for fees and impact.")
            .RequireScope(Scopes.BrokerageWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{deliveryId:guid}/dispute", DisputeDelivery.Handle).WithName(nameof(DisputeDelivery))
            .WithSummary("Dispute a delivery")
            .WithDescription("The counterparty disputes a recorded delivery, with a reason; it never counts.")
            .RequireScope(Scopes.BrokerageWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{deliveryId:guid}/corrections", CorrectDelivery.Handle).WithName(nameof(CorrectDelivery))
            .WithSummary("Correct a delivery")
            .WithDescription("Reverses a confirmed entry (a negative entry, confirmed at once) and, with a quantity, records the right one for the counterparty to confirm. A confirmed entry is never edited.")
            .RequireScope(Scopes.BrokerageWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
