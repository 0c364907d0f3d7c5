using Marketplace.Matching.Matches;
using Marketplace.ServiceDefaults.Conversations;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Data;

public abstract class MatchingDbContext(DbContextOptions options) : DbContext(options), IOutboxContext, IConversationContext
{
    public DbSet<KnownListing> Listings => Set<KnownListing>();
    public DbSet<Match> Matches => Set<Match>();
    public DbSet<MatchMember> MatchMembers => Set<MatchMember>();
    public DbSet<KnownOrganisation> Organisations => Set<KnownOrganisation>();
    public DbSet<PatternWeight> PatternWeights => Set<PatternWeight>();
    public DbSet<TermWeight> TermWeights => Set<TermWeight>();
    public DbSet<ConversationMessage> ConversationMessages => Set<ConversationMessage>();
    public DbSet<ConversationAttachment> ConversationAttachments => Set<ConversationAttachment>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<OutboxLease> OutboxLeases => Set<OutboxLease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxEntities();
        modelBuilder.AddConversationEntities();
        modelBuilder.Entity<KnownListing>(e =>
        {
            e.ToTable("Listings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(10);
            e.Property(x => x.Status).HasMaxLength(20);
            e.HasIndex(x => x.OrganisationId);
        });
        modelBuilder.Entity<KnownOrganisation>(e =>
        {
            e.ToTable("Organisations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.NaceCode).HasMaxLength(10);
            e.Property(x => x.Country).HasMaxLength(2);
        });
        modelBuilder.Entity<PatternWeight>(e =>
        {
            e.ToTable("PatternWeights");
            e.HasKey(x => x.PatternId);
            e.Property(x => x.PatternId).HasMaxLength(100);
        });
        modelBuilder.Entity<TermWeight>(e =>
        {
            e.ToTable("TermWeights");
            e.HasKey(x => x.Term);
            e.Property(x => x.Term).HasMaxLength(100);
        });
        modelBuilder.Entity<Match>(e =>
        {
            e.ToTable("Matches");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(10);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.OfferInterest).HasMaxLength(20);
            e.Property(x => x.WantInterest).HasMaxLength(20);
            e.Property(x => x.DeclineReason).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.TransportMode).HasMaxLength(10);
            e.HasIndex(x => new { x.OfferListingId, x.WantListingId, x.Kind }).IsUnique();
            e.HasIndex(x => new { x.WantListingId, x.Status });
            e.HasIndex(x => new { x.Status, x.UpdatedAt });
            e.HasIndex(x => x.Sequence);
        });
        modelBuilder.Entity<MatchMember>(e =>
        {
            e.ToTable("MatchMembers");
            e.HasKey(x => new { x.MatchId, x.ListingId });
            e.HasIndex(x => x.ListingId);
            e.HasOne<Match>().WithMany().HasForeignKey(x => x.MatchId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

public sealed class SqliteMatchingDbContext(DbContextOptions<SqliteMatchingDbContext> options) : MatchingDbContext(options);

public sealed class SqlServerMatchingDbContext(DbContextOptions<SqlServerMatchingDbContext> options) : MatchingDbContext(options);
