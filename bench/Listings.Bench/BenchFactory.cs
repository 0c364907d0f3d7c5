using Marketplace.Standalone;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

/// <summary>
/// The standalone host in process for benchmarks: production pipeline, demo client, a fresh data directory, no edge
/// rate limit. Shared by Listings.Bench and Portal.Bench (which adds the demo data and a real port).
/// </summary>
#pragma warning disable CA1852 // not sealed: Portal.Bench links this file and derives its host from it
internal class BenchFactory(string dataDir, bool seedDemoData = false) : WebApplicationFactory<StandaloneArguments>
{
#pragma warning restore CA1852
    public string DataDir => dataDir;

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
        builder.UseSetting("Marketplace:SeedDemoData", seedDemoData ? "true" : "false");
        // The host is measured here, not the edge: the per-caller rate limit would throttle the load loop.
        builder.UseSetting("Edge:RateLimit:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1")
        {
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        }
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
}
