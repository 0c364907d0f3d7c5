using System.Security.Claims;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.OpenApi;
using Marketplace.ServiceDefaults.Outbox;
using Marketplace.ServiceDefaults.Paging;
using Marketplace.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.ServiceDefaults.Conversations;

/// <summary>The multipart form of a message, as the OpenAPI document describes it: its text and its files.</summary>
public sealed record PostMessageForm(string? Body, IFormFileCollection? Attachments);

public sealed record MessageAttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Href);

/// <summary>A message as the caller may see it: the author by side, and by organisation only once identities are revealed.</summary>
public sealed record ConversationMessageDto(Guid Id, string AuthorRole, Guid? AuthorOrganisationId, bool Mine, string Body, DateTimeOffset CreatedAt,
    IReadOnlyList<MessageAttachmentDto> Attachments);

/// <summary>
/// The conversation on a service's records (matches, deals) under <c>{record}/messages</c>: list, post (JSON, or
/// multipart with files), download a file. Who may take part, and the event a message raises, come from the
/// service's <see cref="IConversationThreads{TContext}"/>.
/// </summary>
public static class ConversationEndpoints
{
    public static IEndpointRouteBuilder MapConversation<TContext>(this IEndpointRouteBuilder app, string recordRoute, string tag, string what, string readScope, string writeScope, string? name = null)
        where TContext : DbContext, IConversationContext, IOutboxContext
    {
        var group = app.MapGroup(recordRoute + "/messages").WithTags(tag);
        name ??= char.ToUpperInvariant(what[0]) + what[1..];
        group.MapGet("/", ConversationHandlers<TContext>.List).WithName($"List{name}Messages")
            .WithSummary($"List the conversation on a {what}")
            .WithDescription($"The messages between the {what}'s parties and the facilitator, newest first, with their files. Before a match is accepted each side appears only by its role (`authorOrganisationId` null for the other side). `{{ items, nextCursor }}`.")
            .RequireScope(readScope);
        group.MapPost("/", ConversationHandlers<TContext>.Post).WithName($"Post{name}Message")
            .WithSummary($"Post a message on a {what}")
            .WithDescription($"`multipart/form-data` with `body` and up to {ConversationRules.MaxFiles} files `attachments` (PDF, PNG, JPEG, WebP, TXT, CSV, XLSX, DOCX; {ConversationRules.MaxFileBytes / (1024 * 1024)} MB each, {ConversationRules.MaxTotalBytes / (1024 * 1024)} MB together). `201` with the message; the other side is notified.")
            .DocumentsBody<PostMessageForm>("multipart/form-data")
            .RequireScope(writeScope);
        group.MapGet("/{messageId:guid}/attachments/{attachmentId:guid}", ConversationHandlers<TContext>.Download).WithName($"Get{name}MessageAttachment")
            .WithSummary("Download a file of a message")
            .WithDescription("The file as it was sent, as an attachment (never shown inline).")
            .RequireScope(readScope);
        return app;
    }
}

