using Marketplace.Identity.Notifications;
using Marketplace.Identity.Organisations;
using Marketplace.Identity.Webhooks;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Marketplace.Identity.Data;

public sealed class MarketplaceUser : IdentityUser<Guid>
{
    public Guid OrganisationId { get; set; }
    public string? DisplayName { get; set; }
}

public abstract class IdentityDataContext(DbContextOptions options)
    : IdentityDbContext<MarketplaceUser, IdentityRole<Guid>, Guid>(options), IOutboxContext, IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();
    public DbSet<Notes.OrganisationNote> OrganisationNotes => Set<Notes.OrganisationNote>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<OutboxLease> OutboxLeases => Set<OutboxLease>();

    /// <summary>The ASP.NET Core Data Protection key ring in distributed mode, shared by every identity replica.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.AddOutboxEntities();
        builder.AddNotificationEntities();
        Notes.NoteModel.AddNoteEntities(builder);
        builder.Entity<Organisation>(e =>
        {
            e.ToTable("Organisations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.NaceCode).HasMaxLength(10);
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.VatId).HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Name);
            e.HasMany(x => x.Sites).WithOne().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Site>(e =>
        {
            e.ToTable("Sites");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.Country).HasMaxLength(2);
        });
        builder.Entity<Invitation>(e =>
        {
            e.ToTable("Invitations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.Role).HasMaxLength(30);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => x.OrganisationId);
        });
        builder.Entity<Membership>(e =>
        {
            e.ToTable("Memberships");
            e.HasKey(x => new { x.UserId, x.OrganisationId });
            e.Property(x => x.Role).HasMaxLength(30);
        });
    }
}

public sealed class SqliteIdentityDataContext(DbContextOptions<SqliteIdentityDataContext> options) : IdentityDataContext(options);

public sealed class SqlServerIdentityDataContext(DbContextOptions<SqlServerIdentityDataContext> options) : IdentityDataContext(options);
