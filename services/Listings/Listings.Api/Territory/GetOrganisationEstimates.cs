using System.Security.Claims;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Data;
using Marketplace.Listings.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Territory;

/// <summary>
/// GET /api/v1/organisations/{id}/estimated-flows: the organisation's likely flows (its "resource check"), for that
/// organisation and operators only; anyone else gets 404, as if it did not exist.
/// </summary>
public static class GetOrganisationEstimates
{
    public static async Task<Results<Ok<OrganisationEstimatesDto>, NotFound>> Handle(
        Guid id, ClaimsPrincipal user, ListingsDbContext db, FlowCoefficients coefficients, ResourceFamilies families, BoundaryCache boundaries,
        CancellationToken cancellationToken)
    {
        var viewer = Viewer.Of(user);
        if (!EstimateAccess.MaySee(id, viewer.OrganisationId, viewer.IsOperator))
        {
            return TypedResults.NotFound();
        }

        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return TypedResults.NotFound();
        }

        var declared = await db.Listings.AsNoTracking()
            .Where(l => l.OrganisationId == id && l.Status == ListingStatuses.Published && l.Kind == ListingKinds.Offer)
            .Select(l => new DeclaredOffer(l.ResourceClass, l.EwcCode)).ToListAsync(cancellationToken);
        var subject = new EstimationSubject(id, organisation.NaceCode, organisation.Country, organisation.Employees);
        var sector = coefficients.SectorOf(organisation.NaceCode);
        List<string> missing = [];
        if (organisation.NaceCode is null)
        {
            missing.Add("naceCode");
        }
        else if (sector is null)
        {
            missing.Add("sector coefficient for naceCode " + organisation.NaceCode);
        }

        if (organisation.Employees is not > 0)
        {
            missing.Add("employees");
        }

        var local = await LocalKnowledge.LoadAsync(db, boundaries, families, db.Organisations.Where(o => o.Id == id).Select(o => o.Id), cancellationToken);
        var items = FlowEstimator.Estimate(subject, coefficients, declared, local.For(id, organisation.NaceCode, coefficients, organisation.Lat, organisation.Lon))
            .Select(f => f.AsDto(organisation.Name, organisation.Lat, organisation.Lon)).ToList();
        return TypedResults.Ok(new OrganisationEstimatesDto(id, organisation.NaceCode, organisation.Country, organisation.Employees,
            sector?.Id, missing, items, null, EstimatedFlowMapping.Note));
    }
}
