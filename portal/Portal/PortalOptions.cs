namespace Marketplace.Portal;

/// <summary>Section <c>Portal</c>.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The portal's OpenID Connect client (a public client with PKCE, registered by Identity's seeder).</summary>
    public string ClientId { get; set; } = "portal";

    /// <summary>The token issuer (Identity's public URL). Empty: this process, which then hosts Identity too (standalone).</summary>
    public string? Authority { get; set; }

    /// <summary>
    /// Where the portal reads Identity's discovery document when the public URL is not reachable from inside the
    /// deployment (e.g. <c>http://identity:8080/.well-known/openid-configuration</c> in a cluster). Empty: from the authority.
    /// </summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Where the public API answers. Empty: the authority (the gateway routes both), or this process.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>An access token closer than this to its expiry is refreshed before the page calls the API.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a portal session lasts without activity (the refresh token may still end it sooner).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The resource map's basemap (<c>Portal:Map</c>).</summary>
    public MapOptions Map { get; set; } = new();
}

/// <summary>
/// Section <c>Portal:Map</c>. The map works offline on the country outlines the portal ships; online tiles are opt-in:
/// the operator names a tile server and its attribution (and answers for its terms of use).
/// </summary>
public sealed class MapOptions
{
    /// <summary>A Leaflet tile URL template such as <c>https://tile.example.org/{z}/{x}/{y}.png</c>. Empty: no online tiles.</summary>
    public string? TileUrl { get; set; }

    /// <summary>The attribution the tile provider asks for (HTML allowed by Leaflet), shown in the map's corner.</summary>
    public string? TileAttribution { get; set; }
}
