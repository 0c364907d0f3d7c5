using Marketplace.Portal.Api;
using Marketplace.Portal.Auth;
using Marketplace.Portal.Components;
using Marketplace.Portal.Matches;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Portal.Notifications;

/// <summary>
/// Opening a notification (marked read, then on to where to act), marking all read, choosing the e-mail rhythm, and
/// the address notifications give a match (<c>/matches/{id}</c>), which leads to the suggestions of the person's own listing.
/// </summary>
internal static class NotificationActions
{
    public const string Page = "/notifications";
    public const string SettingsPage = "/settings/notifications";
    public static readonly string[] EmailChoices = ["immediate", "daily", "off"];

    public static IEndpointRouteBuilder MapNotificationActions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/notifications/{id:guid}/open", OpenAsync).RequireAuthorization(PortalAuthentication.Policy).ExcludeFromDescription();
        app.MapPost("/notifications/read", MarkAllAsync).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost(SettingsPage + "/save", SaveSettingsAsync).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        app.MapGet("/matches/{id:guid}", MatchAsync).RequireAuthorization(PortalAuthentication.Policy).ExcludeFromDescription();
        return app;
    }

    /// <summary>Marks the notification read (harmless to repeat) and goes to its page; one not found leads back to the list.</summary>
    private static async Task<IResult> OpenAsync(Guid id, NotificationsApi api, CancellationToken cancellationToken)
    {
        var notice = await api.MarkReadAsync(id, cancellationToken);
        return TypedResults.Redirect(notice is not null && MatchDecisions.IsLocal(notice.Link) ? notice.Link : Page);
    }

    private static async Task<IResult> MarkAllAsync(HttpContext http, IAntiforgery antiforgery, NotificationsApi api, CancellationToken cancellationToken)
    {
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is { } form)
        {
            await api.MarkAllReadAsync(Guid.TryParse(form["upTo"], out var upTo) ? upTo : null, cancellationToken);
        }

        return TypedResults.Redirect(Page);
    }

    private static async Task<IResult> SaveSettingsAsync(HttpContext http, IAntiforgery antiforgery, NotificationsApi api, CancellationToken cancellationToken)
    {
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is not { } form)
        {
            return TypedResults.Redirect(SettingsPage);
        }

        var (_, problem) = await api.SaveSettingsAsync(form["email"].ToString(), cancellationToken);
        return TypedResults.Redirect($"{SettingsPage}?saved={(problem is null ? "yes" : "refused")}");
    }

    /// <summary>The suggestions page of whichever of the match's listings is the person's company's; the inbox when none is.</summary>
    private static async Task<IResult> MatchAsync(Guid id, HttpContext http, MatchingApi matching, ListingsApi listings, CancellationToken cancellationToken)
    {
        var match = await matching.GetAsync(id, cancellationToken);
        var mine = CurrentUser.Organisation(http);
        foreach (var listingId in match is null ? [] : match.ListingIds())
        {
            try
            {
                if ((await listings.GetAsync(listingId, cancellationToken)).OrganisationId == mine)
                {
                    return TypedResults.Redirect($"/listings/{listingId}/matches#match-{id}");
                }
            }
            catch (ApiException)
            {
                // A listing withdrawn or not visible: try the next one.
            }
        }

        return TypedResults.Redirect("/matches");
    }
}
