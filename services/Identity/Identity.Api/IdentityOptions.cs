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
}
