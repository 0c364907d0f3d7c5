using System.Security.Claims;
using Marketplace.Brokerage.Contracts;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Projects;

/// <summary>POST /api/v1/projects/{id}/commitments/{commitmentId}/sign: the committing participant signs the latest version; publishes ProjectCommitmentSigned.</summary>
public static class SignCommitment
{
    public static async Task<Results<Ok<CommitmentDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, Guid commitmentId, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = await ProjectAccess.FindAsync(db, id, user, cancellationToken, track: true);
        var all = v is null ? [] : await db.ProjectCommitments.Where(c => c.ProjectId == id).ToListAsync(cancellationToken);
        var commitment = all.FirstOrDefault(c => c.Id == commitmentId);
        if (v is null || commitment is null || (v.Viewer != Confidentiality.Viewer.Facilitator && commitment.OrganisationId != v.Organisation))
        {
            return TypedResults.NotFound();
        }

        var latest = all.Where(c => c.OrganisationId == commitment.OrganisationId).Max(c => c.Version);
        var error = CommitmentRules.CanSign(commitment.Status, commitment.Version == latest, commitment.OrganisationId, v.Organisation);
        if (error is not null)
        {
            return Problems.Conflict("Commitment cannot be signed", error);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        commitment.Status = CommitmentStatuses.SignedByParticipant;
        commitment.SignedAt = now;
        v.Project.Revision++;
        var coverage = CommitmentCoverage.Of(FeasibilityStore.Inputs(v.Project)?.MinimumViableScale ?? 0m, v.Project.Unit,
            all.Select(c => new CommitmentCoverage.Commitment(c.OrganisationId, c.Kind, c.Status, c.Version, c.QuantityPerYear)));
        ProjectAccess.Log(db, v.Project, "commitment_signed", $"{ProposeCommitment.Label(commitment.Kind)} version {commitment.Version} signed by a participant.", now);
        db.AddEvent(new ProjectCommitmentSigned(id, commitment.Id, commitment.OrganisationId, commitment.Kind, commitment.Version, coverage.Covered,
            v.Project.Members(), now), id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("Project changed", "The project changed at the same moment; reload it and sign again.");
        }

        return TypedResults.Ok(commitment.AsDto(true));
    }
}
