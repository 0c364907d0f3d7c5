using Marketplace.ServiceDefaults;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Marketplace.Portal.Host;

/// <summary>
/// What the portal needs when it runs as its own process, which the standalone host gets from Identity in the same
/// process: a key ring that outlives a restart (session cookies and form tokens are protected with it), the caller's
/// scheme from the gateway, and a readiness probe that says whether Identity's discovery document can be read.
/// </summary>
public static class PortalProcess
{
    /// <summary>The key ring's folder under the data directory when <c>Portal:KeyRingPath</c> is not set.</summary>
    public const string KeyRingFolder = "portal-keys";

    public static IHostApplicationBuilder AddPortalProcess(this IHostApplicationBuilder builder)
    {
        var keyRing = builder.Configuration["Portal:KeyRingPath"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(HostComposition.DataDirectory(builder.Configuration), KeyRingFolder);
        // Identity's public URL is the marketplace's (the gateway's) unless said otherwise.
        var publicUrl = builder.Configuration["Marketplace:PublicUrl"];
        builder.Services.AddOptions<PortalOptions>()
            .PostConfigure(o => o.Authority = string.IsNullOrWhiteSpace(o.Authority) ? publicUrl : o.Authority)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Authority),
                "Set Marketplace:PublicUrl (or Portal:Authority) to the marketplace's public URL, e.g. https://marketplace.example.org/: the portal's own process has no Identity in it.");
        builder.Services.AddDataProtection()
            .SetApplicationName("symbiosis-portal")
            .PersistKeysToFileSystem(Directory.CreateDirectory(keyRing));

        // The gateway keeps the public Host header on the portal's route; scheme and client address come as X-Forwarded-*.
        builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        builder.Services.AddHttpClient(nameof(IdentityDiscoveryCheck), c => c.Timeout = TimeSpan.FromSeconds(5));
        builder.Services.AddHealthChecks().AddCheck<IdentityDiscoveryCheck>("identity-discovery", HealthStatus.Unhealthy, [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}

/// <summary>Ready when Identity's discovery document answers: without it nobody can sign in to the portal.</summary>
internal sealed class IdentityDiscoveryCheck(IHttpClientFactory clients, IOptions<PortalOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var address = Address(options.Value)!;
        try
        {
            using var response = await clients.CreateClient(nameof(IdentityDiscoveryCheck)).GetAsync(address, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Identity's discovery document at {address} answered {(int)response.StatusCode}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Identity's discovery document at {address} did not answer: {ex.Message}");
        }
    }

    internal static Uri? Address(PortalOptions options) =>
        !string.IsNullOrWhiteSpace(options.MetadataAddress) ? new Uri(options.MetadataAddress)
        : string.IsNullOrWhiteSpace(options.Authority) ? null
        : new Uri(new Uri(options.Authority.EndsWith('/') ? options.Authority : options.Authority + "/"), ".well-known/openid-configuration");
}
