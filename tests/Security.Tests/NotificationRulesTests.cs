using Marketplace.Brokerage.Contracts;
using Marketplace.Identity.Notifications;

namespace Marketplace.Security.Tests;

public sealed class NotificationRulesTests
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
    private static readonly TimeOnly Seven = new(7, 0);

    [Fact]
    public void The_digest_is_due_at_the_local_digest_time_for_what_waited_before_it()
    {
        // 06:30 UTC on 1 December is 07:30 in Copenhagen (UTC+1): today's 07:00 digest (06:00 UTC) has passed.
        var now = new DateTimeOffset(2026, 12, 1, 6, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero), DigestSchedule.Latest(now, Seven, Copenhagen));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero), DigestSchedule.Next(now, Seven, Copenhagen));

        var yesterdayEvening = new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero);
        Assert.True(DigestSchedule.IsDue(now, Seven, Copenhagen, lastDigestAt: null, oldestWaitingAt: yesterdayEvening));
        Assert.False(DigestSchedule.IsDue(now, Seven, Copenhagen, lastDigestAt: now.AddMinutes(-10), oldestWaitingAt: yesterdayEvening));
        // arrived after today's digest moment: waits for tomorrow's
        Assert.False(DigestSchedule.IsDue(now, Seven, Copenhagen, lastDigestAt: null, oldestWaitingAt: now.AddMinutes(-5)));
        // the mailer was down at 07:00 and is back at 09:00: the missed digest goes out
        Assert.True(DigestSchedule.IsDue(now.AddHours(2), Seven, Copenhagen, new DateTimeOffset(2026, 11, 30, 6, 0, 5, TimeSpan.Zero), yesterdayEvening));
    }

    [Fact]
    public void Summer_time_moves_the_digest_with_the_local_clock()
    {
        // 1 July: Copenhagen is UTC+2, so 07:00 local is 05:00 UTC.
        var now = new DateTimeOffset(2026, 7, 1, 5, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 5, 0, 0, TimeSpan.Zero), DigestSchedule.Latest(now, Seven, Copenhagen));
        // 02:30 does not exist on 29 March 2026 in Copenhagen: taken an hour later, 03:30 CEST = 01:30 UTC
        var spring = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), DigestSchedule.Next(spring, new TimeOnly(2, 30), Copenhagen));
    }

    [Fact]
    public void A_recorded_delivery_goes_to_the_other_party_and_its_review_back_to_the_recorder()
    {
        Guid supplier = Guid.NewGuid(), receiver = Guid.NewGuid(), operatorOrg = Guid.NewGuid(), deal = Guid.NewGuid();
        DeliveryRecorded Entry(string status, Guid by, Guid? reverses = null) =>
            new(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 12, 1), 20m, "t", status, reverses, DateTime.UtcNow, supplier, receiver, by, deal);

        Assert.Equal((NotificationKinds.DeliveryToConfirm, Join(receiver)), Flat(DeliveryNotices.For(Entry("recorded", supplier))));
        Assert.Equal((NotificationKinds.DeliveryToConfirm, Join(supplier)), Flat(DeliveryNotices.For(Entry("recorded", receiver))));
        Assert.Equal((NotificationKinds.DeliveryToConfirm, Join(supplier, receiver)), Flat(DeliveryNotices.For(Entry("recorded", operatorOrg))));
        Assert.Equal((NotificationKinds.DeliveryConfirmed, Join(supplier)), Flat(DeliveryNotices.For(Entry("confirmed", supplier))));
        Assert.Equal((NotificationKinds.DeliveryDisputed, Join(receiver)), Flat(DeliveryNotices.For(Entry("disputed", receiver))));
        Assert.Null(DeliveryNotices.For(Entry("recorded", supplier, reverses: Guid.NewGuid())).Kind);
        // from a publisher older than the recorder field: nobody
        Assert.Empty(DeliveryNotices.For(Entry("recorded", Guid.Empty)).Recipients);
    }

    [Fact]
    public void A_mail_lists_each_notification_with_its_link_and_says_how_to_stop()
    {
        var notes = new[]
        {
            new Notification { Kind = NotificationKinds.TermsProposed, Key = "a", Link = "/deals/1", Detail = "2", CreatedAt = DateTime.UtcNow },
            new Notification { Kind = NotificationKinds.DeliveryToConfirm, Key = "b", Link = "/deals/1", Detail = "20 t 2026-12-01", CreatedAt = DateTime.UtcNow },
        };
        var digest = NotificationMail.Compose(notes, NotificationEmail.Daily, "https://m.example", "https://m.example/account/unsubscribe?token=x", digest: true);
        Assert.Equal("2 updates on the Symbiosis Marketplace", digest.Subject);
        Assert.Contains("Terms were proposed (version 2)", digest.Body);
        Assert.Contains("A delivery to confirm: 20 t 2026-12-01\n  https://m.example/deals/1", digest.Body);
        Assert.Contains("once a day", digest.Body);
        Assert.Contains("https://m.example/account/unsubscribe?token=x", digest.Body);

        var single = NotificationMail.Compose(notes[..1], NotificationEmail.Immediate, "https://m.example", "u", digest: false);
        Assert.Equal("Terms were proposed (version 2): accept them or counter", single.Subject);
    }

    private static string Join(params Guid[] ids) => string.Join(",", ids);

    private static (string? Kind, string Recipients) Flat((string? Kind, IReadOnlyList<Guid> Recipients) notice) => (notice.Kind, string.Join(",", notice.Recipients));
}
