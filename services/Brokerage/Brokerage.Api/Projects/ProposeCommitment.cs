using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Projects;

public sealed record ProposeCommitmentRequest(
    Guid? OrganisationId,
    [property: Required] string Kind,
    [property: Range(typeof(decimal), "0", "1000000000")] decimal QuantityPerYear,
    DateOnly Start,
    DateOnly End,
    [property: Range(typeof(decimal), "-1000000", "1000000")] decimal? PricePerUnit,
    [property: RegularExpression("^[A-Z]{3}$", ErrorMessage = "currency must be an ISO 4217 code such as EUR.")] string? Currency,
    int ExitNoticeMonths,
    [property: StringLength(2000)] string? ExitTerms) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        CommitmentRules.Validate(Kind, QuantityPerYear, Start, End, ExitNoticeMonths).AsValidationResults();
}

/// <summary>
/// POST /api/v1/projects/{id}/commitments: the facilitator (for a named participant) or a joined participant (for
/// itself) proposes a letter of intent or a supply agreement; a new version supersedes the participant's open one.
/// </summary>
public static class ProposeCommitment
{
    public static async Task<Results<Created<CommitmentDto>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ProposeCommitmentRequest request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = await ProjectAccess.FindAsync(db, id, user, cancellationToken, track: true);
        if (v is null || v.Viewer is Confidentiality.Viewer.Invited)
        {
            return TypedResults.NotFound();
        }

        var org = v.Viewer == Confidentiality.Viewer.Facilitator ? request.OrganisationId ?? Guid.Empty : v.Organisation;
        if (v.Project.ParticipantOf(org) is null || (request.OrganisationId is { } named && named != org))
        {
            return Problems.Invalid("organisationId", "A commitment is proposed for a participant: the facilitator names it, a participant proposes for itself.");
        }

        if (ProjectStages.IsFinal(v.Project.Stage))
        {
            return Problems.Conflict("Project is final", $"The project is {v.Project.Stage}; no commitments are made any more.");
        }

        var previous = await db.ProjectCommitments.Where(c => c.ProjectId == id && c.OrganisationId == org).OrderByDescending(c => c.Version).FirstOrDefaultAsync(cancellationToken);
        if (previous is { Status: CommitmentStatuses.Proposed })
        {
            previous.Status = CommitmentStatuses.Superseded;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var commitment = new ProjectCommitment
        {
            Id = Guid.CreateVersion7(), ProjectId = id, OrganisationId = org, Version = (previous?.Version ?? 0) + 1, Kind = request.Kind,
            QuantityPerYear = request.QuantityPerYear, StartDate = request.Start, EndDate = request.End, PricePerUnit = request.PricePerUnit,
            Currency = request.Currency ?? "EUR", ExitNoticeMonths = request.ExitNoticeMonths, ExitTerms = request.ExitTerms,
            ProposedByOrganisationId = v.Viewer == Confidentiality.Viewer.Facilitator ? null : v.Organisation, ProposedAt = now,
        };
        db.ProjectCommitments.Add(commitment);
        ProjectAccess.Log(db, v.Project, "commitment_proposed", $"{Label(commitment.Kind)} version {commitment.Version} proposed for a participant.", now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("Concurrent proposal", "Another version was proposed at the same moment; reload the commitments and propose again.");
        }

        return TypedResults.Created($"/api/v1/projects/{id}/commitments/{commitment.Id}", commitment.AsDto(true));
    }

    internal static string Label(string kind) => kind == CommitmentKinds.Agreement ? "Supply agreement" : "Letter of intent";
}
