using Marketplace.Standalone;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Tests.Api;

public sealed class DemoSecretTests : IDisposable
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "demo-secret-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Outside_demo_mode_the_host_refuses_to_start_while_the_demo_client_keeps_its_known_secret()
    {
        // A demo run creates the demo client with its published secret...
        await using (var demo = new Factory(dataDir, demo: true, certificate: null))
        {
            using var client = await demo.OperatorClientAsync();
        }

        // ...and a production run on the same data refuses to start until that secret is gone.
        var certificate = CreateCertificate();
        await using var production = new Factory(dataDir, demo: false, certificate);
        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());
        Assert.Contains("demo-operator", Flatten(error));
    }

    [Fact]
    public void Outside_demo_mode_the_host_refuses_to_start_without_a_signing_certificate()
    {
        using var production = new Factory(dataDir, demo: false, certificate: null);
        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());
        Assert.Contains("SigningCertificatePath", Flatten(error));
    }

    private static string Flatten(Exception error) => string.Join(" | ", Unwrap(error).Select(e => e.Message));

    private static IEnumerable<Exception> Unwrap(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private string CreateCertificate() => TestCertificate.CreatePfx(dataDir);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private sealed class Factory(string dataDir, bool demo, string? certificate) : WebApplicationFactory<StandaloneArguments>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Marketplace:DataDir", dataDir);
            builder.UseSetting("Marketplace:Demo", demo ? "true" : "false");
            builder.UseSetting("Marketplace:SeedDemoData", "false");
            if (certificate is not null)
            {
                builder.UseSetting("Identity:SigningCertificatePath", certificate);
                builder.UseSetting("Identity:SigningCertificatePassword", "test");
            }
        }

        public async Task<HttpClient> OperatorClientAsync()
        {
            var client = CreateClient();
            using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "demo-operator",
                ["client_secret"] = "demo-operator-secret",
            }));
            response.EnsureSuccessStatusCode();
            return client;
        }
    }
}
