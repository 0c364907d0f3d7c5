using Marketplace.ServiceDefaults.Outbox;

namespace Marketplace.Identity.Organisations;

/// <summary>
/// PATCH /api/v1/organisations/{id}: an admin of the organisation or the operator. <c>If-Match</c> with the ETag guards
/// against lost updates.
/// </summary>
public static class UpdateOrganisation
{
    public static async Task<Results<Ok<OrganisationDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, UpdateOrganisationRequest request, ClaimsPrincipal user, IdentityDataContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var organisation = user.CanManageOrganisation(id)
            ? await db.Organisations.Include(o => o.Sites).FirstOrDefaultAsync(o => o.Id == id, cancellationToken) : null;
        if (organisation is null)
        {
            return TypedResults.NotFound();
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (!string.IsNullOrEmpty(ifMatch) && ifMatch != "*" && ifMatch != organisation.ETag())
        {
            http.Response.Headers.ETag = organisation.ETag();
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Stale version",
                detail: $"If-Match {ifMatch} does not match the current version {organisation.ETag()}; GET the organisation and retry.");
        }

        Apply(db, organisation, request, clock.GetUtcNow().UtcDateTime);
        db.AddEvent(organisation.Updated(), organisation.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Stale version",
                detail: "The organisation changed while this request was processed; GET it and retry.");
        }

        http.Response.Headers.ETag = organisation.ETag();
        return TypedResults.Ok(organisation.AsDto());
    }

    /// <summary>Copies the fields the request names onto the row (sites replace the list) and bumps its version.</summary>
    private static void Apply(IdentityDataContext db, Organisation organisation, UpdateOrganisationRequest request, DateTime now)
    {
        organisation.Name = request.Name?.Trim() ?? organisation.Name;
        organisation.NaceCode = request.NaceCode ?? organisation.NaceCode;
        organisation.Country = request.Country ?? organisation.Country;
        organisation.Address = request.Address ?? organisation.Address;
        organisation.VatId = request.VatId ?? organisation.VatId;
        organisation.Employees = request.Employees ?? organisation.Employees;
        if (request.Sites is { } sites)
        {
            db.Sites.RemoveRange(organisation.Sites);
            organisation.Sites = [.. sites.Select(s => OrganisationMapping.NewSite(organisation.Id, s))];
            // Added explicitly: a site reached only through the navigation, with its id already set, would be taken
            // for an existing row and updated (0 rows: every PATCH with sites answered 412 "changed" before).
            db.Sites.AddRange(organisation.Sites);
        }

        organisation.Version++;
        organisation.UpdatedAt = now;
    }
}
