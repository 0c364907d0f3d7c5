using Marketplace.ServiceDefaults.Paging;

namespace Marketplace.Identity.Notifications;

/// <summary>GET /api/v1/me/notifications: the person's notifications, newest first, and how many are unread.</summary>
public static class ListNotifications
{
    public static async Task<Results<Ok<NotificationPage>, ValidationProblem, ProblemHttpResult>> Handle(
        ClaimsPrincipal user, IdentityDataContext db, bool? unread, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (user.PersonId() is not { } personId)
        {
            return People.NotAPerson();
        }

        if (Paging.Read(limit, cursor, out var request, defaultLimit: 20, max: 100) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == personId);
        var unreadCount = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var page = await (unread == true ? mine.Where(n => n.ReadAt == null) : mine)
            .ToPageAsync(n => n.Id, request, rows => rows.Select(n => n.AsDto()).ToList(), cancellationToken);
        return TypedResults.Ok(new NotificationPage(page.Items, page.NextCursor, unreadCount));
    }
}
