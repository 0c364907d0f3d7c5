using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;

namespace Marketplace.ServiceDefaults.Edge;

/// <summary>
/// The policies at the door: forwarded headers, correlation id, security headers, body size limit, CORS and
/// per-caller rate limits. The gateway and the standalone host call the same two methods, so both modes behave
/// alike for a client.
/// </summary>
public static class EdgeExtensions
{
    public const string CorsPolicy = "edge";
    private const string RateLimitedKey = "Marketplace.Edge.RateLimited";

    public static IHostApplicationBuilder AddEdgePolicies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EdgeOptions>().BindConfiguration(EdgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var settings = builder.Configuration.GetSection(EdgeOptions.Section).Get<EdgeOptions>() ?? new EdgeOptions();

        builder.Services.Configure<ForwardedHeadersOptions>(o => TrustProxies(o, settings.TrustedProxies));

        builder.Services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .WithOrigins([.. settings.CorsOrigins])
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "Idempotency-Key", "If-Match", "If-None-Match", CorrelationId.Header)
            .WithExposedHeaders(CorrelationId.Header, "ETag", "Location", "Retry-After", "Idempotency-Replayed")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));

        // Callers are told apart by their validated token only (see EdgeAuthentication); the route policies of the
        // gateway use the same scheme, so a token is validated once per request, and once per token while it is remembered.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<EdgeTokenCache>();
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, EdgeTokenHandler>(EdgeAuthentication.Scheme, o =>
        {
            o.ForwardChallenge = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            o.ForwardForbid = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
        });

        var limits = new Limits(settings.RateLimit);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits));
            o.OnRejected = WriteRateLimitedAsync;
        });
        return builder;
    }

    /// <summary>Forwarded headers are believed from the configured proxies only: addresses, or networks in CIDR notation.</summary>
    private static void TrustProxies(ForwardedHeadersOptions o, IEnumerable<string> trustedProxies)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        o.ForwardLimit = 2;
        foreach (var entry in trustedProxies)
        {
            if (entry.Contains('/', StringComparison.Ordinal))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            }
            else
            {
                o.KnownProxies.Add(IPAddress.Parse(entry));
            }
        }
    }

    /// <summary>A 429 problem with <c>Retry-After</c> in whole seconds (at least 1).</summary>
    private static async ValueTask WriteRateLimitedAsync(OnRejectedContext ctx, CancellationToken cancellationToken)
    {
        var retryAfter = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        ctx.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ctx.HttpContext.Items[RateLimitedKey] = true;
        var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx.HttpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"The rate limit for this caller is reached. Retry after {retryAfter} s.",
            },
        });
    }

    /// <summary>Call first in the pipeline (before the exception handler's problem pages need the correlation id).</summary>
    public static WebApplication UseEdgePolicies(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<EdgeOptions>>().Value;
        app.UseForwardedHeaders();
        app.UseMiddleware<CorrelationId>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<BodySizeLimit>();
        if (settings.CorsOrigins.Count > 0)
        {
            app.UseCors(CorsPolicy);
        }

        if (settings.RateLimit.Enabled)
        {
            app.UseMiddleware<EdgeCallerMiddleware>();
            app.UseRateLimiter();
        }

        return app;
    }

    /// <summary>
    /// The bucket of a request. Only a token that passed validation names its caller (client and subject); anything
    /// else, a forged or expired token included, shares the bucket of its IP address, so a made-up subject neither
    /// drains someone else's bucket nor opens a fresh one. <c>/connect/token</c> has its own, stricter bucket per IP:
    /// the client_id there is unauthenticated until the secret is checked, so keying on it would let a guesser pick
    /// (and empty) a real client's bucket.
    /// </summary>
    private static RateLimitPartition<string> Partition(HttpContext context, Limits limits)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/health") || HttpMethods.IsOptions(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("exempt");
        }

        if (path.StartsWithSegments("/connect/token"))
        {
            return RateLimitPartition.GetTokenBucketLimiter("token:" + IpOf(context), limits.TokenEndpoint);
        }

        var key = context.Features.Get<EdgeCaller>()?.PartitionKey ?? "ip:" + IpOf(context);
        return RateLimitPartition.GetTokenBucketLimiter(key, limits.Caller);
    }

    private static string IpOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The limiter options and their factories, made once: the partitioner runs for every request.</summary>
    private sealed class Limits
    {
        public Limits(RateLimitOptions settings)
        {
            var caller = new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.BurstSize,
                TokensPerPeriod = settings.PermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            };
            var tokenEndpoint = new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.TokenEndpointPermitsPerMinute,
                TokensPerPeriod = settings.TokenEndpointPermitsPerMinute,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            };
            Caller = _ => caller;
            TokenEndpoint = _ => tokenEndpoint;
        }

        public Func<string, TokenBucketRateLimiterOptions> Caller { get; }

        public Func<string, TokenBucketRateLimiterOptions> TokenEndpoint { get; }
    }
}
