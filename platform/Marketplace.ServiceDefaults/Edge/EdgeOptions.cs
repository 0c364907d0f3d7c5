using System.ComponentModel.DataAnnotations;

namespace Marketplace.ServiceDefaults.Edge;

/// <summary>Section <c>Edge</c>: what the door of the marketplace enforces, in the gateway and in the standalone host alike.</summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Largest request body accepted (bytes); larger ones get 413 before they are read.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// How long (seconds) the edge may remember that a token validated, never past the token's expiry and only while
    /// its signing key is still published; 0 validates every request.
    /// </summary>
    [Range(0, 3600)]
    public int TokenCacheSeconds { get; set; } = 300;

    /// <summary>Browser origins allowed to call the API (the portal). Empty: no CORS headers at all.</summary>
    public List<string> CorsOrigins { get; set; } = [];

    /// <summary>
    /// Proxies (IP addresses) and networks (CIDR) whose X-Forwarded-* headers are believed, e.g. the ingress.
    /// Loopback is always trusted.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];
}

public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Sustained requests per second for one caller (client or user; by IP when anonymous).</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>Bucket size: how many requests a caller may burst before the sustained rate applies.</summary>
    [Range(1, 1_000_000)]
    public int BurstSize { get; set; } = 200;

    /// <summary>Token requests per minute per IP address: slows down secret guessing.</summary>
    [Range(1, 1_000_000)]
    public int TokenEndpointPermitsPerMinute { get; set; } = 60;
}
