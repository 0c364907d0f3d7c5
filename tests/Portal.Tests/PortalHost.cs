using System.Net;

namespace Marketplace.Portal.Tests;

/// <summary>One host for every browser test class (starting one costs seconds).</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalHost>
{
    public const string Name = "portal";
}

/// <summary>
/// The standalone host on a real port (Kestrel, not the test server) with the demo companies and listings, so a real
/// browser can sign in. The portal's client gets its redirect addresses from the host's own URL (the default path).
/// </summary>
public sealed class PortalHost : StandaloneFactory, IAsyncLifetime
{
    private static readonly int Port = Repo.FreePort();

    public PortalHost()
        : base("portal-tests")
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
    }

    public string BaseUrl { get; } = $"http://127.0.0.1:{Port}";

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Marketplace:SeedDemoData", "true"),
        new("urls", $"http://127.0.0.1:{Port}"),
        // Longer than the access token lives: every portal request refreshes the session's tokens, so every test uses that path.
        new("Portal:RefreshBefore", "02:00:00"),
        // ...so every page is a token request from 127.0.0.1: the token endpoint's 60 a minute per address (against secret
        // guessing, tested in Security.Tests) would make a busy run wait out 429s (a send stalled 30 s in CI).
        new("Edge:RateLimit:TokenEndpointPermitsPerMinute", "6000"),
    ];

    public async Task InitializeAsync()
    {
        StartServer();
        // The demo seeder runs once the server has started and leaves a marker when every demo listing is posted.
        await Poll.Eventually(() => Task.FromResult(File.Exists(Path.Combine(DataDir, "demo-seeded")) ? "" : null));
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
