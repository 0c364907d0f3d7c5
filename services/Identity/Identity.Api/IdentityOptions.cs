namespace Marketplace.Identity;

/// <summary>Section <c>Identity</c>.</summary>
public sealed class IdentityServiceOptions
{
    public const string Section = "Identity";

    /// <summary>The issuer written into tokens: the public URL (the gateway). Empty: taken from each request.</summary>
    public string? Issuer { get; set; }

    /// <summary>PFX files with the signing and encryption certificates; required outside Development and demo.</summary>
    public string? SigningCertificatePath { get; set; }
    public string? SigningCertificatePassword { get; set; }
    public string? EncryptionCertificatePath { get; set; }
    public string? EncryptionCertificatePassword { get; set; }

    /// <summary>Allow plain HTTP (local runs and tests behind no TLS terminator).</summary>
    public bool AllowHttp { get; set; } = true;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a just-used refresh token may be presented again (a lost response) before it counts as stolen.</summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The company portal's base URLs, for its client's redirect addresses (see <see cref="PortalClient"/>).</summary>
    public List<string> PortalUrls { get; set; } = [];

    /// <summary>Further first-party user-facing apps: public clients with authorization code + PKCE.</summary>
    public List<PublicClientOptions> PublicClients { get; set; } = [];
}

public sealed class PublicClientOptions
{
    public string ClientId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public List<string> RedirectUris { get; set; } = [];
    public List<string> PostLogoutRedirectUris { get; set; } = [];
}
