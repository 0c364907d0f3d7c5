using Marketplace.Listings.Catalogue;
using Marketplace.Listings.Organisations;
using Marketplace.Listings.Territory;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Data;

public abstract class ListingsDbContext(DbContextOptions options) : DbContext(options), IOutboxContext
{
    public DbSet<Listing> Listings => Set<Listing>();

    public DbSet<KnownOrganisation> Organisations => Set<KnownOrganisation>();

    public DbSet<ListingReveal> ListingReveals => Set<ListingReveal>();

    public DbSet<TerritoryArea> Territories => Set<TerritoryArea>();

    public DbSet<CoefficientOverride> CoefficientOverrides => Set<CoefficientOverride>();

    public DbSet<FacilityFact> FacilityFacts => Set<FacilityFact>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<OutboxLease> OutboxLeases => Set<OutboxLease>();

    /// <summary>A save that changes what the map shows retires the map's kept answers (<see cref="TerritoryAnswers"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var territorial = ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is Listing or KnownOrganisation or ListingReveal or FacilityFact or TerritoryArea or CoefficientOverride);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (territorial)
        {
            TerritoryAnswers.Changed();
        }

        return saved;
    }

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
            e.Property(x => x.ExternalRef).HasMaxLength(100);
            e.Property(x => x.ClosedReason).HasMaxLength(20);
            e.Property(x => x.Language).HasMaxLength(2);
            e.Property(x => x.AttributesJson).HasMaxLength(32000);
            e.Property(x => x.Medium).HasMaxLength(20);
            e.Property(x => x.WaterQuality).HasMaxLength(20);
            e.Property(x => x.CpaCode).HasMaxLength(12);
            e.Property(x => x.NaceCode).HasMaxLength(10);
            e.Property(x => x.PriceAmount).HasPrecision(18, 4);
            e.Property(x => x.PriceCurrency).HasMaxLength(3);
            e.Property(x => x.PricePer).HasMaxLength(10);
            e.Property(x => x.Unit).HasMaxLength(10);
            e.Property(x => x.Per).HasMaxLength(10);
            e.Property(x => x.BaseUnit).HasMaxLength(10);
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.Amount).HasPrecision(18, 4);
            e.Property(x => x.YearlyAmount).HasPrecision(20, 4);
            e.Property(x => x.Version).IsConcurrencyToken();
            // A company's listings newest first: equality on both, order by id, all from one index (SQLite, without
            // statistics, otherwise walks (Status, Id) through every other company's listings: bench/Portal.Bench).
            e.HasIndex(x => new { x.OrganisationId, x.Status, x.Id });
            // Lists are newest first within a status: this index serves them without sorting.
            e.HasIndex(x => new { x.Status, x.Id });
            e.Ignore(x => x.Attributes);
            e.HasIndex(x => x.SearchKey).IsUnique();
            e.HasIndex(x => new { x.OrganisationId, x.ExternalRef }).IsUnique();
            e.HasIndex(x => new { x.Status, x.AvailableUntil });
            e.HasIndex(x => x.EwcCode);
            e.HasIndex(x => new { x.PublicLat, x.PublicLon });
        });

        modelBuilder.Entity<KnownOrganisation>(e =>
        {
            e.ToTable("Organisations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.NaceCode).HasMaxLength(10);
            e.Property(x => x.Country).HasMaxLength(2);
            e.HasIndex(x => new { x.Lat, x.Lon });
        });

        modelBuilder.Entity<ListingReveal>(e =>
        {
            e.ToTable("ListingReveals");
            e.HasKey(x => new { x.ListingId, x.ViewerOrganisationId });
            e.HasIndex(x => x.ViewerOrganisationId);
        });

        modelBuilder.Entity<TerritoryArea>(e =>
        {
            e.ToTable("Territories");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<CoefficientOverride>(e =>
        {
            e.ToTable("CoefficientOverrides");
            e.HasKey(x => new { x.TerritoryId, x.SectorId });
            e.Property(x => x.SectorId).HasMaxLength(40);
            e.Property(x => x.Source).HasMaxLength(500);
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
        });

        modelBuilder.Entity<FacilityFact>(e =>
        {
            e.ToTable("FacilityFacts");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.OrganisationId, x.Key }).IsUnique();
            e.Property(x => x.Key).HasMaxLength(120);
            e.Property(x => x.FacilityName).HasMaxLength(200);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.ResourceClass).HasMaxLength(20);
            e.Property(x => x.EwcCode).HasMaxLength(10);
            e.Property(x => x.Unit).HasMaxLength(10);
            e.Property(x => x.Source).HasMaxLength(300);
        });
    }
}

public sealed class SqliteListingsDbContext(DbContextOptions<SqliteListingsDbContext> options) : ListingsDbContext(options);

public sealed class SqlServerListingsDbContext(DbContextOptions<SqlServerListingsDbContext> options) : ListingsDbContext(options);
