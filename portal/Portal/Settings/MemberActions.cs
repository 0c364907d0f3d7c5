using Marketplace.Portal.Api;
using Marketplace.Portal.Auth;
using Marketplace.Portal.Components;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Portal.Settings;

/// <summary>What a members form did, for the page it redirects to: done for whom, or the API's refusal with the form's values.</summary>
public sealed record MemberOutcome(string Action, string Who, ApiProblem? Problem, string? Email = null, string? Role = null);

/// <summary>
/// A company admin's people from plain forms (post, redirect, get): invite (again), withdraw an invitation, make a member
/// admin or member, remove a member. The API guards the rules (one admin stays, operator roles are the operator's).
/// </summary>
internal static class MemberActions
{
    public const string Page = "/settings/members";

    /// <summary>The roles a company admin gives; operator roles are granted in the operator's console.</summary>
    public static readonly string[] CompanyRoles = ["member", "admin"];

    public static OwnedNotes<MemberOutcome> NoteStore() => new(TimeSpan.FromMinutes(10), 10_000, _ => 1);

    public static IEndpointRouteBuilder MapMemberActions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Page).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        group.MapPost("/invite", InviteAsync);
        group.MapPost("/invitations/{invitationId:guid}/withdraw", WithdrawAsync);
        group.MapPost("/{userId:guid}/role", SetRoleAsync);
        group.MapPost("/{userId:guid}/remove", RemoveAsync);
        return app;
    }

    private static Task<IResult> InviteAsync(HttpContext http, IAntiforgery antiforgery, MembersApi api, OwnedNotes<MemberOutcome> notes, CancellationToken cancellationToken) =>
        PortalForms.PostRedirectGetAsync(http, antiforgery, notes, Page, form => SendInvitationAsync(form, api, CurrentUser.Organisation(http), cancellationToken), cancellationToken);

    /// <summary>An invitation from a members form (the company's own page, or the operator's page of a company).</summary>
    internal static async Task<MemberOutcome> SendInvitationAsync(IFormCollection form, MembersApi api, Guid organisation, CancellationToken cancellationToken)
    {
        var email = form["email"].ToString().Trim();
        var role = CompanyRoles.Contains(form["role"].ToString()) ? form["role"].ToString() : "member";
        var key = form["idempotencyKey"].ToString() is { Length: > 0 and <= 100 } k ? k : Guid.NewGuid().ToString();
        var (_, problem) = await api.InviteAsync(organisation, email, role, "portal-invite-" + key, cancellationToken);
        return new MemberOutcome(form["resend"] == "true" ? "resent" : "invited", email, problem, email, role);
    }

    private static Task<IResult> WithdrawAsync(Guid invitationId, HttpContext http, IAntiforgery antiforgery, MembersApi api, OwnedNotes<MemberOutcome> notes, CancellationToken cancellationToken) =>
        PortalForms.PostRedirectGetAsync(http, antiforgery, notes, Page, async form =>
            new MemberOutcome("withdrawn", form["who"].ToString(), await api.WithdrawAsync(CurrentUser.Organisation(http), invitationId, cancellationToken)),
            cancellationToken);

    private static Task<IResult> SetRoleAsync(Guid userId, HttpContext http, IAntiforgery antiforgery, MembersApi api, OwnedNotes<MemberOutcome> notes, CancellationToken cancellationToken) =>
        PortalForms.PostRedirectGetAsync(http, antiforgery, notes, Page, async form =>
        {
            var role = form["role"].ToString();
            var problem = await api.SetRoleAsync(CurrentUser.Organisation(http), userId, role, cancellationToken);
            return new MemberOutcome("role_" + (role == "admin" ? "admin" : "member"), form["who"].ToString(), problem);
        }, cancellationToken);

    private static Task<IResult> RemoveAsync(Guid userId, HttpContext http, IAntiforgery antiforgery, MembersApi api, OwnedNotes<MemberOutcome> notes, CancellationToken cancellationToken) =>
        PortalForms.PostRedirectGetAsync(http, antiforgery, notes, Page, async form =>
            new MemberOutcome("removed", form["who"].ToString(), await api.RemoveAsync(CurrentUser.Organisation(http), userId, cancellationToken)),
            cancellationToken);
}
