using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Brokerage.Projects;

public sealed record AddFundingApplicationRequest(
    [property: Required, StringLength(200, MinimumLength = 2)] string Programme,
    [property: Range(typeof(decimal), "0", "10000000000")] decimal AmountRequested,
    [property: RegularExpression("^[A-Z]{3}$", ErrorMessage = "currency must be an ISO 4217 code such as EUR.")] string? Currency);

public sealed record FundingApplicationDto(Guid Id, Guid ProjectId, string Programme, decimal AmountRequested, string Currency, string Status,
    decimal? AmountGranted, DateTime CreatedAt, DateTime? SubmittedAt, DateTime? DecidedAt);

/// <summary>POST /api/v1/projects/{id}/funding-applications (operator): a subsidy or funding application the facilitator prepares, as a draft.</summary>
public static class AddFundingApplication
{
    public static async Task<Results<Created<FundingApplicationDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, AddFundingApplicationRequest request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ProjectAccess.FindAsync(db, id, user, cancellationToken, track: true) is not { } v)
        {
            return TypedResults.NotFound();
        }

        if (ProjectStages.IsFinal(v.Project.Stage))
        {
            return Problems.Conflict("Project is final", $"The project is {v.Project.Stage}; no applications are prepared for it.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var application = new FundingApplication
        {
            Id = Guid.CreateVersion7(), ProjectId = id, Programme = request.Programme.Trim(), AmountRequested = request.AmountRequested,
            Currency = request.Currency ?? "EUR", CreatedAt = now,
        };
        db.FundingApplications.Add(application);
        ProjectAccess.Log(db, v.Project, "funding_drafted", $"Funding application to {application.Programme} drafted.", now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/projects/{id}/funding-applications/{application.Id}", application.AsDto());
    }

    internal static FundingApplicationDto AsDto(this FundingApplication a) =>
        new(a.Id, a.ProjectId, a.Programme, a.AmountRequested, a.Currency, a.Status, a.AmountGranted, a.CreatedAt, a.SubmittedAt, a.DecidedAt);
}
