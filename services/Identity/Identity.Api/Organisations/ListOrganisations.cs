using Marketplace.ServiceDefaults.Paging;

namespace Marketplace.Identity.Organisations;

/// <summary>
/// GET /api/v1/organisations: operators see every organisation; anyone else sees only its own. Ordered by id,
/// <c>cursor</c> = last id seen.
/// </summary>
public static class ListOrganisations
{
    public static async Task<Results<Ok<Page<OrganisationDto>>, ValidationProblem>> Handle(
        ClaimsPrincipal user, IdentityDataContext db, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var take = limit ?? 50;
        if (take is < 1 or > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit must be between 1 and 200."] });
        }

        Guid? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!Guid.TryParse(cursor, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = ["cursor is not one this API returned."] });
            }

            after = parsed;
        }

        var query = db.Organisations.AsNoTracking().Include(o => o.Sites).AsQueryable();
        if (!user.IsOperator())
        {
            var own = user.OrganisationId() ?? Guid.Empty;
            query = query.Where(o => o.Id == own);
        }

        if (after is { } a)
        {
            query = query.Where(o => o.Id > a);
        }

        var items = await query.OrderBy(o => o.Id).Take(take + 1).ToListAsync(cancellationToken);
        var next = items.Count > take ? items[take - 1].Id.ToString() : null;
        return TypedResults.Ok(new Page<OrganisationDto>([.. items.Take(take).Select(o => o.AsDto())], next));
    }
}
