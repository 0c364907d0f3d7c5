using Marketplace.Portal.Api;
using Marketplace.Portal.Auth;
using Marketplace.Portal.Settings;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Portal.OperatorConsole;

/// <summary>The operator's forms on a company's page (post, redirect, get): invite a person of that company, add a note.</summary>
internal static class CompanyActions
{
    public static IEndpointRouteBuilder MapCompanyActions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/operator/companies/{id:guid}/invite", InviteAsync).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/operator/companies/{id:guid}/notes", AddNoteAsync).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static Task<IResult> InviteAsync(Guid id, HttpContext http, IAntiforgery antiforgery, MembersApi api, OwnedNotes<MemberOutcome> notes, CancellationToken cancellationToken) =>
        PortalForms.PostRedirectGetAsync(http, antiforgery, notes, $"/operator/companies/{id}",
            form => MemberActions.SendInvitationAsync(form, api, id, cancellationToken), cancellationToken);

    /// <summary>A note: back to the company's notes, or with the refusal and the text kept (<c>?note-refused=</c> is never shown raw).</summary>
    private static async Task<IResult> AddNoteAsync(Guid id, HttpContext http, IAntiforgery antiforgery, OperatorApi api, CancellationToken cancellationToken)
    {
        var page = $"/operator/companies/{id}";
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is not { } form)
        {
            return TypedResults.Redirect(page);
        }

        var key = form["idempotencyKey"].ToString() is { Length: > 0 and <= 100 } k ? k : Guid.NewGuid().ToString("N");
        var refused = await api.AddNoteAsync(id, form["body"].ToString().Trim(), "portal-note-" + key, cancellationToken);
        return TypedResults.Redirect(page + (refused is null ? "?noted=1#company-notes" : "?noted=0#company-notes"));
    }
}
