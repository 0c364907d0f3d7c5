using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Notifications;

public sealed record UpdateNotificationSettingsRequest(
    [property: Required, RegularExpression("^(off|immediate|daily)$", ErrorMessage = "email must be off, immediate or daily.")] string Email);

/// <summary>PUT /api/v1/me/notification-settings: the person's e-mail choice (the same choice twice changes nothing).</summary>
public static class UpdateNotificationSettings
{
    public static async Task<Results<Ok<NotificationSettingsDto>, ValidationProblem, ProblemHttpResult>> Handle(
        UpdateNotificationSettingsRequest request, ClaimsPrincipal user, IdentityDataContext db, IOptions<NotificationOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (user.PersonId() is not { } personId)
        {
            return People.NotAPerson();
        }

        await NotificationPreferences.SetAsync(db, personId, request.Email, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.Ok(GetNotificationSettings.Describe(request.Email, options.Value, clock.GetUtcNow()));
    }
}

/// <summary>Stores a person's choice, from the API or from an e-mail's unsubscribe link.</summary>
internal static class NotificationPreferences
{
    public static async Task SetAsync(IdentityDataContext db, Guid personId, string email, DateTime now, CancellationToken cancellationToken)
    {
        var settings = await db.NotificationSettings.FirstOrDefaultAsync(s => s.UserId == personId, cancellationToken);
        if (settings is null)
        {
            db.NotificationSettings.Add(new NotificationSettings { UserId = personId, Email = email, UpdatedAt = now });
        }
        else if (settings.Email != email)
        {
            settings.Email = email;
            settings.UpdatedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (settings is null)
        {
            // the same person saved twice at once (a double click): the first row stands; store this choice on it
            db.ChangeTracker.Clear();
            await db.NotificationSettings.Where(s => s.UserId == personId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Email, email).SetProperty(x => x.UpdatedAt, now), cancellationToken);
        }
    }
}
