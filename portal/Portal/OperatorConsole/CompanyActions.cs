using Marketplace.Portal.Api;
using Marketplace.Portal.Auth;
using Marketplace.Portal.Settings;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Portal.OperatorConsole;

/// <summary>The operator's forms on a company's page (post, redirect, get): invite a person of that company.</summary>
internal static class CompanyActions
{
    public static IEndpointRouteBuilder MapCompanyActions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/operator/companies/{id:guid}/invite", InviteAsync).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static Task<IResult> InviteAsync(Guid id, HttpContext http, IAntiforgery antiforgery, MembersApi api, OwnedNotes<MemberOutcome> notes, CancellationToken cancellationToken) =>
        PortalForms.PostRedirectGetAsync(http, antiforgery, notes, $"/operator/companies/{id}",
            form => MemberActions.SendInvitationAsync(form, api, id, cancellationToken), cancellationToken);
}
