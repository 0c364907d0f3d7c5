using Marketplace.ServiceDefaults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy.Configuration;

namespace Marketplace.Gateway;

/// <summary>The gateway is ready only when every service behind it answers its own readiness probe.</summary>
internal static class DownstreamHealth
{
    public static IHostApplicationBuilder AddDownstreamHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(nameof(DownstreamHealth), c => c.Timeout = TimeSpan.FromSeconds(5));
        var clusters = builder.Configuration.GetSection("ReverseProxy:Clusters").GetChildren();
        foreach (var cluster in clusters)
        {
            var address = cluster.GetSection("Destinations").GetChildren().Select(d => d["Address"]).FirstOrDefault(a => a is not null);
            if (address is null)
            {
                continue;
            }

            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
                $"service-{cluster.Key}",
                sp => new DownstreamHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IProxyConfigProvider>(), cluster.Key),
                HealthStatus.Unhealthy,
                [ServiceDefaultsExtensions.ReadyTag]));
        }

        return builder;
    }
}

internal sealed class DownstreamHealthCheck(IHttpClientFactory clients, IProxyConfigProvider proxy, string clusterId) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var cluster = proxy.GetConfig().Clusters.FirstOrDefault(c => c.ClusterId == clusterId);
        var address = cluster?.Destinations?.Values.FirstOrDefault()?.Address;
        if (address is null)
        {
            return HealthCheckResult.Unhealthy($"Cluster {clusterId} has no destination.");
        }

        try
        {
            using var response = await clients.CreateClient(nameof(DownstreamHealth)).GetAsync(new Uri(new Uri(address), "/health/ready"), cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{clusterId} answered {(int)response.StatusCode}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{clusterId} is unreachable.", ex);
        }
    }
}
