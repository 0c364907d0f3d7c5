using Marketplace.Listings.Listings;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Data;

public abstract class ListingsDbContext(DbContextOptions options) : DbContext(options), IOutboxContext
{
    public DbSet<Listing> Listings => Set<Listing>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<OutboxLease> OutboxLeases => Set<OutboxLease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxEntities();
        modelBuilder.Entity<Listing>(e =>
        {
            e.ToTable("Listings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(10);
            e.Property(x => x.ResourceClass).HasMaxLength(20);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.Title).HasMaxLength(Listing.MaxTitle);
            e.Property(x => x.Description).HasMaxLength(Listing.MaxDescription);
            e.Property(x => x.EwcCode).HasMaxLength(10);
            e.Property(x => x.Unit).HasMaxLength(10);
            e.Property(x => x.Per).HasMaxLength(10);
            e.Property(x => x.BaseUnit).HasMaxLength(10);
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.Amount).HasPrecision(18, 4);
            e.Property(x => x.YearlyAmount).HasPrecision(20, 4);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.OrganisationId, x.Status });
            e.HasIndex(x => new { x.Status, x.Kind });
        });
    }
}

public sealed class SqliteListingsDbContext(DbContextOptions<SqliteListingsDbContext> options) : ListingsDbContext(options);

public sealed class SqlServerListingsDbContext(DbContextOptions<SqlServerListingsDbContext> options) : ListingsDbContext(options);
