using System.Collections.Concurrent;
using Marketplace.ServiceDefaults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy.Configuration;

namespace Marketplace.Gateway;

/// <summary>
/// The gateway is ready only when every service behind it answers its own readiness probe. The probe is not retried
/// (the next readiness request is the retry), and while the services come up the gateway writes one line per service
/// that is not there yet and one when it is, instead of every failed probe with its stack trace.
/// </summary>
internal static class DownstreamHealth
{
    public static IHostApplicationBuilder AddDownstreamHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(nameof(DownstreamHealth), c => c.Timeout = TimeSpan.FromSeconds(5)).WithoutRetries();
        builder.Services.AddSingleton<DownstreamStates>();
        // The downstream checks log their own transitions; the health service would log every failing probe as an error.
        builder.Logging.AddFilter(typeof(HealthCheckService).Namespace + ".DefaultHealthCheckService", LogLevel.None);
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
                sp => new DownstreamHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IProxyConfigProvider>(),
                    sp.GetRequiredService<DownstreamStates>(), cluster.Key),
                HealthStatus.Unhealthy,
                [ServiceDefaultsExtensions.ReadyTag]));
        }

        return builder;
    }
}

internal sealed class DownstreamHealthCheck(IHttpClientFactory clients, IProxyConfigProvider proxy, DownstreamStates states, string clusterId) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var cluster = proxy.GetConfig().Clusters.FirstOrDefault(c => c.ClusterId == clusterId);
        var address = cluster?.Destinations?.Values.FirstOrDefault()?.Address;
        if (address is null)
        {
            return states.Observe(clusterId, address, HealthCheckResult.Unhealthy($"Cluster {clusterId} has no destination."));
        }

        try
        {
            using var response = await clients.CreateClient(nameof(DownstreamHealth)).GetAsync(new Uri(new Uri(address), "/health/ready"), cancellationToken);
            return states.Observe(clusterId, address, response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{clusterId} answered {(int)response.StatusCode}."));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return states.Observe(clusterId, address, HealthCheckResult.Unhealthy($"{clusterId} is unreachable ({ex.Message})."));
        }
    }
}

/// <summary>What each downstream looked like at its last probe, so that only a change is logged.</summary>
internal sealed partial class DownstreamStates(ILogger<DownstreamStates> logger)
{
    private readonly ConcurrentDictionary<string, bool> healthy = new(StringComparer.Ordinal);

    public HealthCheckResult Observe(string clusterId, string? address, HealthCheckResult result)
    {
        var now = result.Status == HealthStatus.Healthy;
        var before = healthy.TryGetValue(clusterId, out var was) ? was : (bool?)null;
        healthy[clusterId] = now;
        switch (DownstreamLogPolicy.Decide(before, now))
        {
            case DownstreamChange.NotYetThere:
                NotYetThere(clusterId, address, result.Description);
                break;
            case DownstreamChange.Lost:
                Lost(clusterId, address, result.Description);
                break;
            case DownstreamChange.Ready:
                Ready(clusterId, address);
                break;
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for {Cluster} at {Address}: {Reason} The gateway is not ready until it answers; this is logged once.")]
    private partial void NotYetThere(string cluster, string? address, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Cluster} at {Address} stopped answering its readiness probe: {Reason}")]
    private partial void Lost(string cluster, string? address, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Cluster} at {Address} is ready.")]
    private partial void Ready(string cluster, string? address);
}

internal enum DownstreamChange
{
    None,
    NotYetThere,
    Lost,
    Ready,
}

/// <summary>Which probe of a downstream is news: the first failure, a failure after health, and health after anything else.</summary>
internal static class DownstreamLogPolicy
{
    public static DownstreamChange Decide(bool? healthyBefore, bool healthyNow) => (healthyBefore, healthyNow) switch
    {
        (null, false) => DownstreamChange.NotYetThere,
        (true, false) => DownstreamChange.Lost,
        (not true, true) => DownstreamChange.Ready,
        _ => DownstreamChange.None,
    };
}

internal static class HttpClientBuilderExtensions
{
    /// <summary>
    /// Drops the retrying handler every client gets by default: a probe that retries only delays the answer the caller
    /// polls for anyway, and logs each attempt with its stack trace.
    /// </summary>
    public static IHttpClientBuilder WithoutRetries(this IHttpClientBuilder builder) =>
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, _) =>
        {
            for (var i = handlers.Count - 1; i >= 0; i--)
            {
                if (handlers[i] is Microsoft.Extensions.Http.Resilience.ResilienceHandler)
                {
                    handlers.RemoveAt(i);
                }
            }
        });
}
