using Marketplace.Brokerage.Data;
using Marketplace.Listings.Data;
using Marketplace.Matching.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Api;

/// <summary>
/// EF Core 10's SQL Server provider over Microsoft.Data.SqlClient 7 (pinned above EF's 6.1 floor so that the Azure and
/// MSAL packages stay out): without a server, every SQL Server migration set still renders its script (the type
/// mappings are SqlClient's), and a server that is not there is reported as unreachable rather than as a missing
/// type or method. <see cref="SqlServerTests"/> covers a real server where one is available.
/// </summary>
public sealed class SqlClientTests
{
    [Fact]
    public async Task The_sql_server_provider_renders_every_migration_script_and_reports_an_absent_server()
    {
        var server = $"Server=127.0.0.1,{Repo.FreePort()};Database=marketplace_probe;User Id=sa;Password=x;Encrypt=false;Connect Timeout=2";
        DbContext[] contexts =
        [
            new SqlServerListingsDbContext(new DbContextOptionsBuilder<SqlServerListingsDbContext>().UseSqlServer(server).Options),
            new SqlServerMatchingDbContext(new DbContextOptionsBuilder<SqlServerMatchingDbContext>().UseSqlServer(server).Options),
            new SqlServerBrokerageDbContext(new DbContextOptionsBuilder<SqlServerBrokerageDbContext>().UseSqlServer(server).Options),
        ];
        foreach (var context in contexts)
        {
            await using (context)
            {
                var script = context.GetInfrastructure().GetRequiredService<IMigrator>().GenerateScript();
                Assert.Contains("CREATE TABLE", script, StringComparison.Ordinal);
                Assert.False(await context.Database.CanConnectAsync(), $"{context.GetType().Name} connected to a closed port");
            }
        }
    }
}
