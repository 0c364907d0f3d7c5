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
        group.MapGet("/", ListDeliveries.Handle).WithName(nameof(ListDeliveries)).RequireScope(Scopes.BrokerageRead);
        group.MapPost("/", RecordDelivery.Handle).WithName(nameof(RecordDelivery)).RequireScope(Scopes.BrokerageWrite);
        group.MapPost("/{deliveryId:guid}/confirm", ConfirmDelivery.Handle).WithName(nameof(ConfirmDelivery)).RequireScope(Scopes.BrokerageWrite);
        group.MapPost("/{deliveryId:guid}/dispute", DisputeDelivery.Handle).WithName(nameof(DisputeDelivery)).RequireScope(Scopes.BrokerageWrite);
        group.MapPost("/{deliveryId:guid}/corrections", CorrectDelivery.Handle).WithName(nameof(CorrectDelivery)).RequireScope(Scopes.BrokerageWrite);
        return app;
    }
}
