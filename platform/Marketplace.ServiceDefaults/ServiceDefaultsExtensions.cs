using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Idempotency;
using Marketplace.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Marketplace.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    /// <summary>Telemetry, health, problem details, validated options and resilient HTTP clients: call once per host.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Composition().HostName = serviceName;
        builder.Services.AddOptions<MarketplaceOptions>()
            .BindConfiguration(MarketplaceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.AddOpenTelemetryDefaults(serviceName);

        // Quiet by default for hosts without their own appsettings; configuration can still lower these.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("MassTransit", LogLevel.Warning);
        builder.Logging.AddFilter("OpenIddict", LogLevel.Warning);
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        // "Hosting failed to start" with the stack trace: StartupFailure says it in one line instead. Critical stays
        // (a BackgroundService that stops the host after start).
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        // First writer asked, and it always answers: problems are JSON whatever the Accept header (see the writer).
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, JsonProblemDetailsWriter>());
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // A query or route value that does not bind ('limit=abc') throws, so the handler above answers a 400 naming
        // the parameter, instead of a bare 400 with nothing said.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddMarketplaceOpenApi($"Symbiosis Marketplace: {serviceName}");

        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    private static void AddOpenTelemetryDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit", Telemetry.MeterName));

        // The OTLP exporter is only wired when an endpoint is configured, so a bare machine exports nothing. Spans are
        // recorded only then too: with nobody to receive them they cost every request (about a tenth of the gateway's
        // CPU per request, measured with bench/Gateway.Bench --ablate) and tell no one anything. Metrics stay, for
        // dotnet-counters and any exporter added later.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.WithTracing(t => t
                .AddSource(serviceName, "MassTransit", Telemetry.ActivitySourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation());
            otel.UseOtlpExporter();
        }
    }

    /// <summary>
    /// The pipeline of a service host, in its one right order: problem details for errors and bare status codes,
    /// authentication, authorization, then body validation and the <c>Idempotency-Key</c> store, which must know the
    /// caller (ADR 0007). Hosts put the edge policies, if any, before it and map endpoints after it.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseProblemDetailsDefaults();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<BodyValidationMiddleware>();
        app.UseIdempotency();
        return app;
    }

    /// <summary>The two health endpoints, in every environment, and the OpenAPI document: mapping only.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(LiveTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(ReadyTag) || r.Tags.Contains(LiveTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();

        if (app.Services.GetService<MergedOpenApiMarker>() is null)
        {
            app.MapMarketplaceOpenApi();
        }

        return app;
    }

    /// <summary>Problem details for unhandled errors and bare status codes; part of <see cref="UseServiceDefaults"/>, alone in the gateway.</summary>
    public static WebApplication UseProblemDetailsDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    public static bool IsDemo(this IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment() || configuration.GetValue<bool>($"{MarketplaceOptions.Section}:Demo");

}
