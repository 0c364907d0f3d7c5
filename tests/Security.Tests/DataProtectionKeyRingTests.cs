using Marketplace.Identity;
using Marketplace.Identity.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Security.Tests;

/// <summary>
/// Identity as Kubernetes runs it: distributed mode, several replicas on one database, each with its own scratch
/// data directory (an emptyDir, lost on restart). Whatever one replica protects (session cookie, antiforgery token,
/// invitation link, webhook secret) another replica, and a restarted one, must read.
/// </summary>
public sealed class DataProtectionKeyRingTests : IDisposable
{
    private const string Purpose = "Marketplace.Security.Tests.KeyRing";
    private readonly string root = Path.Combine(Path.GetTempPath(), $"identity-keyring-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_value_protected_by_one_identity_replica_is_read_by_another_and_by_a_restarted_one()
    {
        string payload;
        await using (var first = await ReplicaAsync("pod-a"))
        {
            payload = Protector(first).Protect("session of user 42");
            await using var second = await ReplicaAsync("pod-b");
            Assert.Equal("session of user 42", Protector(second).Unprotect(payload));
        }

        await using var restarted = await ReplicaAsync("pod-a-restarted");
        Assert.Equal("session of user 42", Protector(restarted).Unprotect(payload));
    }

    private static IDataProtector Protector(WebApplication replica) =>
        replica.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    /// <summary>An identity host composed as Identity.Api composes it (not started: no listener, no broker needed).</summary>
    private async Task<WebApplication> ReplicaAsync(string pod)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Marketplace:Mode"] = "distributed",
            ["Marketplace:Demo"] = "true",
            ["Marketplace:DataDir"] = Path.Combine(root, pod),
            ["ConnectionStrings:identity"] = $"Data Source={Path.Combine(root, "identity.db")}",
        });
        builder.AddIdentityService();
        var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentityDataContext>().Database.MigrateAsync();
        return app;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // a pooled connection may still hold the file briefly; the temp folder is cleaned by the OS
        }
    }
}
