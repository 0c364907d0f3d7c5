using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Organisations;

/// <summary>The route table of organisations and of a company's application to join; each use case has its own file.</summary>
public static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations").WithTags("Organisations");
        group.MapPost("/", RegisterOrganisation.Handle).WithName(nameof(RegisterOrganisation))
            .WithSummary("Register an organisation")
            .WithDescription("The operator registers a company, optionally with its sites and a first admin who is e-mailed an invitation. Other services learn of it through an event.")
            .RequireScope(Scopes.Admin).RequireOperatorRole();
        group.MapGet("/", ListOrganisations.Handle).WithName(nameof(ListOrganisations))
            .WithSummary("List organisations")
            .WithDescription("The operator sees every organisation; others see their own. `{ items, nextCursor }`.")
            .RequireScope(Scopes.Admin);
        group.MapGet("/{id:guid}", GetOrganisation.Handle).WithName(nameof(GetOrganisation))
            .WithSummary("Get an organisation")
            .WithDescription("One organisation with its sites, VAT ID and NACE code. 404 for an organisation the caller may not see.")
            .RequireScope(Scopes.Admin);
        group.MapPatch("/{id:guid}", UpdateOrganisation.Handle).WithName(nameof(UpdateOrganisation))
            .WithSummary("Update an organisation")
            .WithDescription("Changes the organisation's name, address, VAT ID, NACE code or sites. Its admins and the operator.")
            .RequireScope(Scopes.Admin).RequireOrganisationManager()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        app.MapPost("/api/v1/registrations", SelfRegister.Handle).WithName(nameof(SelfRegister))
            .WithSummary("Apply to join")
            .WithDescription("Anonymous: a company asks to join the marketplace; the operator reviews the application. The answer says what happens next.").WithTags("Organisations")
            .AllowAnonymous();
        return app;
    }
}
