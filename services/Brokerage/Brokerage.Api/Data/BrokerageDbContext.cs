using Marketplace.Brokerage.Deals;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Data;

public abstract class BrokerageDbContext(DbContextOptions options) : DbContext(options), IOutboxContext
{
    public DbSet<Deal> Deals => Set<Deal>();
    public DbSet<DealParty> DealParties => Set<DealParty>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<OutboxLease> OutboxLeases => Set<OutboxLease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxEntities();
        modelBuilder.Entity<Deal>(e =>
        {
            e.ToTable("Deals");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(10);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.ResourceTitle).HasMaxLength(200);
            e.Property(x => x.EwcCode).HasMaxLength(10);
            e.Property(x => x.BaseUnit).HasMaxLength(10);
            e.Property(x => x.YearlyAmount).HasPrecision(20, 4);
            e.HasIndex(x => x.MatchId).IsUnique();
            e.HasMany(x => x.Parties).WithOne().HasForeignKey(p => p.DealId);
        });
        modelBuilder.Entity<DealParty>(e =>
        {
            e.ToTable("DealParties");
            e.HasKey(x => new { x.DealId, x.ListingId });
            e.Property(x => x.Role).HasMaxLength(20);
            e.Property(x => x.Share).HasPrecision(9, 6);
            e.HasIndex(x => x.OrganisationId);
        });
    }
}

public sealed class SqliteBrokerageDbContext(DbContextOptions<SqliteBrokerageDbContext> options) : BrokerageDbContext(options);

public sealed class SqlServerBrokerageDbContext(DbContextOptions<SqlServerBrokerageDbContext> options) : BrokerageDbContext(options);
