using System.ComponentModel.DataAnnotations;
using Marketplace.Identity.Tokens;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Webhooks;

/// <summary>The event types must be ones the marketplace sends (a body rule); whether the URL may be called is the handler's (ADR 0011).</summary>
public sealed record CreateWebhookRequest(
    [property: Required, StringLength(2000)] string Url,
    [property: Required, MinLength(1), MaxLength(20)] string[] EventTypes) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var unknown = EventTypes.Where(t => !WebhookEventTypes.All.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            yield return new($"Unknown: {string.Join(", ", unknown)}. Known: {string.Join(", ", WebhookEventTypes.All)}.", ["eventTypes"]);
        }
    }
}

public sealed record WebhookCreatedDto(Guid Id, string Url, IReadOnlyList<string> EventTypes, string Secret);

/// <summary>POST /api/v1/organisations/{id}/webhooks: registers an HTTPS endpoint; its signing secret is in this answer only.</summary>
public static class CreateWebhook
{
    public static async Task<Results<Created<WebhookCreatedDto>, NotFound, ValidationProblem>> Handle(
        Guid id, CreateWebhookRequest request, ClaimsPrincipal user, IdentityDataContext db, IDataProtectionProvider protection,
        IOptions<WebhookOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.CanManageOrganisation(id) || !await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (await WebhookUrlRules.ProblemAsync(request.Url, options.Value.AllowInsecureUrls == true, cancellationToken) is { } urlProblem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["url"] = [urlProblem] });
        }

        var secret = "whsec_" + RandomSecrets.UrlSafe();
        var types = request.EventTypes.Distinct().ToList();
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(), OrganisationId = id, Url = request.Url, EventTypes = string.Join(' ', types),
            ProtectedSecret = protection.CreateProtector(WebhookSignature.SecretPurpose).Protect(secret), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/organisations/{id}/webhooks/{endpoint.Id}", new WebhookCreatedDto(endpoint.Id, endpoint.Url, types, secret));
    }
}
