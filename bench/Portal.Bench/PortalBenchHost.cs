using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;

namespace Marketplace.Portal.Bench;

/// <summary>The benchmark host with the demo data on a real port (the portal signs in against itself over HTTP).</summary>
internal sealed class PortalBenchHost() : BenchFactory(Path.Combine(Path.GetTempPath(), "portal-bench-" + Guid.NewGuid().ToString("N")), seedDemoData: true)
{
    private readonly int port = FreePort();

    public string BaseUrl => $"http://127.0.0.1:{port}";

    public async Task StartAsync()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        StartServer();
        var marker = Path.Combine(DataDir, "demo-seeded");
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
        base.ConfigureWebHost(builder);
        builder.UseSetting("urls", BaseUrl);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
