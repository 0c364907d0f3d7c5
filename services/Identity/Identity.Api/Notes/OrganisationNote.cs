using System.ComponentModel.DataAnnotations;

namespace Marketplace.Identity.Notes;

/// <summary>
/// The facilitator's note on a company (a call, a visit, what they said they would send): the operator's CRM record,
/// never shown to the company. Append-only: a correction is a new note.
/// </summary>
public sealed class OrganisationNote
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid? AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public sealed record NoteRequest([property: Required, StringLength(4000, MinimumLength = 1)] string Body);

public sealed record NoteDto(Guid Id, Guid OrganisationId, string AuthorName, string Body, DateTimeOffset CreatedAt);

internal static class NoteModel
{
    public static void AddNoteEntities(this ModelBuilder builder) =>
        builder.Entity<OrganisationNote>(e =>
        {
            e.ToTable("OrganisationNotes");
            e.HasKey(x => x.Id);
            e.Property(x => x.AuthorName).HasMaxLength(200);
            e.Property(x => x.Body).HasMaxLength(4000);
            e.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
            e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });
}
