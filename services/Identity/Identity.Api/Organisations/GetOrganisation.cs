namespace Marketplace.Identity.Organisations;

/// <summary>GET /api/v1/organisations/{id}: one organisation with its sites, for the operator and its own people; the ETag is its version.</summary>
public static class GetOrganisation
{
    public static async Task<Results<Ok<OrganisationDto>, NotFound>> Handle(
        Guid id, ClaimsPrincipal user, IdentityDataContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (!user.IsOperator() && user.OrganisationId() != id)
        {
            return TypedResults.NotFound();
        }

        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Sites).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = organisation.ETag();
        return TypedResults.Ok(organisation.AsDto());
    }
}
