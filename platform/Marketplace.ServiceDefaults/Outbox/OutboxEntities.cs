using Microsoft.EntityFrameworkCore;

namespace Marketplace.ServiceDefaults.Outbox;

/// <summary>An integration event saved in the same transaction as the state change that caused it.</summary>
public sealed class OutboxMessage
{
    public long Sequence { get; set; }
    public Guid MessageId { get; set; }
    public required string AggregateId { get; set; }
    public required string MessageType { get; set; }
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A message a consumer has already handled: a redelivery of it has no second effect.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public DateTime ProcessedAt { get; set; }
}

/// <summary>Only the instance holding the lease dispatches, which keeps per-aggregate order across replicas.</summary>
public sealed class OutboxLease
{
    public required string Name { get; set; }
    public required string Owner { get; set; }
    public DateTime ExpiresAt { get; set; }
}

/// <summary>Implemented by every service DbContext that publishes or consumes integration events.</summary>
public interface IOutboxContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<InboxMessage> InboxMessages { get; }
    DbSet<OutboxLease> OutboxLeases { get; }
}

public static class OutboxModelBuilderExtensions
{
    public static ModelBuilder AddOutboxEntities(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("OutboxMessages");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedOnAdd();
            e.Property(x => x.AggregateId).HasMaxLength(100);
            e.Property(x => x.MessageType).HasMaxLength(400);
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.HasIndex(x => x.MessageId).IsUnique();
            e.HasIndex(x => new { x.SentAt, x.Sequence });
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable("InboxMessages");
            e.HasKey(x => new { x.MessageId, x.Consumer });
            e.Property(x => x.Consumer).HasMaxLength(200);
            e.HasIndex(x => x.ProcessedAt);
        });
        modelBuilder.Entity<OutboxLease>(e =>
        {
            e.ToTable("OutboxLeases");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Owner).HasMaxLength(200);
        });
        return modelBuilder;
    }
}
