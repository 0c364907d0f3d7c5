using Microsoft.EntityFrameworkCore;

namespace Marketplace.ServiceDefaults.Conversations;

/// <summary>One message in the conversation on a match or a deal (the thread), by one organisation's person or API client.</summary>
public sealed class ConversationMessage
{
    public Guid Id { get; set; }
    /// <summary>The match or deal the conversation is about.</summary>
    public Guid ThreadId { get; set; }
    public Guid AuthorOrganisationId { get; set; }
    /// <summary>The person who wrote it (their <c>sub</c>), or null for an API client.</summary>
    public Guid? AuthorUserId { get; set; }
    /// <summary>The author's side when it was written: <c>supplier</c>, <c>receiver</c> or <c>facilitator</c>.</summary>
    public required string AuthorRole { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ConversationAttachment> Attachments { get; set; } = [];
}

/// <summary>A file sent with a message (a specification sheet, a lab analysis, a photo), kept with it in the service's database.</summary>
public sealed class ConversationAttachment
{
    public Guid Id { get; set; }
    public Guid MessageId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>Implemented by the DbContext of a service that keeps conversations on its records.</summary>
public interface IConversationContext
{
    DbSet<ConversationMessage> ConversationMessages { get; }
    DbSet<ConversationAttachment> ConversationAttachments { get; }
}

public static class ConversationModelBuilderExtensions
{
    public static ModelBuilder AddConversationEntities(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ConversationMessage>(e =>
        {
            e.ToTable("ConversationMessages");
            e.HasKey(x => x.Id);
            e.Property(x => x.AuthorRole).HasMaxLength(20);
            e.Property(x => x.Body).HasMaxLength(ConversationRules.MaxBodyLength);
            e.HasIndex(x => new { x.ThreadId, x.Id });
            e.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ConversationAttachment>(e =>
        {
            e.ToTable("ConversationAttachments");
            e.HasKey(x => x.Id);
            e.Property(x => x.FileName).HasMaxLength(ConversationRules.MaxFileNameLength);
            e.Property(x => x.ContentType).HasMaxLength(100);
        });
        return modelBuilder;
    }
}
