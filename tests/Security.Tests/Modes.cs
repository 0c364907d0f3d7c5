using System.Net;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Marketplace.Security.Tests;

/// <summary>The standalone host in this process (TestServer): every module, in-memory bus, the same edge policies.</summary>
public sealed class InProcessMarketplace : MarketplaceUnderTest
{
    public SecurityFactory Factory { get; } = new();

    public override string Mode => "in-process";

    public override string IdentityDataDir => Factory.DataDir;

    public override Task InitializeAsync()
    {
        _ = Factory.Server; // start the host now, not inside the first test's timing
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync() => await Factory.DisposeAsync();

    protected override HttpClient NewClient(bool browser) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = !browser, HandleCookies = true });
}

/// <summary>
/// The distributed mode: every service and the YARP gateway as real processes over RabbitMQ (a private virtual host);
/// every request goes through the gateway. Started once for the whole assembly (one collection).
/// </summary>
public sealed class DistributedMarketplace : MarketplaceUnderTest
{
    private readonly SecurityDeployment deployment = new();

    public override string Mode => "distributed";

    public override string IdentityDataDir => Path.Combine(deployment.DataDir, "identity");

    public DistributedDeployment Deployment => deployment;

    public override async Task InitializeAsync()
    {
        await deployment.InitializeAsync();

        // Each service builds its OpenAPI document on first request, which a loaded machine makes slower than the
        // gateway's merge timeout: build them now, once, so the merged document is complete.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await Task.WhenAll(deployment.Services.Where(s => s.Key != "gateway").Select(s => http.GetStringAsync($"{s.Value.Url}/openapi/v1.json")));
    }

    public override Task DisposeAsync() => deployment.DisposeAsync();

    protected override HttpClient NewClient(bool browser)
    {
        if (deployment.GatewayUrl.Length == 0)
        {
            throw new InvalidOperationException("The distributed deployment is not running (no RabbitMQ?).");
        }

        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = !browser,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        return new HttpClient(handler) { BaseAddress = new Uri(deployment.GatewayUrl), Timeout = TimeSpan.FromSeconds(60) };
    }

    private sealed class SecurityDeployment : DistributedDeployment
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings => Settings;
    }
}

/// <summary>Marks the test classes that run against <see cref="DistributedMarketplace"/>: skipped without a broker.</summary>
public interface IDistributedMode;

[CollectionDefinition(Name)]
public sealed class InProcessCollection : ICollectionFixture<InProcessMarketplace>
{
    public const string Name = "in-process";
}

[CollectionDefinition(Name)]
public sealed class DistributedCollection : ICollectionFixture<DistributedMarketplace>
{
    public const string Name = "distributed";
}

/// <summary>
/// A fact that runs in every mode its class is derived for. In a class marked <see cref="IDistributedMode"/> it is
/// skipped when no RabbitMQ answers, unless MARKETPLACE_REQUIRE_RABBITMQ=1 (then the fixture fails).
/// </summary>
[XunitTestCaseDiscoverer("Marketplace.Security.Tests.ModeFactDiscoverer", "Security.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ModeFactAttribute : FactAttribute;

public sealed class ModeFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var distributed = typeof(IDistributedMode).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType());
        if (distributed && RabbitMq.SkipReason() is { } reason)
        {
            return [new XunitSkippedDataRowTestCase(diagnostics, display, displayOptions, testMethod, reason)];
        }

        return [new XunitTestCase(diagnostics, display, displayOptions, testMethod)];
    }
}
