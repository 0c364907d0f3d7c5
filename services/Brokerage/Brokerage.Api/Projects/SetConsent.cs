using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Brokerage.Projects;

public sealed record ConsentRequest(bool SharesQuantities);

/// <summary>POST /api/v1/projects/{id}/consent: the caller's organisation shows (or hides again) its quantities to the other participants.</summary>
public static class SetConsent
{
    public static async Task<Results<Ok<ProjectParticipantDto>, NotFound>> Handle(
        Guid id, ConsentRequest request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = await ProjectAccess.FindAsync(db, id, user, cancellationToken, track: true);
        if (v?.Project.ParticipantOf(v.Organisation) is not { } participant)
        {
            return TypedResults.NotFound();
        }

        participant.SharesQuantities = request.SharesQuantities;
        v.Project.Revision++;
        ProjectAccess.Log(db, v.Project, "consent", request.SharesQuantities ? "A participant shared its quantities with the others." : "A participant withdrew its quantities from the others.",
            clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ProjectParticipantDto(participant.OrganisationId, null, participant.Role, participant.Status, participant.SharesQuantities,
            participant.InvitedAt, participant.JoinedAt));
    }
}
