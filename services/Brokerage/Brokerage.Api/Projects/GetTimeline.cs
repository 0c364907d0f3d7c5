using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Projects;

public sealed record TimelineEntryDto(Guid Id, DateTime At, string Kind, string Text);

/// <summary>GET /api/v1/projects/{id}/timeline: what happened, oldest first; for the facilitator and joined participants (texts carry no quantities).</summary>
public static class GetTimeline
{
    public static async Task<Results<Ok<Page<TimelineEntryDto>>, NotFound, ValidationProblem>> Handle(Guid id, ClaimsPrincipal user, BrokerageDbContext db,
        int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var v = await ProjectAccess.FindAsync(db, id, user, cancellationToken);
        if (v is null || v.Viewer == Confidentiality.Viewer.Invited)
        {
            return TypedResults.NotFound();
        }

        var entries = await db.ProjectTimeline.AsNoTracking().Where(e => e.ProjectId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.Slice([.. entries.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new TimelineEntryDto(e.Id, e.At, e.Kind, e.Text))], e => e.Id, request));
    }
}
