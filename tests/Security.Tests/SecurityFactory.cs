using Marketplace.Standalone;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Security.Tests;

/// <summary>The standalone host in process with a fresh SQLite data directory and <see cref="MarketplaceUnderTest.Settings"/>.</summary>
public sealed class SecurityFactory : WebApplicationFactory<StandaloneArguments>
{
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "marketplace-security-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Marketplace:DataDir", DataDir);
        foreach (var (key, value) in MarketplaceUnderTest.Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // the index may still hold a file briefly; the temp folder is cleaned by the OS
        }
    }
}
