using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Notifications;

/// <summary>The route table of a person's own notifications and e-mail choice (scope <c>notifications</c>, people only); each use case has its own file.</summary>
public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("Notifications");
        group.MapGet("/notifications", ListNotifications.Handle).WithName(nameof(ListNotifications))
            .WithSummary("List my notifications")
            .WithDescription("The signed-in person's notifications, newest first (`?unread=true` for the unread only), with the number unread: new suggestions, the other side's interest, terms to answer, deliveries to confirm. `{ items, nextCursor, unread }`.")
            .RequireScope(Scopes.Notifications)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/notifications/{notificationId:guid}/read", MarkNotificationRead.Handle).WithName(nameof(MarkNotificationRead))
            .WithSummary("Mark a notification read")
            .WithDescription("Marks one of the person's notifications read and answers it (its `link` is where to act); marking it again changes nothing.")
            .RequireScope(Scopes.Notifications)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/notifications/read", MarkAllNotificationsRead.Handle).WithName(nameof(MarkAllNotificationsRead))
            .WithSummary("Mark all notifications read")
            .WithDescription("Marks every unread notification of the person read, up to the newest one they have seen (`upTo`, a notification id) when given.")
            .RequireScope(Scopes.Notifications)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/notification-settings", GetNotificationSettings.Handle).WithName(nameof(GetNotificationSettings))
            .WithSummary("Get my e-mail choice")
            .WithDescription("How the person gets notifications by e-mail: `immediate`, `daily` (one digest a day, the default) or `off`, and when the daily digest is sent.")
            .RequireScope(Scopes.Notifications)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/notification-settings", UpdateNotificationSettings.Handle).WithName(nameof(UpdateNotificationSettings))
            .WithSummary("Set my e-mail choice")
            .WithDescription("Chooses `immediate`, `daily` or `off`; notifications already waiting follow the new choice.")
            .RequireScope(Scopes.Notifications)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
