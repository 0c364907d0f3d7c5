using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Projects;

/// <summary>
/// GET /api/v1/projects/{id}/commitments: every version, by participant and version. Another participant's
/// quantity, price and exit terms only with its consent; the coverage only when it reveals no single hidden flow.
/// </summary>
public static class ListCommitments
{
    public static async Task<Results<Ok<CommitmentListDto>, NotFound, ValidationProblem>> Handle(Guid id, ClaimsPrincipal user, BrokerageDbContext db,
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

        var parties = v.Project.Parties().ToDictionary(p => p.OrganisationId);
        var all = await db.ProjectCommitments.AsNoTracking().Where(c => c.ProjectId == id).ToListAsync(cancellationToken);
        var items = all.Where(c => Confidentiality.SeesParticipant(v.Viewer, v.Organisation, c.OrganisationId))
            .OrderBy(c => c.OrganisationId).ThenBy(c => c.Version)
            .Select(c => c.AsDto(parties.TryGetValue(c.OrganisationId, out var p) && Confidentiality.SeesQuantitiesOf(v.Viewer, v.Organisation, p)))
            .ToList();
        var withCommitments = all.Select(c => c.OrganisationId).Distinct().Where(parties.ContainsKey).Select(o => parties[o]);
        var coverage = Confidentiality.SeesAggregates(v.Viewer, v.Organisation, withCommitments)
            ? CommitmentCoverage.Of(FeasibilityStore.Inputs(v.Project)?.MinimumViableScale ?? 0m, v.Project.Unit,
                all.Select(c => new CommitmentCoverage.Commitment(c.OrganisationId, c.Kind, c.Status, c.Version, c.QuantityPerYear)))
            : null;
        var page = Paging.Slice(items, c => c.Id, request);
        return TypedResults.Ok(new CommitmentListDto(page.Items, page.NextCursor, coverage));
    }
}
