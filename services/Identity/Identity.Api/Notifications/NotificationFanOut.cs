using MassTransit;
using Marketplace.ServiceDefaults.Outbox;

namespace Marketplace.Identity.Notifications;

/// <summary>What one event tells people: its kind, subject, the page that shows it and a short detail.</summary>
public sealed record NotificationFact(string Kind, Guid SubjectId, string Key, string Link, string? Detail = null);

/// <summary>
/// Turns an integration event into one notification per member of each organisation it concerns; once per message
/// (inbox), and never twice for the same fact (<see cref="Notification.Key"/>).
/// </summary>
internal static class NotificationFanOut
{
    public static async Task StageAsync<T>(IdentityDataContext db, ConsumeContext<T> context, NotificationFact fact, IEnumerable<Guid> organisationIds,
        TimeProvider clock, string consumer)
        where T : class
    {
        if (await db.ConsumeOnceAsync(context, consumer, () => StageRowsAsync(db, fact, organisationIds, clock, context.CancellationToken)))
        {
            NotificationMailer.Signal();
        }
    }

    private static async Task StageRowsAsync(IdentityDataContext db, NotificationFact fact, IEnumerable<Guid> organisationIds, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var orgs = organisationIds.Where(id => id != Guid.Empty).Distinct().ToList();
        if (orgs.Count == 0)
        {
            return;
        }

        var people = await db.Memberships.Where(m => orgs.Contains(m.OrganisationId)).Select(m => new { m.UserId, m.OrganisationId }).ToListAsync(cancellationToken);
        var userIds = people.Select(p => p.UserId).ToList();
        var known = await db.Notifications.Where(n => userIds.Contains(n.UserId) && n.Key == fact.Key).Select(n => n.UserId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var person in people.Where(p => !known.Contains(p.UserId)).DistinctBy(p => p.UserId))
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), UserId = person.UserId, OrganisationId = person.OrganisationId, Kind = fact.Kind, SubjectId = fact.SubjectId,
                Key = fact.Key, Link = fact.Link, Detail = fact.Detail, CreatedAt = now,
            });
        }
    }
}
