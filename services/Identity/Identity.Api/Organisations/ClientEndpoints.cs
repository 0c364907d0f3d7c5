using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Organisations;

/// <summary>
/// The route table of an organisation's partner API clients, managed by its admins and the operator; each use case has its
/// own file. A secret is returned once (on creation and on rotation) and stored only as OpenIddict's hash.
/// </summary>
public static class ClientEndpoints
{
    public static IEndpointRouteBuilder MapClientEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations/{id:guid}/clients").WithTags("API clients").RequireOrganisationManager();
        group.MapPost("/", CreateClient.Handle).WithName(nameof(CreateClient))
            .WithSummary("Create an API client")
            .WithDescription("Creates a client-credentials client for the organisation with the scopes asked for. The secret is in this answer only; store it.")
            .RequireScope(Scopes.Admin);
        group.MapGet("/", ListClients.Handle).WithName(nameof(ListClients))
            .WithSummary("List API clients")
            .WithDescription("The organisation's API clients with their scopes and roles (never their secrets). `{ items, nextCursor }`.")
            .RequireScope(Scopes.Admin);
        group.MapPost("/{clientId}/secret", RotateClientSecret.Handle).WithName(nameof(RotateClientSecret))
            .WithSummary("Rotate a client's secret")
            .WithDescription("Issues a new secret for the client and invalidates the old one. The secret is in this answer only.")
            .RequireScope(Scopes.Admin);
        group.MapDelete("/{clientId}", RevokeClient.Handle).WithName(nameof(RevokeClient))
            .WithSummary("Revoke an API client")
            .WithDescription("Deletes the client; its tokens are refused from then on.")
            .RequireScope(Scopes.Admin);
        return app;
    }
}
