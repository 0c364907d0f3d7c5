using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Webhooks;

/// <summary>The route table of an organisation's webhook endpoints, managed by its admins and the operator (scope <c>admin</c>); each use case has its own file.</summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations/{id:guid}/webhooks").WithTags("Webhooks").RequireOrganisationManager();
        group.MapPost("/", CreateWebhook.Handle).WithName(nameof(CreateWebhook))
            .WithSummary("Register a webhook endpoint")
            .WithDescription("Registers an HTTPS endpoint that receives the organisation's events, signed with the secret returned once in the answer. Organisation admins and the operator (scope `admin`).")
            .RequireScope(Scopes.Admin);
        group.MapGet("/", ListWebhooks.Handle).WithName(nameof(ListWebhooks))
            .WithSummary("List webhook endpoints")
            .WithDescription("The organisation's webhook endpoints with their events and state (enabled, or disabled after 24 hours of failing deliveries). `{ items, nextCursor }`.")
            .RequireScope(Scopes.Admin);
        group.MapPost("/{webhookId:guid}/enable", EnableWebhook.Handle).WithName(nameof(EnableWebhook))
            .WithSummary("Re-enable a webhook endpoint")
            .WithDescription("Turns a disabled endpoint back on; deliveries that are still due are attempted again.")
            .RequireScope(Scopes.Admin);
        group.MapPost("/{webhookId:guid}/disable", DisableWebhook.Handle).WithName(nameof(DisableWebhook))
            .WithSummary("Pause a webhook endpoint")
            .WithDescription("Stops deliveries to the endpoint until it is enabled again: no new events are queued for it meanwhile, deliveries already queued wait. Pausing a disabled endpoint changes nothing.")
            .RequireScope(Scopes.Admin);
        group.MapPost("/{webhookId:guid}/test", TestWebhook.Handle).WithName(nameof(TestWebhook))
            .WithSummary("Send a test event")
            .WithDescription("Queues a signed `webhook.test` event to this endpoint at once, whatever it subscribed to; its delivery and attempts show in the deliveries list. `202` with the delivery; a disabled endpoint is a 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.Admin);
        group.MapDelete("/{webhookId:guid}", DeleteWebhook.Handle).WithName(nameof(DeleteWebhook))
            .WithSummary("Delete a webhook endpoint")
            .WithDescription("Removes the endpoint; no further deliveries are made to it.")
            .RequireScope(Scopes.Admin);
        group.MapGet("/{webhookId:guid}/deliveries", ListWebhookDeliveries.Handle).WithName(nameof(ListWebhookDeliveries))
            .WithSummary("List a webhook's deliveries")
            .WithDescription("The deliveries of one endpoint, newest first, with each attempt's status code and time. `{ items, nextCursor }`.")
            .RequireScope(Scopes.Admin);
        return app;
    }
}
