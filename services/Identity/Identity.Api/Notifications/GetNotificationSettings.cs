using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Notifications;

public sealed record NotificationSettingsDto(string Email, string DigestTime, string TimeZone, DateTimeOffset NextDigestAt);

/// <summary>GET /api/v1/me/notification-settings: the person's e-mail choice and when the next digest is due.</summary>
public static class GetNotificationSettings
{
    public static async Task<Results<Ok<NotificationSettingsDto>, ProblemHttpResult>> Handle(
        ClaimsPrincipal user, IdentityDataContext db, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (user.PersonId() is not { } personId)
        {
            return People.NotAPerson();
        }

        var email = await db.NotificationSettings.AsNoTracking().Where(s => s.UserId == personId).Select(s => s.Email).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(Describe(email ?? NotificationEmail.Daily, options.Value, clock.GetUtcNow()));
    }

    internal static NotificationSettingsDto Describe(string email, NotificationOptions options, DateTimeOffset now) =>
        new(email, options.DigestTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), options.TimeZone,
            DigestSchedule.Next(now, options.DigestTime, options.Zone()));
}
