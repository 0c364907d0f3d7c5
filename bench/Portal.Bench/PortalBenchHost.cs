using System.Net;
using System.Net.Sockets;
using Marketplace.Standalone;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Portal.Bench;

/// <summary>The standalone host with the demo data on a real port (the portal signs in against itself over HTTP).</summary>
internal sealed class PortalBenchHost : WebApplicationFactory<StandaloneArguments>
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "portal-bench-" + Guid.NewGuid().ToString("N"));
    private readonly int port = FreePort();

    public string BaseUrl => $"http://127.0.0.1:{port}";

    public async Task StartAsync()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        StartServer();
        var marker = Path.Combine(dataDir, "demo-seeded");
        for (var waited = 0; !File.Exists(marker); waited++)
        {
            if (waited > 600)
            {
                throw new TimeoutException("The demo data were not seeded within 5 minutes.");
            }

            await Task.Delay(500);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Marketplace.sln")))
        {
            root = root.Parent;
        }

        builder.UseContentRoot(Path.Combine(root?.FullName ?? ".", "standalone", "Marketplace.Standalone"));
        builder.UseEnvironment("Production");
        builder.UseSetting("Marketplace:DataDir", dataDir);
        builder.UseSetting("Marketplace:Demo", "true");
        builder.UseSetting("Marketplace:SeedDemoData", "true");
        builder.UseSetting("urls", BaseUrl);
        // One user's pages are measured, not the edge: the per-caller rate limit would throttle the loop.
        builder.UseSetting("Edge:RateLimit:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // the temp folder is cleaned by the OS
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
