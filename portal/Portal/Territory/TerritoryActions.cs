using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.Portal.Api;
using Marketplace.Portal.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Portal.Territory;

/// <summary>A facility-facts file between its check and its import: the bytes checked are the bytes imported.</summary>
public sealed record FactSession(string FileName, byte[] Csv, string Source, FactReport? Preview, ApiProblem? Problem)
{
    public FactReport? Result { get; init; }

    public static OwnedNotes<FactSession> Store() => new(TimeSpan.FromMinutes(30), 64L * 1024 * 1024, s => s.Csv.Length);
}

/// <summary>
/// The operator's territory forms, post-redirect-get: upload a boundary (GeoJSON file), delete a territory, set or remove a
/// sector's rate, and check then import a facility-facts CSV. A refusal comes back with the API's reason, protected so a
/// crafted link cannot make the portal show words the API never said.
/// </summary>
internal static class TerritoryActions
{
    public const string Page = "/operator/territories";
    private const string Actions = Page + "/actions";
    private const long MaxUploadBytes = 20L * 1024 * 1024;
    private static readonly string[] RateFields = ["low", "central", "high"];

    public static IEndpointRouteBuilder MapTerritoryActions(this IEndpointRouteBuilder app)
    {
        app.MapPost(Actions + "/upload", UploadAsync).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost(Actions + "/{id:guid}/delete", DeleteAsync).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost(Actions + "/{id:guid}/rate", RateAsync).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost(Actions + "/facts", FactsAsync).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    internal static IDataProtector Reasons(IDataProtectionProvider protection) => protection.CreateProtector("Marketplace.Portal.Territory.Refusal");

    /// <summary>The refusal's reason as the portal protected it, or null for anything else.</summary>
    internal static string? Reason(IDataProtectionProvider protection, string? why)
    {
        try
        {
            return why is null ? null : Reasons(protection).Unprotect(why);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static ApiProblem Refusal(string message) => new(StatusCodes.Status400BadRequest, message, null, new Dictionary<string, string[]>());

    private static double? Number(string text) =>
        double.TryParse(text.Replace(',', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private static RedirectHttpResult Back(string page, ApiProblem? refused, string done, IDataProtectionProvider protection)
    {
        var why = refused is null ? null : Reasons(protection).Protect(refused.Errors.Values.SelectMany(v => v).FirstOrDefault() ?? refused.Detail ?? refused.Title);
        var query = new Dictionary<string, string?> { ["done"] = refused is null ? done : "refused", ["why"] = why };
        return TypedResults.Redirect(QueryHelpers.AddQueryString(page, query.Where(q => q.Value is not null)));
    }

    private static async Task<IResult> UploadAsync(HttpContext http, IAntiforgery antiforgery, TerritoryApi api, IDataProtectionProvider protection,
        CancellationToken cancellationToken)
    {
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is not { } form)
        {
            return TypedResults.Redirect(Page);
        }

        var file = form.Files.GetFile("boundary");
        if (file is null || file.Length == 0 || file.Length > MaxUploadBytes)
        {
            return TypedResults.Redirect(Page + "?done=nofile");
        }

        JsonDocument document;
        try
        {
            await using var stream = file.OpenReadStream();
            document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return Back(Page, Refusal("The file is not GeoJSON: it does not read as JSON."), "", protection);
        }

        using (document)
        {
            var id = Guid.TryParse(form["id"], out var existing) ? existing : Guid.CreateVersion7();
            var refused = await api.PutTerritoryAsync(id, form["name"].ToString(), document.RootElement, cancellationToken);
            return Back(Page, refused, "saved", protection);
        }
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, IAntiforgery antiforgery, TerritoryApi api, IDataProtectionProvider protection,
        CancellationToken cancellationToken)
    {
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is null)
        {
            return TypedResults.Redirect(Page);
        }

        return Back(Page, await api.DeleteTerritoryAsync(id, cancellationToken), "deleted", protection);
    }

    private static async Task<IResult> RateAsync(Guid id, HttpContext http, IAntiforgery antiforgery, TerritoryApi api, IDataProtectionProvider protection,
        CancellationToken cancellationToken)
    {
        var page = $"{Page}/{id}";
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is not { } form)
        {
            return TypedResults.Redirect(page);
        }

        var sector = form["sector"].ToString();
        if (form["action"] == "remove")
        {
            return Back(page, await api.RemoveRateAsync(id, sector, cancellationToken), "removed", protection);
        }

        var numbers = RateFields.Select(f => Number(form[f].ToString())).ToArray();
        if (numbers.Any(n => n is null))
        {
            return Back(page, Refusal("Low, central and high must be numbers."), "", protection);
        }

        var refused = await api.SetRateAsync(id, sector, numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value, form["source"].ToString(), cancellationToken);
        return Back(page, refused, "rate", protection);
    }

    /// <summary>Check (the API's dry run, shown as a preview) or import the checked bytes under the upload's token as Idempotency-Key.</summary>
    private static async Task<IResult> FactsAsync(HttpContext http, IAntiforgery antiforgery, TerritoryApi api, OwnedNotes<FactSession> sessions,
        CancellationToken cancellationToken)
    {
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is not { } form)
        {
            return TypedResults.Redirect(Page);
        }

        var token = form["upload"].ToString();
        if (token.Length > 0)
        {
            if (sessions.Find(token, http.User) is not { Preview: not null } session)
            {
                return TypedResults.Redirect(Page + "?done=expired#facts");
            }

            if (session.Result is null)
            {
                var (result, problem) = await api.ImportFactsAsync(session.Csv, session.Source, dryRun: false, "portal-facts-" + token, cancellationToken);
                sessions.Put(token, http.User, session with { Problem = problem, Result = result });
            }

            return TypedResults.Redirect($"{Page}?facts={token}#facts");
        }

        var file = form.Files.GetFile("facts");
        if (file is null || file.Length == 0 || file.Length > MaxUploadBytes)
        {
            return TypedResults.Redirect(Page + "?done=nofile#facts");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var source = form["source"].ToString().Trim();
        var (report, refused) = await api.ImportFactsAsync(buffer.ToArray(), source, dryRun: true, Guid.NewGuid().ToString(), cancellationToken);
        var added = sessions.Add(http.User, new FactSession(Path.GetFileName(file.FileName), buffer.ToArray(), source, report, refused));
        return TypedResults.Redirect($"{Page}?facts={added}#facts");
    }
}
