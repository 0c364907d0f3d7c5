using Marketplace.Portal.Api;
using Marketplace.Portal.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Portal.Conversations;

/// <summary>What the message form did, for the page it redirects to: sent, or the API's refusal with the text kept.</summary>
public sealed record ConversationOutcome(bool Sent, string Body, ApiProblem? Problem);

/// <summary>
/// Posting a message with its files from a plain multipart form (post, redirect, get), and handing a message's file to
/// the browser from the API with the user's token, always as a download.
/// </summary>
internal static class ConversationActions
{
    /// <summary>The two kinds of thread: the page's path segment is the API's.</summary>
    public static readonly string[] Kinds = ["matches", "deals"];

    public static OwnedNotes<ConversationOutcome> NoteStore() => new(TimeSpan.FromMinutes(10), 10_000, _ => 1);

    public static string Page(string kind, Guid id) => $"/{kind}/{id}/conversation";

    public static IEndpointRouteBuilder MapConversationActions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/conversations/{kind}/{id:guid}").RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        group.MapPost("/post", PostAsync);
        group.MapGet("/files/{messageId:guid}/{attachmentId:guid}", DownloadAsync);
        return app;
    }

    private static async Task<IResult> PostAsync(string kind, Guid id, HttpContext http, IAntiforgery antiforgery, ConversationsApi api,
        OwnedNotes<ConversationOutcome> notes, CancellationToken cancellationToken)
    {
        if (!Kinds.Contains(kind))
        {
            return TypedResults.NotFound();
        }

        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is not { } form)
        {
            return TypedResults.Redirect(Page(kind, id));
        }

        var body = form["body"].ToString();
        var files = new List<(string, byte[])>();
        foreach (var file in form.Files.Where(f => f.Name == "attachments" && f.Length > 0))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            files.Add((file.FileName, buffer.ToArray()));
        }

        var key = form["idempotencyKey"].ToString() is { Length: > 0 and <= 100 } k ? k : Guid.NewGuid().ToString();
        var problem = await api.PostAsync(kind, id, body, files, "portal-message-" + key, cancellationToken);
        var note = notes.Add(http.User, new ConversationOutcome(problem is null, problem is null ? "" : body, problem));
        return TypedResults.Redirect($"{Page(kind, id)}?note={note}#{(problem is null ? "latest" : "write")}");
    }

    private static async Task<IResult> DownloadAsync(string kind, Guid id, Guid messageId, Guid attachmentId, ConversationsApi api, CancellationToken cancellationToken) =>
        Kinds.Contains(kind) && await api.DownloadAsync(kind, id, messageId, attachmentId, cancellationToken) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : TypedResults.NotFound();
}
