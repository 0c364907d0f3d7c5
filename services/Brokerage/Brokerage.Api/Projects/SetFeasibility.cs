using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Marketplace.Brokerage.Impact;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Brokerage.Projects;

public sealed record SetFeasibilityRequest(
    [property: Range(typeof(decimal), "0", "1000000000000")] decimal MinimumViableScale,
    [property: Range(typeof(decimal), "0", "1000000000000")] decimal CapitalCost,
    [property: Range(typeof(decimal), "0", "1000000000000")] decimal YearlyOperatingCost,
    [property: Range(typeof(decimal), "0", "1000000000000")] decimal YearlyOutputRevenue,
    [property: Required] string SharingKey,
    IReadOnlyDictionary<Guid, decimal>? CustomShares,
    [property: Range(typeof(decimal), "0", "1")] decimal DiscountRate,
    [property: Range(1, 100)] int LifetimeYears,
    [property: RegularExpression("^[A-Z]{3}$", ErrorMessage = "currency must be an ISO 4217 code such as EUR.")] string? Currency);

/// <summary>The inputs, the worksheet and the commitment coverage; coverage is null when the viewer may not see totals.</summary>
public sealed record FeasibilityDto(FeasibilityInputs Inputs, Worksheet Worksheet, CommitmentCoverage.Result? Coverage, DateTime? ComputedAt);

/// <summary>PUT /api/v1/projects/{id}/feasibility (operator): stores the inputs and the worksheet computed from them; a key that cannot share is a 400.</summary>
public static class SetFeasibility
{
    public static async Task<Results<Ok<FeasibilityDto>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, SetFeasibilityRequest request, ClaimsPrincipal user, BrokerageDbContext db, ImpactFactors factors, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ProjectAccess.FindAsync(db, id, user, cancellationToken, track: true) is not { } v)
        {
            return TypedResults.NotFound();
        }

        var project = v.Project;
        if (ProjectStages.IsFinal(project.Stage))
        {
            return Problems.Conflict("Project is final", $"The project is {project.Stage}; its worksheet is kept as it was.");
        }

        var inputs = new FeasibilityInputs(request.MinimumViableScale, request.CapitalCost, request.YearlyOperatingCost, request.YearlyOutputRevenue,
            request.SharingKey, request.CustomShares, request.DiscountRate, request.LifetimeYears, request.Currency ?? "EUR");
        var names = await ProjectAccess.NamesAsync(db, project.Participants.Select(p => p.OrganisationId), cancellationToken);
        var sheet = FeasibilityStore.Compute(project, inputs, factors, names);
        if (sheet.Errors.Count > 0)
        {
            return Problems.Invalid(request.SharingKey == CostSharing.Custom ? "customShares" : "sharingKey", string.Join(" ", sheet.Errors));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        project.FeasibilityInputsJson = JsonSerializer.Serialize(inputs, JsonSerializerOptions.Web);
        project.WorksheetJson = JsonSerializer.Serialize(sheet, JsonSerializerOptions.Web);
        project.WorksheetComputedAt = now;
        project.Revision++;
        ProjectAccess.Log(db, project, "feasibility", sheet.Viable ? "Feasibility worksheet computed: the pooled flows reach the minimum viable scale."
            : "Feasibility worksheet computed: the pooled flows fall short of the minimum viable scale.", now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new FeasibilityDto(inputs, sheet, await MoveStage.CoverageAsync(db, project, cancellationToken), now));
    }
}
