using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Brokerage.Projects;

/// <summary>GET /api/v1/projects/{id}: the project as the caller may see it (see <see cref="Confidentiality"/>); 404 for a non-participant.</summary>
public static class GetProject
{
    public static async Task<Results<Ok<ProjectDto>, NotFound>> Handle(Guid id, ClaimsPrincipal user, BrokerageDbContext db, CancellationToken cancellationToken)
    {
        if (await ProjectAccess.FindAsync(db, id, user, cancellationToken) is not { } v)
        {
            return TypedResults.NotFound();
        }

        var names = await ProjectAccess.NamesAsync(db, v.Project.Participants.Select(p => p.OrganisationId), cancellationToken);
        return TypedResults.Ok(v.Project.AsDto(v.Viewer, v.Organisation, names));
    }
}
