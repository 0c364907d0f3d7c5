using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Brokerage.Projects;

public sealed record JoinRequest(bool? SharesQuantities);

/// <summary>
/// POST /api/v1/projects/{id}/join: the caller's organisation accepts its invitation; from now on it sees the other
/// participants, and they see it. Its quantities stay hidden from them unless it consents (here or later).
/// </summary>
public static class JoinProject
{
    public static async Task<Results<Ok<ProjectDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, JoinRequest? request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = await ProjectAccess.FindAsync(db, id, user, cancellationToken, track: true);
        if (v?.Project.ParticipantOf(v.Organisation) is not { } participant)
        {
            return TypedResults.NotFound();
        }

        if (participant.Status != ParticipantStatuses.Invited)
        {
            return Problems.Conflict("Not invited", $"The organisation is {participant.Status}; only an invited organisation joins.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        participant.Status = ParticipantStatuses.Joined;
        participant.JoinedAt = now;
        participant.SharesQuantities = request?.SharesQuantities ?? false;
        v.Project.Revision++;
        var names = await ProjectAccess.NamesAsync(db, v.Project.Participants.Select(p => p.OrganisationId), cancellationToken);
        ProjectAccess.Log(db, v.Project, "participant_joined", $"{names.GetValueOrDefault(participant.OrganisationId, "A participant")} joined as {participant.Role}.", now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(v.Project.AsDto(Confidentiality.Viewer.Member, v.Organisation, names));
    }
}
