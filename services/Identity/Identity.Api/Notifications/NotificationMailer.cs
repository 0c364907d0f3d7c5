using Marketplace.Identity.Hosting;
using Marketplace.Identity.Mail;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Notifications;

/// <summary>
/// Applies each person's e-mail choice to their waiting notifications: <c>immediate</c> sends what arrived as one
/// e-mail, <c>daily</c> one digest at the operator's digest time (<see cref="DigestSchedule"/>), <c>off</c> nothing.
/// Notifications read in the portal before their e-mail went out are not mailed. A person's rows are claimed before
/// sending (state <c>sending</c>), so several Identity replicas never mail them twice; a failed send puts them back.
/// </summary>
internal sealed class NotificationMailer(IServiceProvider services, IOptions<NotificationOptions> options, IOptions<MarketplaceOptions> marketplace,
    TimeProvider clock, ILogger<NotificationMailer> log) : PollingWorker<NotificationMailer>(log)
{
    private const string Sending = "sending";
    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override async Task<bool> RoundAsync(CancellationToken cancellationToken)
    {
        await RunOnceAsync(cancellationToken);
        return false;
    }

    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDataContext>();
        var now = clock.GetUtcNow();
        var waiting = await (from n in db.Notifications.AsNoTracking()
                             where n.EmailState == NotificationEmailStates.Pending
                             group n by n.UserId into g
                             select new { UserId = g.Key, Oldest = g.Min(n => n.CreatedAt) }).ToListAsync(cancellationToken);
        foreach (var person in waiting)
        {
            var settings = await db.NotificationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == person.UserId, cancellationToken);
            var choice = settings?.Email ?? NotificationEmail.Daily;
            var settled = choice switch
            {
                NotificationEmail.Off => await SettleAsync(db, person.UserId, NotificationEmailStates.Skipped, now, cancellationToken),
                NotificationEmail.Immediate => await MailAsync(db, scope.ServiceProvider, person.UserId, choice, now, cancellationToken),
                _ when DigestSchedule.IsDue(now, options.Value.DigestTime, options.Value.Zone(),
                    settings?.LastDigestAt?.AsOffset(), person.Oldest.AsOffset())
                    => await MailAsync(db, scope.ServiceProvider, person.UserId, choice, now, cancellationToken),
                _ => 0,
            };
            if (settled > 0)
            {
                log.LogInformation("Notifications of {User}: {Count} settled by e-mail choice {Choice}", person.UserId, settled, choice);
            }
        }
    }

    private static Task<int> SettleAsync(IdentityDataContext db, Guid userId, string state, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Notifications.Where(n => n.UserId == userId && n.EmailState == NotificationEmailStates.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, state), cancellationToken);

    private async Task<int> MailAsync(IdentityDataContext db, IServiceProvider scoped, Guid userId, string choice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = now.UtcDateTime;
        var claimed = await db.Notifications.Where(n => n.UserId == userId && n.EmailState == NotificationEmailStates.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, Sending), cancellationToken);
        if (claimed == 0)
        {
            return 0; // another replica took them
        }

        var rows = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.EmailState == Sending).ToListAsync(cancellationToken);
        var unread = rows.Where(n => n.ReadAt is null).ToList();
        var email = await db.Users.Where(u => u.Id == userId && u.EmailConfirmed).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (unread.Count == 0 || email is null)
        {
            await MarkAsync(db, userId, NotificationEmailStates.Skipped, null, cancellationToken);
            return rows.Count;
        }

        var publicBase = PublicBase(scoped);
        var unsubscribe = $"{publicBase}/account/unsubscribe?token={Unsubscribe.Token(scoped.GetRequiredService<IDataProtectionProvider>(), userId)}";
        var mail = NotificationMail.Compose(unread, choice, publicBase, unsubscribe, digest: choice == NotificationEmail.Daily);
        try
        {
            await scoped.GetRequiredService<IMailSender>().SendAsync(email, mail.Subject, mail.Body, new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{unsubscribe}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Notification e-mail to {User} failed; it is tried again", userId);
            await MarkAsync(db, userId, NotificationEmailStates.Pending, null, CancellationToken.None);
            return 0;
        }

        await MarkAsync(db, userId, NotificationEmailStates.Sent, at, cancellationToken);
        if (choice == NotificationEmail.Daily)
        {
            await RecordDigestAsync(db, userId, at, cancellationToken);
        }

        return rows.Count;
    }

    private static Task<int> MarkAsync(IdentityDataContext db, Guid userId, string state, DateTime? at, CancellationToken cancellationToken) =>
        db.Notifications.Where(n => n.UserId == userId && n.EmailState == Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, state).SetProperty(n => n.EmailedAt, at), cancellationToken);

    private static async Task RecordDigestAsync(IdentityDataContext db, Guid userId, DateTime at, CancellationToken cancellationToken)
    {
        var updated = await db.NotificationSettings.Where(s => s.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastDigestAt, at), cancellationToken);
        if (updated == 0)
        {
            db.NotificationSettings.Add(new NotificationSettings { UserId = userId, Email = NotificationEmail.Daily, LastDigestAt = at, UpdatedAt = at });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The address people reach the portal at: the configured public URL, else this server's first address.</summary>
    private string PublicBase(IServiceProvider scoped)
    {
        if (!string.IsNullOrWhiteSpace(marketplace.Value.PublicUrl))
        {
            return marketplace.Value.PublicUrl.TrimEnd('/');
        }

        var addresses = scoped.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
        return (addresses?.FirstOrDefault() ?? "http://localhost:5000").Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").TrimEnd('/');
    }
}
