using System.Collections.Immutable;
using System.Text.Json;
using OpenIddict.Abstractions;

namespace Marketplace.Identity.Tokens;

/// <summary>What an API client acts as: one organisation, with roles. Kept in the OpenIddict application's properties.</summary>
public sealed record ClientBinding(Guid OrganisationId, IReadOnlyList<string> Roles)
{
    private const string OrganisationKey = "org_id";
    private const string RolesKey = "roles";

    public void WriteTo(OpenIddictApplicationDescriptor descriptor)
    {
        descriptor.Properties[OrganisationKey] = JsonSerializer.SerializeToElement(OrganisationId);
        descriptor.Properties[RolesKey] = JsonSerializer.SerializeToElement(Roles);
    }

    public static ClientBinding? From(ImmutableDictionary<string, JsonElement> properties)
    {
        if (!properties.TryGetValue(OrganisationKey, out var org) || org.ValueKind != JsonValueKind.String || !org.TryGetGuid(out var id))
        {
            return null;
        }

        var roles = properties.TryGetValue(RolesKey, out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(x => x.GetString()!).Where(x => x is not null).ToList()
            : [];
        return new ClientBinding(id, roles);
    }
}
