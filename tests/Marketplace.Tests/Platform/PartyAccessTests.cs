using System.Security.Claims;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Platform;

/// <summary>
/// The "load, check party, 404" preamble every handler of a deal, contract, invoice or match uses: the record for its
/// parties and the operator, nothing (a 404) for anyone else, as for a record that does not exist.
/// </summary>
public sealed class PartyAccessTests
{
    private static readonly Guid Party = Guid.CreateVersion7();
    private static readonly Guid Stranger = Guid.CreateVersion7();

    [Fact]
    public async Task A_party_and_the_operator_find_the_record()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await using var db = await RecordsAsync(connection);
        var id = await db.Shared.Select(r => r.Id).SingleAsync();
        Assert.Equal(id, (await db.Shared.AsNoTracking().FindVisibleAsync(id, Caller(Party), CancellationToken.None))?.Id);
        Assert.NotNull(await db.Shared.AsNoTracking().FindVisibleAsync(id, Caller(Stranger, Roles.Operator), CancellationToken.None));
    }

    [Fact]
    public async Task A_stranger_finds_nothing_as_for_a_record_that_does_not_exist()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await using var db = await RecordsAsync(connection);
        var id = await db.Shared.Select(r => r.Id).SingleAsync();
        Assert.Null(await db.Shared.FindVisibleAsync(id, Caller(Stranger), CancellationToken.None));
        Assert.Null(await db.Shared.FindVisibleAsync(id, Caller(null), CancellationToken.None));
        Assert.Null(await db.Shared.FindVisibleAsync(Guid.CreateVersion7(), Caller(Party), CancellationToken.None));
    }

    [Fact]
    public async Task A_tracked_query_gives_a_record_whose_changes_are_saved()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await using var db = await RecordsAsync(connection);
        var id = await db.Shared.Select(r => r.Id).SingleAsync();
        var record = await db.Shared.FindVisibleAsync(id, Caller(Party), CancellationToken.None);
        Assert.Equal(EntityState.Unchanged, db.Entry(record!).State);
    }

    private static async Task<Records> RecordsAsync(SqliteConnection connection)
    {
        await connection.OpenAsync();
        var db = new Records(new DbContextOptionsBuilder<Records>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync();
        db.Shared.Add(new SharedRecord { Id = Guid.CreateVersion7(), Owner = Party });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return db;
    }

    private static ClaimsPrincipal Caller(Guid? organisation, string? role = null)
    {
        var claims = new List<Claim>();
        if (organisation is { } org)
        {
            claims.Add(new Claim(MarketplaceClaims.OrganisationId, org.ToString()));
        }

        if (role is not null)
        {
            claims.Add(new Claim(MarketplaceClaims.Role, role));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private sealed class SharedRecord : IPartyRecord
    {
        public Guid Id { get; set; }
        public Guid Owner { get; set; }

        public bool IsParty(Guid organisationId) => organisationId == Owner;
    }

    private sealed class Records(DbContextOptions<Records> options) : DbContext(options)
    {
        public DbSet<SharedRecord> Shared => Set<SharedRecord>();
    }
}
