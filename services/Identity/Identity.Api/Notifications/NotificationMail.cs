using System.Globalization;
using System.Text;

namespace Marketplace.Identity.Notifications;

/// <summary>An e-mail ready to send: its subject and plain-text body.</summary>
public sealed record MailText(string Subject, string Body);

/// <summary>
/// The words of notification e-mails (pure): one line per notification with its link, then how to change the choice
/// and a one-click unsubscribe. English: the portal shows the same notifications in the person's language.
/// </summary>
public static class NotificationMail
{
    public static MailText Compose(IReadOnlyList<Notification> notifications, string email, string publicBase, string unsubscribeLink, bool digest)
    {
        var subject = notifications.Count == 1 && !digest
            ? Sentence(notifications[0])
            : string.Create(CultureInfo.InvariantCulture, $"{notifications.Count} update{(notifications.Count == 1 ? "" : "s")} on the Symbiosis Marketplace");
        var body = new StringBuilder();
        body.Append(digest ? "What happened since your last digest:" : "News on the Symbiosis Marketplace:").Append("\n\n");
        foreach (var n in notifications.OrderBy(n => n.CreatedAt))
        {
            body.Append("- ").Append(Sentence(n)).Append('\n').Append("  ").Append(publicBase).Append(n.Link).Append('\n');
        }

        body.Append('\n')
            .Append(CultureInfo.InvariantCulture, $"You get these e-mails {(email == NotificationEmail.Immediate ? "as things happen" : "once a day")}. ")
            .Append("Choose immediate, daily or none: ").Append(publicBase).Append("/settings/notifications\n")
            .Append("Stop all notification e-mails with one click: ").Append(unsubscribeLink).Append('\n');
        return new MailText(subject, body.ToString());
    }

    public static string Sentence(Notification n) => n.Kind switch
    {
        NotificationKinds.MatchSuggested => $"A new suggestion for one of your listings (score {n.Detail})",
        NotificationKinds.MatchInterest => "The other side is interested in a suggestion: say whether you are",
        NotificationKinds.MatchAccepted => "Both sides are interested: a deal is being opened",
        NotificationKinds.DealOpened => "A deal was opened: propose or answer terms",
        NotificationKinds.TermsProposed => $"Terms were proposed (version {n.Detail}): accept them or counter",
        NotificationKinds.ContractSigned => "A supply contract was signed",
        NotificationKinds.DeliveryToConfirm => $"A delivery to confirm: {n.Detail}",
        NotificationKinds.DeliveryConfirmed => $"A delivery you recorded was confirmed: {n.Detail}",
        NotificationKinds.DeliveryDisputed => $"A delivery you recorded was disputed: {n.Detail}",
        NotificationKinds.InvoiceIssued => $"Invoice {n.Detail} was issued to you",
        NotificationKinds.MatchMessage => $"A new message on a suggestion: “{n.Detail}”",
        NotificationKinds.DealMessage => $"A new message on a deal: “{n.Detail}”",
        NotificationKinds.MatchNudge => $"The facilitator reminds you of a suggestion that waits for your answer. {n.Detail}".TrimEnd(),
        _ => "An update on the Symbiosis Marketplace",
    };
}
