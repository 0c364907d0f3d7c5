using Marketplace.Portal.Api;
using Marketplace.Portal.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Portal.Listings;

/// <summary>
/// The CSV import from the browser in two steps, post-redirect-get: upload → the API's dry run is shown as a preview;
/// commit → the same bytes are imported, with the upload's token as Idempotency-Key (a double click or a retry imports
/// once). Plus the template, fetched with the user's token.
/// </summary>
internal static class ListingImportActions
{
    public const string Page = "/listings/import";

    /// <summary>What the page accepts (the API's own limit is 20 MB; a larger upload is refused here, before it travels on).</summary>
    public const long MaxUploadBytes = 20L * 1024 * 1024;

    public static IEndpointRouteBuilder MapListingImportActions(this IEndpointRouteBuilder app)
    {
        app.MapPost(Page + "/preview", PreviewAsync).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost(Page + "/commit", CommitAsync).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        app.MapGet(Page + "/template", TemplateAsync).RequireAuthorization(PortalAuthentication.Policy).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> PreviewAsync(HttpContext http, IAntiforgery antiforgery, ListingImportApi api, OwnedNotes<ImportSession> sessions, CancellationToken cancellationToken)
    {
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is not { } form)
        {
            return TypedResults.Redirect(Page);
        }

        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return TypedResults.Redirect(Page + "?missing=1");
        }

        if (file.Length > MaxUploadBytes)
        {
            return TypedResults.Redirect(Page + "?tooLarge=1");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var (separator, encoding) = (Choice(form["separator"], "comma", "semicolon", "tab"), Choice(form["encoding"], "windows-1252"));
        var csv = buffer.ToArray();
        var (report, problem) = await api.ImportAsync(csv, separator, encoding, dryRun: true, Guid.NewGuid().ToString(), cancellationToken);
        var token = sessions.Add(http.User, new ImportSession(Path.GetFileName(file.FileName), csv, separator, encoding, report, problem));
        return TypedResults.Redirect($"{Page}?upload={token}");
    }

    private static async Task<IResult> CommitAsync(HttpContext http, IAntiforgery antiforgery, ListingImportApi api, OwnedNotes<ImportSession> sessions, CancellationToken cancellationToken)
    {
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is not { } form)
        {
            return TypedResults.Redirect(Page);
        }

        var token = form["upload"].ToString();
        if (sessions.Find(token, http.User) is not { Preview: not null } session)
        {
            return TypedResults.Redirect(Page + "?expired=1");
        }

        if (session.Result is null)
        {
            var (result, problem) = await api.ImportAsync(session.Csv, session.Separator, session.Encoding, dryRun: false, "portal-import-" + token, cancellationToken);
            sessions.Put(token, http.User, session with { Problem = problem, Result = result });
        }

        return TypedResults.Redirect($"{Page}?upload={token}");
    }

    private static async Task<IResult> TemplateAsync(string? separator, ListingImportApi api, CancellationToken cancellationToken)
    {
        var european = separator == "semicolon";
        var (content, contentType) = await api.TemplateAsync(european ? "semicolon" : null, cancellationToken);
        return TypedResults.File(content, contentType, european ? "listings-template-semicolon.csv" : "listings-template.csv");
    }

    private static string? Choice(string? value, params string[] allowed) => allowed.Contains(value) ? value : null;
}
