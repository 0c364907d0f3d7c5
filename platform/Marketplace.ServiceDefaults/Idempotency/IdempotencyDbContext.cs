using Microsoft.EntityFrameworkCore;
using Marketplace.ServiceDefaults.Persistence;

namespace Marketplace.ServiceDefaults.Idempotency;

/// <summary>The first answer to a POST with an <c>Idempotency-Key</c>, kept for 24 hours.</summary>
public sealed class IdempotencyRecord
{
    /// <summary>SHA-256 of caller and key: a key is private to the caller that chose it.</summary>
    public required string Key { get; set; }
    /// <summary>SHA-256 of method, path, query and body: the same key with another request is refused.</summary>
    public required string RequestHash { get; set; }
    public bool Completed { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[]? Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}

public abstract class IdempotencyDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("IdempotencyRecords");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(64);
            e.Property(x => x.RequestHash).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(200);
            e.Property(x => x.Location).HasMaxLength(2000);
            e.Property(x => x.ETag).HasMaxLength(200);
            e.HasIndex(x => x.ExpiresAt);
        });
    }
}

public sealed class SqliteIdempotencyDbContext(DbContextOptions<SqliteIdempotencyDbContext> options) : IdempotencyDbContext(options);

public sealed class SqlServerIdempotencyDbContext(DbContextOptions<SqlServerIdempotencyDbContext> options) : IdempotencyDbContext(options);

internal sealed class SqliteIdempotencyDesignTimeFactory()
    : DesignTimeFactory<SqliteIdempotencyDbContext>(DatabaseProviders.Sqlite, "idempotency", o => new(o));

internal sealed class SqlServerIdempotencyDesignTimeFactory()
    : DesignTimeFactory<SqlServerIdempotencyDbContext>(DatabaseProviders.SqlServer, "idempotency", o => new(o));
