using System.Globalization;
using Marketplace.Portal.Auth;
using Marketplace.Portal.Matches;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Portal.Settings;

/// <summary>
/// The portal's languages: the person's choice (a cookie the picker in the footer sets), else the browser's
/// Accept-Language, else English. Only the portal's pages use it; the API's problem details stay in English.
/// </summary>
internal static class PortalLanguages
{
    public const string Path = "/settings/language";

    /// <summary>Each language named in itself, in the order the picker shows them.</summary>
    public static readonly IReadOnlyList<(string Culture, string Name)> Supported =
    [
        ("da", "Dansk"), ("de", "Deutsch"), ("en", "English"), ("es", "Español"), ("fr", "Français"), ("it", "Italiano"), ("nl", "Nederlands"),
    ];

    /// <summary>
    /// Texts follow the language; numbers and dates the browser's region when it names one of these languages
    /// (de-CH groups digits with ’, de-DE with a dot), the language's own conventions otherwise.
    /// </summary>
    public static RequestLocalizationOptions Options()
    {
        var languages = Supported.Select(l => CultureInfo.GetCultureInfo(l.Culture)).ToList();
        var regions = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Where(c => languages.Any(l => l.Name == c.TwoLetterISOLanguageName));
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = [.. languages, .. regions],
            SupportedUICultures = languages,
            RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()],
        };
    }

    public static IEndpointRouteBuilder MapLanguageAction(this IEndpointRouteBuilder app)
    {
        // Anonymous too: the signed-out page has the picker. The antiforgery token still has to hold.
        app.MapPost(Path, ChooseAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    /// <summary>Remembers the chosen language for a year and goes back to the page it was chosen on (a local address only).</summary>
    private static async Task<IResult> ChooseAsync(HttpContext http, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        await PortalAuthentication.UseSessionUserAsync(http); // the antiforgery token of a signed-in page names its user
        var form = await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken);
        var back = form?["returnUrl"].ToString() is { } url && MatchDecisions.IsLocal(url) ? url : "/";
        if (form?["culture"].ToString() is { } culture && Supported.Any(l => l.Culture == culture))
        {
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1), Path = "/", SameSite = SameSiteMode.Lax, HttpOnly = true,
                    Secure = http.Request.IsHttps, IsEssential = true,
                });
        }

        return TypedResults.Redirect(back);
    }
}