/// <summary>The handlers of <see cref="ConversationEndpoints"/>, for one service's DbContext.</summary>
internal static class ConversationHandlers<TContext>
    where TContext : DbContext, IConversationContext, IOutboxContext
{
    public static async Task<Results<Ok<Page<ConversationMessageDto>>, NotFound, ValidationProblem>> List(
        Guid id, int? limit, string? cursor, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var (db, threads) = Services(http);
        if (await threads.FindAsync(id, user, cancellationToken) is not { } thread)
        {
            return TypedResults.NotFound();
        }

        if (Paging.Paging.Read(limit, cursor, out var request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var operatorViews = user.IsOperator();
        var messages = MessagesPath(http.Request.Path);
        var page = await db.ConversationMessages.AsNoTracking().Include(m => m.Attachments).Where(m => m.ThreadId == id)
            .ToPageAsync(m => m.Id, request, rows => rows.Select(m => AsDto(m, thread, operatorViews, messages)).ToList(), cancellationToken);
        return TypedResults.Ok(page);
    }

    public static async Task<Results<Created<ConversationMessageDto>, NotFound, ValidationProblem, ProblemHttpResult>> Post(
        Guid id, ClaimsPrincipal user, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var (db, threads) = Services(http);
        if (await threads.FindAsync(id, user, cancellationToken) is not { } thread)
        {
            return TypedResults.NotFound();
        }

        if (!http.Request.HasFormContentType)
        {
            return TypedResults.Problem("A message is a multipart/form-data form: a body field and up to five files named attachments.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        var (body, files, readError) = await ReadAsync(http.Request, cancellationToken);
        var errors = readError ?? ConversationRules.Validate(body, files);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var message = new ConversationMessage
        {
            Id = Guid.CreateVersion7(), ThreadId = id, AuthorOrganisationId = thread.CallerOrganisationId,
            AuthorUserId = user.FindFirstValue("client_kind") == "user" && Guid.TryParse(user.FindFirstValue("sub"), out var person) ? person : null,
            AuthorRole = thread.CallerRole, Body = body?.Trim() ?? "", CreatedAt = clock.GetUtcNow().UtcDateTime,
            Attachments = [.. files.Select(f => NewAttachment(f))],
        };
        db.ConversationMessages.Add(message);
        db.AddEvent(threads.Posted(thread, message, ConversationRules.Recipients(thread, message.AuthorOrganisationId),
            ConversationRules.Preview(message.Body, message.Attachments.Count)), id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        var dto = AsDto(message, thread, user.IsOperator(), MessagesPath(http.Request.Path));
        return TypedResults.Created($"{http.Request.Path.Value?.TrimEnd('/')}/{message.Id}", dto);
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> Download(
        Guid id, Guid messageId, Guid attachmentId, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var (db, threads) = Services(http);
        if (await threads.FindAsync(id, user, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var file = await (from a in db.ConversationAttachments.AsNoTracking()
                          join m in db.ConversationMessages.AsNoTracking() on a.MessageId equals m.Id
                          where a.Id == attachmentId && m.Id == messageId && m.ThreadId == id
                          select a).FirstOrDefaultAsync(cancellationToken);
        return file is null ? TypedResults.NotFound() : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The message's text and files from its multipart form; a form that cannot be read is a field error, never a 500.</summary>
    private static async Task<(string? Body, IReadOnlyList<IncomingFile> Files, Dictionary<string, string[]>? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var files = new List<IncomingFile>();
            foreach (var file in form.Files.Where(f => f.Name == "attachments").Take(ConversationRules.MaxFiles + 1))
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                files.Add(new IncomingFile(file.FileName, buffer.ToArray()));
            }

            return (form["body"].ToString(), files, null);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, [], new Dictionary<string, string[]> { ["body"] = ["The message could not be read: send a multipart form with body and attachments."] });
        }
    }

    /// <summary>The service's context and threads, from the request's scope (parameters of a generic type trip the route analyzer).</summary>
    private static (TContext Db, IConversationThreads<TContext> Threads) Services(HttpContext http) =>
        (http.RequestServices.GetRequiredService<TContext>(), http.RequestServices.GetRequiredService<IConversationThreads<TContext>>());

    private static ConversationAttachment NewAttachment(IncomingFile file)
    {
        var name = ConversationRules.SafeFileName(file.FileName);
        return new ConversationAttachment
        {
            Id = Guid.CreateVersion7(), FileName = name, ContentType = ConversationRules.ContentTypes[Path.GetExtension(name)],
            Size = file.Content.Length, Content = file.Content,
        };
    }

    /// <summary>The request's path up to and including <c>/messages</c>: the base of every attachment's address.</summary>
    private static string? MessagesPath(PathString path) =>
        path.Value is { } p && p.IndexOf("/messages", StringComparison.Ordinal) is var at and >= 0 ? p[..(at + "/messages".Length)] : path.Value;

    private static ConversationMessageDto AsDto(ConversationMessage m, ConversationThread thread, bool operatorViews, string? messages) =>
        new(m.Id, m.AuthorRole, ConversationRules.ShownAuthor(m, thread, operatorViews), m.AuthorOrganisationId == thread.CallerOrganisationId,
            m.Body, m.CreatedAt.AsOffset(),
            [.. m.Attachments.OrderBy(a => a.Id).Select(a => new MessageAttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, $"{messages}/{m.Id}/attachments/{a.Id}"))]);
}
