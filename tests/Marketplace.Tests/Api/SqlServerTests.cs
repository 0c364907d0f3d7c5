using System.Net;
using System.Net.Http.Json;
using Marketplace.Standalone;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

namespace Marketplace.Tests.Api;

/// <summary>
/// Runs where a SQL Server is reachable: the one named by MARKETPLACE_SQLSERVER (a connection string without a
/// database), or one started by Testcontainers where a Docker engine answers. Otherwise skipped, saying so.
/// </summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public SqlServerFactAttribute()
    {
        if (SqlServerTests.ConfiguredServer is null && !SqlServerTests.DockerAvailable)
        {
            Skip = "Skipped: SQL Server path not exercised. Set MARKETPLACE_SQLSERVER to a connection string (without a database), or run where a Docker engine is available.";
        }
    }
}

public sealed class SqlServerTests
{
    public static readonly string? ConfiguredServer = Environment.GetEnvironmentVariable("MARKETPLACE_SQLSERVER");
    public static readonly bool DockerAvailable = File.Exists("/var/run/docker.sock") || Environment.GetEnvironmentVariable("DOCKER_HOST") is not null;

    [SqlServerFact]
    public async Task Every_service_migrates_and_serves_the_slice_on_sql_server()
    {
        MsSqlContainer? container = null;
        var server = ConfiguredServer;
        if (server is null)
        {
            container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04").Build();
            await container.StartAsync();
            server = new SqlConnectionStringBuilder(container.GetConnectionString()) { InitialCatalog = "" }.ConnectionString;
        }

        var suffix = Guid.NewGuid().ToString("N")[..8];
        var databases = new[] { "identity", "listings", "matching", "brokerage" }.ToDictionary(s => s, s => $"marketplace_{s}_{suffix}");
        try
        {
            await using var factory = new SqlServerFactory(server, databases);
            using var client = factory.CreateClient();
            var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

            using var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "demo-operator", ["client_secret"] = "demo-operator-secret",
            }));
            token.EnsureSuccessStatusCode();
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.ReadJsonAsync()).GetProperty("access_token").GetString());

            var supplier = await SliceTests.RegisterAsync(client, "SQL Ash", "35.11");
            var receiver = await SliceTests.RegisterAsync(client, "SQL Cement", "23.51");
            var offer = await SliceTests.CreateListingAsync(client, supplier, "offer", "Dry fly ash", "Pulverised fuel ash.");
            var want = await SliceTests.CreateListingAsync(client, receiver, "want", "Fly ash for cement", "Pozzolan, fly ash.");
            await Eventually(async () =>
            {
                using var response = await client.GetAsync($"/api/v1/listings/{want}/matches");
                return response.IsSuccessStatusCode && (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()
                    .Any(i => i.GetProperty("listingId").GetGuid() == offer) ? "" : null;
            });
        }
        finally
        {
            SqlConnection.ClearAllPools();
            await using (var connection = new SqlConnection(server))
            {
                await connection.OpenAsync();
                foreach (var database in databases.Values)
                {
                    await using var drop = connection.CreateCommand();
                    drop.CommandText = $"IF DB_ID('{database}') IS NOT NULL BEGIN ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{database}]; END";
                    await drop.ExecuteNonQueryAsync();
                }
            }

            if (container is not null)
            {
                await container.DisposeAsync();
            }
        }
    }

    private sealed class SqlServerFactory(string server, Dictionary<string, string> databases) : WebApplicationFactory<StandaloneArguments>
    {
        private readonly string dataDir = Path.Combine(Path.GetTempPath(), "sqlserver-tests-" + Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Marketplace:DataDir", dataDir);
            builder.UseSetting("Marketplace:Demo", "true");
            builder.UseSetting("Marketplace:SeedDemoData", "false");
            builder.UseSetting("Database:Provider", "SqlServer");
            foreach (var (service, database) in databases)
            {
                builder.UseSetting($"ConnectionStrings:{service}", new SqlConnectionStringBuilder(server) { InitialCatalog = database, TrustServerCertificate = true }.ConnectionString);
            }
        }
    }
}
