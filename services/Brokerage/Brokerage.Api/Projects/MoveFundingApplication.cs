using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Contracts;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Projects;

public sealed record MoveFundingRequest([property: Required] string Status, [property: Range(typeof(decimal), "0", "10000000000")] decimal? AmountGranted)
    : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Status == FundingStatuses.Granted && AmountGranted is null)
        {
            yield return new("A granted application needs amountGranted.", ["amountGranted"]);
        }
    }
}

/// <summary>
/// POST /api/v1/projects/{id}/funding-applications/{applicationId}/status (operator): draft → submitted → granted
/// (with the amount) or rejected; submitting publishes ProjectFundingApplicationSubmitted, which accrues the plan's fee.
/// </summary>
public static class MoveFundingApplication
{
    public static async Task<Results<Ok<FundingApplicationDto>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, Guid applicationId, MoveFundingRequest request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = await ProjectAccess.FindAsync(db, id, user, cancellationToken, track: true);
        var application = v is null ? null : await db.FundingApplications.FirstOrDefaultAsync(a => a.Id == applicationId && a.ProjectId == id, cancellationToken);
        if (v is null || application is null)
        {
            return TypedResults.NotFound();
        }

        if (FundingStatuses.CanMove(application.Status, request.Status) is { } error)
        {
            return Problems.Conflict("Illegal status change", error);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        application.Status = request.Status;
        if (request.Status == FundingStatuses.Submitted)
        {
            application.SubmittedAt = now;
            db.AddEvent(new ProjectFundingApplicationSubmitted(id, application.Id, application.Programme, application.AmountRequested, application.Currency,
                v.Project.FeePlanCode, v.Project.Members(), now), id.ToString());
        }
        else
        {
            application.DecidedAt = now;
            application.AmountGranted = request.Status == FundingStatuses.Granted ? request.AmountGranted : 0m;
        }

        ProjectAccess.Log(db, v.Project, "funding_" + request.Status, $"Funding application to {application.Programme} {request.Status}.", now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(application.AsDto());
    }
}
