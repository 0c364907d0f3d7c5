namespace Marketplace.Identity.Notes;

/// <summary>POST /api/v1/organisations/{id}/notes (operator): a note on a company, signed with the operator's name.</summary>
public static class AddNote
{
    public static async Task<Results<Created<NoteDto>, NotFound>> Handle(
        Guid id, NoteRequest request, ClaimsPrincipal user, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var note = new OrganisationNote
        {
            Id = Guid.CreateVersion7(), OrganisationId = id, Body = request.Body.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
            AuthorUserId = Guid.TryParse(user.FindFirst("sub")?.Value, out var author) ? author : null,
            AuthorName = user.Identity?.Name ?? user.FindFirst("client_id")?.Value ?? "operator",
        };
        db.OrganisationNotes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/organisations/{id}/notes/{note.Id}", ListNotes.Dto(note));
    }
}
