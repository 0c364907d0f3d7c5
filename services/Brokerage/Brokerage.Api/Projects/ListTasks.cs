using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Projects;

/// <summary>GET /api/v1/projects/{id}/tasks: open first, then by due date; an invited (not yet joined) participant sees only its own.</summary>
public static class ListTasks
{
    public static async Task<Results<Ok<Page<ProjectTaskDto>>, NotFound, ValidationProblem>> Handle(Guid id, ClaimsPrincipal user, BrokerageDbContext db,
        int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await ProjectAccess.FindAsync(db, id, user, cancellationToken) is not { } v)
        {
            return TypedResults.NotFound();
        }

        var tasks = await db.ProjectTasks.AsNoTracking().Where(t => t.ProjectId == id).ToListAsync(cancellationToken);
        var visible = tasks.Where(t => v.Viewer != Confidentiality.Viewer.Invited || t.OwnerOrganisationId == v.Organisation)
            .OrderBy(t => t.Status == "done").ThenBy(t => t.DueDate ?? DateOnly.MaxValue).ThenBy(t => t.CreatedAt);
        return TypedResults.Ok(Paging.Slice([.. visible.Select(t => t.AsDto())], t => t.Id, request));
    }
}
