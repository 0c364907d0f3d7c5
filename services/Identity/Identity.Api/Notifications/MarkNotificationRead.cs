namespace Marketplace.Identity.Notifications;

/// <summary>POST /api/v1/me/notifications/{notificationId}/read: idempotent, answers the notification (its link for where to go next); another person's is a 404.</summary>
public static class MarkNotificationRead
{
    public static async Task<Results<Ok<NotificationDto>, NotFound, ProblemHttpResult>> Handle(
        Guid notificationId, ClaimsPrincipal user, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (user.PersonId() is not { } personId)
        {
            return People.NotAPerson();
        }

        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId && n.UserId == personId, cancellationToken);
        if (notification is null)
        {
            return TypedResults.NotFound();
        }

        if (notification.ReadAt is null)
        {
            notification.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(notification.AsDto());
    }
}
