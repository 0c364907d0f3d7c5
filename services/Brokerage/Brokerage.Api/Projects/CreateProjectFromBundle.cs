using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Projects;

public sealed record CreateFromBundleRequest(
    Guid MatchId,
    [property: StringLength(200, MinimumLength = 3)] string? Title,
    [property: StringLength(2000, MinimumLength = 3)] string? Purpose,
    [property: StringLength(50)] string? FeePlan);

/// <summary>
/// POST /api/v1/projects/from-bundle (operator): one step from a bundle suggestion to a project. The bundle's
/// members become invited participants (offers: suppliers; wants: offtakers) and each pooled offer a flow with
/// the share of the need it covers, at the bundle's distance.
/// </summary>
public static class CreateProjectFromBundle
{
    public static async Task<Results<Created<ProjectDto>, ValidationProblem, ProblemHttpResult>> Handle(
        CreateFromBundleRequest request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var bundle = await db.BundleSuggestions.AsNoTracking().FirstOrDefaultAsync(b => b.MatchId == request.MatchId, cancellationToken);
        if (bundle is null)
        {
            return Problems.Invalid("matchId", $"There is no bundle suggestion {request.MatchId} (a pair match is not a bundle).");
        }

        var errors = await CreateProject.ReferenceErrorsAsync(db, request.FeePlan, [], cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await db.Projects.AnyAsync(p => p.BundleMatchId == request.MatchId && p.Stage != ProjectStages.Abandoned, cancellationToken))
        {
            return Problems.Conflict("Project exists", $"A project was already created from bundle {request.MatchId}.");
        }

        var members = JsonSerializer.Deserialize<List<BundleSuggestedMember>>(bundle.MembersJson, JsonSerializerOptions.Web) ?? [];
        var source = members[0];
        var now = clock.GetUtcNow().UtcDateTime;
        var project = CreateProject.New(request.Title ?? $"Pooled {bundle.Title}", request.Purpose ?? $"Pool {bundle.Title} from {members.Count} organisations.",
            Units.Canonical(source.BaseUnit) ?? source.BaseUnit, user, now);
        project.ResourceTitle = bundle.Title;
        project.EwcCode = bundle.EwcCode;
        project.ResourceClass = bundle.ResourceClass;
        project.BundleMatchId = bundle.MatchId;
        project.FeePlanCode = request.FeePlan;
        foreach (var member in members)
        {
            if (project.ParticipantOf(member.OrganisationId) is null)
            {
                project.Participants.Add(new ProjectParticipant
                {
                    ProjectId = project.Id, OrganisationId = member.OrganisationId, InvitedAt = now,
                    Role = member.Kind == ListingKinds.Offer ? ProjectRoles.Supplier : ProjectRoles.Offtaker,
                });
            }

            if (member.Kind != ListingKinds.Offer)
            {
                continue; // the pooled flows are the supply; a want is the offtaker
            }

            var covered = member == source ? source.YearlyAmount : Math.Round(source.YearlyAmount * (decimal)member.Share, 3);
            project.Flows.Add(new ProjectFlow
            {
                Id = Guid.CreateVersion7(), ProjectId = project.Id, OrganisationId = member.OrganisationId, ListingId = member.ListingId,
                MatchId = bundle.MatchId, QuantityPerYear = covered, DistanceKm = member == source ? 0 : bundle.DistanceKm, AddedAt = now,
            });
        }

        db.Projects.Add(project);
        ProjectAccess.Log(db, project, "created", $"Project created from bundle suggestion {bundle.MatchId}; {project.Participants.Count} participants invited.", now);
        await db.SaveChangesAsync(cancellationToken);
        var names = await ProjectAccess.NamesAsync(db, project.Participants.Select(p => p.OrganisationId), cancellationToken);
        return TypedResults.Created($"/api/v1/projects/{project.Id}", project.AsDto(Confidentiality.Viewer.Facilitator, Guid.Empty, names));
    }
}
