namespace Marketplace.Identity.Notifications;

/// <summary>
/// POST /api/v1/me/notifications/read: every unread notification read, or those up to <c>upTo</c> (the newest the
/// person saw), so one arriving meanwhile stays unread. Idempotent.
/// </summary>
public static class MarkAllNotificationsRead
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        ClaimsPrincipal user, IdentityDataContext db, TimeProvider clock, Guid? upTo, CancellationToken cancellationToken)
    {
        if (user.PersonId() is not { } personId)
        {
            return People.NotAPerson();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var unread = db.Notifications.Where(n => n.UserId == personId && n.ReadAt == null);
        if (upTo is { } last)
        {
            unread = unread.Where(n => n.Id.CompareTo(last) <= 0);
        }

        await unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}
