using Marketplace.ServiceDefaults.Paging;

namespace Marketplace.Identity.Webhooks;

/// <summary>GET /api/v1/organisations/{id}/webhooks: an organisation's webhook endpoints, newest first: <c>{ items, nextCursor }</c>.</summary>
public static class ListWebhooks
{
    public static async Task<Results<Ok<Page<WebhookDto>>, NotFound, ValidationProblem>> Handle(Guid id, ClaimsPrincipal user, IdentityDataContext db,
        int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (!user.CanManageOrganisation(id))
        {
            return TypedResults.NotFound();
        }

        if (Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await db.WebhookEndpoints.AsNoTracking().Where(e => e.OrganisationId == id)
            .ToPageAsync(e => e.Id, request, rows => rows.Select(WebhookMapping.AsDto).ToList(), cancellationToken));
    }
}
