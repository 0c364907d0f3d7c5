using System.Globalization;
using Marketplace.Portal.Api;
using Microsoft.AspNetCore.Antiforgery;

namespace Marketplace.Portal.Projects;

/// <summary>
/// What a project form did, for the page it returns to: which form (<see cref="Form"/>, also the page's anchor and the
/// key of the sentence for success), or the API's refusal with what the user typed, so the form shows both.
/// </summary>
public sealed record ProjectOutcome(string Form, ApiProblem? Problem, IReadOnlyDictionary<string, string> Values)
{
    public string? Value(string field) => Values.GetValueOrDefault(field);
}

/// <summary>The project page's plain forms: post, call the API with an <c>Idempotency-Key</c>, redirect back with a one-time note.</summary>
internal static class ProjectForms
{
    public static OwnedNotes<ProjectOutcome> NoteStore() => new(TimeSpan.FromMinutes(10), 10_000, _ => 1);

    /// <summary>
    /// Reads the checked form and lets <paramref name="act"/> call the API with a key made of the form's one-time token
    /// (a double submit posts once), then returns to <paramref name="page"/> at the form with what happened.
    /// </summary>
    public static async Task<IResult> HandleAsync(HttpContext http, IAntiforgery antiforgery, OwnedNotes<ProjectOutcome> notes, string page, string formName,
        Func<IFormCollection, string, Task<ApiProblem?>> act, CancellationToken cancellationToken)
    {
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is not { } form)
        {
            return TypedResults.Redirect(page);
        }

        var problem = await act(form, IdempotencyKey(form, formName));
        return TypedResults.Redirect($"{page}?note={notes.Add(http.User, Outcome(form, formName, problem))}#{formName}");
    }

    public static ProjectOutcome Outcome(IFormCollection form, string formName, ApiProblem? problem) =>
        new(formName, problem, problem is null ? new Dictionary<string, string>()
            : form.Where(f => f.Key is not ("__RequestVerificationToken" or "formToken")).ToDictionary(f => f.Key, f => f.Value.ToString()));

    public static string IdempotencyKey(IFormCollection form, string formName) =>
        $"portal-project-{formName}-" + (form["formToken"].ToString() is { Length: > 0 and <= 64 } token ? token : Guid.NewGuid().ToString("N"));

    /// <summary>A number as the form sent it: the invariant form, or the user's culture (a decimal comma); null when empty or not a number.</summary>
    public static decimal? Number(IFormCollection form, string field)
    {
        var text = form[field].ToString().Trim().Replace(" ", "", StringComparison.Ordinal);
        if (text.Length == 0)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var invariant) ? invariant
            : decimal.TryParse(text, NumberStyles.Number, CultureInfo.CurrentCulture, out var local) ? local : null;
    }

    public static string? Text(IFormCollection form, string field) => form[field].ToString().Trim() is { Length: > 0 } text ? text : null;

    public static Guid? Id(IFormCollection form, string field) => Guid.TryParse(form[field], out var id) ? id : null;

    public static DateOnly? Date(IFormCollection form, string field) =>
        DateOnly.TryParse(form[field], CultureInfo.InvariantCulture, out var date) ? date : null;
}
