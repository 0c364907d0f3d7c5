using Marketplace.ServiceDefaults.Paging;
using Marketplace.ServiceDefaults.Persistence;

namespace Marketplace.Identity.Notes;

/// <summary>GET /api/v1/organisations/{id}/notes (operator): the notes on a company, newest first.</summary>
public static class ListNotes
{
    public static async Task<Results<Ok<Page<NoteDto>>, NotFound>> Handle(Guid id, IdentityDataContext db, CancellationToken cancellationToken)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var notes = await db.OrganisationNotes.AsNoTracking().Where(n => n.OrganisationId == id).OrderByDescending(n => n.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<NoteDto>([.. notes.Select(Dto)], null));
    }

    internal static NoteDto Dto(OrganisationNote n) => new(n.Id, n.OrganisationId, n.AuthorName, n.Body, n.CreatedAt.AsOffset());
}
