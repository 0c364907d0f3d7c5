using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Projects;

/// <summary>GET /api/v1/projects: the operator's board (all projects, optionally of one stage); a company sees the projects it takes part in.</summary>
public static class ListProjects
{
    public static async Task<Results<Ok<ProjectListDto>, ValidationProblem>> Handle(ClaimsPrincipal user, BrokerageDbContext db, string? stage,
        int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (stage is not null && !ProjectStages.All.Contains(stage))
        {
            return Problems.Invalid("stage", $"stage must be one of: {string.Join(", ", ProjectStages.All)}.");
        }

        var org = user.OrganisationId() ?? Guid.Empty;
        var query = db.Projects.AsNoTracking().Include(p => p.Participants).Include(p => p.Flows).AsSplitQuery().AsQueryable();
        if (!user.IsOperator())
        {
            query = query.Where(p => p.Participants.Any(x => x.OrganisationId == org && x.Status != ParticipantStatuses.Left));
        }

        if (stage is not null)
        {
            query = query.Where(p => p.Stage == stage);
        }

        var page = await query.ToPageAsync(p => p.Id, request, projects => projects, cancellationToken);
        var names = await ProjectAccess.NamesAsync(db, page.Items.SelectMany(p => p.Participants).Select(p => p.OrganisationId), cancellationToken);
        var items = page.Items.Select(p => p.AsDto(Confidentiality.Of(user.IsOperator(), org, p.Parties()), org, names)).ToList();
        return TypedResults.Ok(new ProjectListDto(items, page.NextCursor));
    }
}
