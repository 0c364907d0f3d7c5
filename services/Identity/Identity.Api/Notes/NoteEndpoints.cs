using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Notes;

/// <summary>The operator's notes on a company: <c>GET|POST /api/v1/organisations/{id}/notes</c> (operator role only).</summary>
public static class NoteEndpoints
{
    public static IEndpointRouteBuilder MapNoteEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations/{id:guid}/notes").WithTags("Organisations").RequireOperatorRole();
        group.MapGet("/", ListNotes.Handle).WithName("ListOrganisationNotes")
            .WithSummary("The operator's notes on a company")
            .WithDescription("Newest first, all in one page (`{ items, nextCursor: null }`). Operators only; never shown to the company.")
            .RequireScope(Scopes.Admin);
        group.MapPost("/", AddNote.Handle).WithName("AddOrganisationNote")
            .WithSummary("Add a note on a company")
            .WithDescription("`{ body }` (1-4000 characters) → 201 with the note, signed with the operator's name. Notes are not edited: a correction is a new note.")
            .RequireScope(Scopes.Admin);
        return app;
    }
}
