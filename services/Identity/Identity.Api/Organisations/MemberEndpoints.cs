using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Organisations;

/// <summary>The route table of an organisation's people; each use case has its own file.</summary>
public static class MemberEndpoints
{
    public static IEndpointRouteBuilder MapMemberEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations/{id:guid}").WithTags("Members").RequireOrganisationManager();
        group.MapGet("/members", ListMembers.Handle).WithName(nameof(ListMembers))
            .WithSummary("List members")
            .WithDescription("The organisation's users with their roles and whether they have accepted their invitation. `{ items, nextCursor }`.")
            .RequireScope(Scopes.Admin);
        group.MapPost("/invitations", Invite.Handle).WithName(nameof(Invite))
            .WithSummary("Invite a member")
            .WithDescription("E-mails an invitation to join the organisation; the link lets the person choose a password and sign in.")
            .RequireScope(Scopes.Admin);
        group.MapGet("/invitations", ListInvitations.Handle).WithName(nameof(ListInvitations))
            .WithSummary("List open invitations")
            .WithDescription("The invitations not yet accepted and not expired, newest first, with when each expires. `{ items, nextCursor }` (one page).")
            .RequireScope(Scopes.Admin);
        group.MapDelete("/invitations/{invitationId:guid}", WithdrawInvitation.Handle).WithName(nameof(WithdrawInvitation))
            .WithSummary("Withdraw an invitation")
            .WithDescription("The invitation's link stops working. Withdrawing one withdrawn or expired already is a no-op; an accepted one is a 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.Admin);
        group.MapDelete("/members/{userId:guid}", RemoveMember.Handle).WithName(nameof(RemoveMember))
            .WithSummary("Remove a member")
            .WithDescription("The person leaves the organisation: membership removed, tokens revoked. The last admin cannot be removed (409).")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireScope(Scopes.Admin);
        return app;
    }
}
