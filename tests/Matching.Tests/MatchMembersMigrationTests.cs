using Marketplace.Matching.Data;
using Marketplace.Matching.Matches;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Matching.Tests;

/// <summary>
/// Bundles stored before the MatchMembers table existed keep being found from each member listing: the migration
/// fills the table from every bundle's MembersJson, and the query by listing then finds the bundle through it.
/// </summary>
public sealed class MatchMembersMigrationTests
{
    [Fact]
    public async Task A_bundle_stored_before_the_migration_is_found_from_each_member_after_it()
    {
        var file = Path.Combine(Path.GetTempPath(), $"matching-migration-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteMatchingDbContext>().UseSqlite($"Data Source={file};Pooling=false").Options;
            var (bundle, pair, lead, second, third, stranger) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
            await using (var db = new SqliteMatchingDbContext(options))
            {
                var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
                var migrations = db.Database.GetMigrations().ToList();
                var before = migrations[migrations.FindIndex(m => m.EndsWith("_MatchMembers", StringComparison.Ordinal)) - 1];
                await migrator.MigrateAsync(before);
                var members = $$"""[{"listingId":"{{lead}}","share":0.5},{"listingId":"{{second}}","share":0.3},{"listingId":"{{third}}","share":0.2}]""";
                await InsertMatchAsync(db, bundle, "bundle", lead, Guid.NewGuid(), members, 1);
                await InsertMatchAsync(db, pair, "pair", stranger, Guid.NewGuid(), null, 2);
                await db.Database.MigrateAsync();
            }

            await using (var db = new SqliteMatchingDbContext(options))
            {
                Assert.Equal(3, await db.MatchMembers.CountAsync(x => x.MatchId == bundle));
                foreach (var member in new[] { lead, second, third })
                {
                    Assert.Equal([bundle], await db.Matches.Involving(db, member).Select(m => m.Id).ToListAsync());
                }

                Assert.Equal([pair], await db.Matches.Involving(db, stranger).Select(m => m.Id).ToListAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static Task<int> InsertMatchAsync(MatchingDbContext db, Guid id, string kind, Guid offer, Guid want, string? members, long sequence) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO Matches (Id, Sequence, Kind, OfferListingId, WantListingId, OfferOrganisationId, WantOrganisationId, Score, ReasonsJson,
                PatternIdsJson, TermsJson, MembersJson, Status, OfferInterest, WantInterest, Version, CreatedAt, UpdatedAt)
            VALUES ({id}, {sequence}, {kind}, {offer}, {want}, {Guid.NewGuid()}, {Guid.NewGuid()}, 0.8, '[]', '[]', '[]', {members},
                'suggested', 'suggested', 'suggested', 1, '2026-12-01 00:00:00', '2026-12-01 00:00:00')
            """);
}
