using System.Collections.Immutable;
using System.Text.Json;
using Marketplace.Identity.Tokens;
using Marketplace.ServiceDefaults.Paging;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Organisations;

public sealed record ClientDto(string ClientId, string Name, IReadOnlyList<string> Scopes, Guid OrganisationId);

/// <summary>GET /api/v1/organisations/{id}/clients: an organisation's API clients, all in one page (<c>nextCursor</c> null): a handful per organisation.</summary>
public static class ListClients
{
    public static async Task<Results<Ok<Page<ClientDto>>, NotFound>> Handle(
        Guid id, ClaimsPrincipal user, IdentityDataContext db, CancellationToken cancellationToken)
    {
        if (!user.CanManageOrganisation(id))
        {
            return TypedResults.NotFound();
        }

        var marker = id.ToString();
        var candidates = await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking()
            .Where(a => a.ClientType == ClientTypes.Confidential && a.Properties != null && a.Properties.Contains(marker))
            .OrderBy(a => a.ClientId).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<ClientDto>([.. candidates.Select(a => AsDto(a, id)).OfType<ClientDto>()], null));
    }

    /// <summary>The client as its organisation sees it, or null when the text search matched a client bound elsewhere.</summary>
    private static ClientDto? AsDto(OpenIddictEntityFrameworkCoreApplication a, Guid organisationId)
    {
        var properties = string.IsNullOrEmpty(a.Properties)
            ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(a.Properties) ?? [];
        var binding = ClientBinding.From(properties.ToImmutableDictionary());
        if (binding?.OrganisationId != organisationId)
        {
            return null;
        }

        var permissions = string.IsNullOrEmpty(a.Permissions) ? [] : JsonSerializer.Deserialize<string[]>(a.Permissions) ?? [];
        var scopes = permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..]).ToList();
        return new ClientDto(a.ClientId!, a.DisplayName ?? a.ClientId!, scopes, organisationId);
    }
}
