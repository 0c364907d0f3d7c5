using System.Globalization;
using Marketplace.Brokerage.Contracts;
using Marketplace.Matching.Contracts;
using MassTransit;

namespace Marketplace.Identity.Notifications;

/// <summary>
/// One event, one notification for each member of the organisations it names; staged once per message (inbox) under
/// the consumer's name. A consumer says only what the notification is and who hears it.
/// </summary>
public abstract class NotificationConsumer<T>(IdentityDataContext db, TimeProvider clock) : IConsumer<T>
    where T : class
{
    public Task Consume(ConsumeContext<T> context)
    {
        var (fact, recipients) = Notice(context.Message);
        return NotificationFanOut.StageAsync(db, context, fact, recipients, clock, GetType().Name);
    }

    protected abstract (NotificationFact Fact, IEnumerable<Guid> Recipients) Notice(T message);
}

/// <summary>
/// A new suggestion, once per match however often it is re-scored, to the organisations whose list shows it (a weaker
/// possibility a list leaves out is no news; it is announced if a later re-scoring shows it); the counterpart is not named.
/// </summary>
public sealed class MatchSuggestedNotificationConsumer(IdentityDataContext db, TimeProvider clock) : NotificationConsumer<MatchSuggested>(db, clock)
{
    protected override (NotificationFact, IEnumerable<Guid>) Notice(MatchSuggested m) =>
        (new(NotificationKinds.MatchSuggested, m.MatchId, $"{NotificationKinds.MatchSuggested}:{m.MatchId}", NotificationLinks.Match(m.MatchId),
            m.Score.ToString("0.00", CultureInfo.InvariantCulture)), m.ShownTo ?? m.OrganisationIds);
}

/// <summary>The other side is interested: the sides still to answer hear it.</summary>
public sealed class MatchInterestNotificationConsumer(IdentityDataContext db, TimeProvider clock) : NotificationConsumer<MatchInterestExpressed>(db, clock)
{
    protected override (NotificationFact, IEnumerable<Guid>) Notice(MatchInterestExpressed m) =>
        (new(NotificationKinds.MatchInterest, m.MatchId, $"{NotificationKinds.MatchInterest}:{m.MatchId}", NotificationLinks.Match(m.MatchId)), m.RecipientOrganisationIds);
}

public sealed class MatchAcceptedNotificationConsumer(IdentityDataContext db, TimeProvider clock) : NotificationConsumer<MatchAccepted>(db, clock)
{
    protected override (NotificationFact, IEnumerable<Guid>) Notice(MatchAccepted m) =>
        (new(NotificationKinds.MatchAccepted, m.MatchId, $"{NotificationKinds.MatchAccepted}:{m.MatchId}", NotificationLinks.Match(m.MatchId)),
            [m.Offer.OrganisationId, m.Want.OrganisationId, .. m.Members.Select(x => x.OrganisationId)]);
}

/// <summary>A message on a match: the parties who did not write it, once per message; the writer is not named (only the preview travels).</summary>
public sealed class MatchMessageNotificationConsumer(IdentityDataContext db, TimeProvider clock) : NotificationConsumer<MatchMessagePosted>(db, clock)
{
    protected override (NotificationFact, IEnumerable<Guid>) Notice(MatchMessagePosted m) =>
        (new(NotificationKinds.MatchMessage, m.MatchId, $"{NotificationKinds.MatchMessage}:{m.MessageId}", NotificationLinks.MatchConversation(m.MatchId), m.Preview),
            m.RecipientOrganisationIds);
}

/// <summary>The facilitator's reminder of an open suggestion: both sides, once per nudge, with the note cut to fit a notice.</summary>
public sealed class MatchNudgedNotificationConsumer(IdentityDataContext db, TimeProvider clock) : NotificationConsumer<MatchNudged>(db, clock)
{
    private const int NoteLength = 160;

    protected override (NotificationFact, IEnumerable<Guid>) Notice(MatchNudged m) =>
        (new(NotificationKinds.MatchNudge, m.MatchId, $"{NotificationKinds.MatchNudge}:{m.MatchId}:{m.At.UtcTicks}", NotificationLinks.Match(m.MatchId), Cut(m.Note)),
            m.OrganisationIds);

    private static string? Cut(string? note) => note is { Length: > NoteLength } ? note[..(NoteLength - 1)].TrimEnd() + "…" : note;
}

public sealed class DealOpenedNotificationConsumer(IdentityDataContext db, TimeProvider clock) : NotificationConsumer<DealOpened>(db, clock)
{
    protected override (NotificationFact, IEnumerable<Guid>) Notice(DealOpened d) =>
        (new(NotificationKinds.DealOpened, d.DealId, $"{NotificationKinds.DealOpened}:{d.DealId}", NotificationLinks.Deal(d.DealId)), d.OrganisationIds);
}

/// <summary>Terms to accept or counter: every party but the proposer's, once per version.</summary>
public sealed class DealTermsProposedNotificationConsumer(IdentityDataContext db, TimeProvider clock) : NotificationConsumer<DealTermsProposed>(db, clock)
{
    protected override (NotificationFact, IEnumerable<Guid>) Notice(DealTermsProposed t) =>
        (new(NotificationKinds.TermsProposed, t.DealId, $"{NotificationKinds.TermsProposed}:{t.DealId}:{t.Version}", NotificationLinks.Deal(t.DealId),
            t.Version.ToString(CultureInfo.InvariantCulture)), t.RecipientOrganisationIds);
}

/// <summary>A message on a deal: the parties who did not write it, once per message.</summary>
public sealed class DealMessageNotificationConsumer(IdentityDataContext db, TimeProvider clock) : NotificationConsumer<DealMessagePosted>(db, clock)
{
    protected override (NotificationFact, IEnumerable<Guid>) Notice(DealMessagePosted m) =>
        (new(NotificationKinds.DealMessage, m.DealId, $"{NotificationKinds.DealMessage}:{m.MessageId}", NotificationLinks.DealConversation(m.DealId), m.Preview),
            m.RecipientOrganisationIds);
}

public sealed class ContractSignedNotificationConsumer(IdentityDataContext db, TimeProvider clock) : NotificationConsumer<ContractSigned>(db, clock)
{
    protected override (NotificationFact, IEnumerable<Guid>) Notice(ContractSigned c) =>
        (new(NotificationKinds.ContractSigned, c.ContractId, $"{NotificationKinds.ContractSigned}:{c.ContractId}", NotificationLinks.Deal(c.DealId)),
            [c.SupplierOrganisationId, c.ReceiverOrganisationId]);
}

/// <summary>
/// A recorded delivery is for the other party to confirm; a confirmed or disputed one goes back to whoever recorded it.
/// A reversing entry (a correction) and messages from publishers that did not name the recorder notify nobody.
/// </summary>
public sealed class DeliveryRecordedNotificationConsumer(IdentityDataContext db, TimeProvider clock) : NotificationConsumer<DeliveryRecorded>(db, clock)
{
    protected override (NotificationFact, IEnumerable<Guid>) Notice(DeliveryRecorded d)
    {
        var (kind, recipients) = DeliveryNotices.For(d);
        var detail = FormattableString.Invariant($"{d.Quantity:0.###} {d.Unit} {d.Date:yyyy-MM-dd}");
        return (new(kind ?? "", d.DeliveryId, $"{kind}:{d.DeliveryId}", NotificationLinks.Deal(d.DealId), detail), recipients);
    }
}

public sealed class InvoiceIssuedNotificationConsumer(IdentityDataContext db, TimeProvider clock) : NotificationConsumer<InvoiceIssued>(db, clock)
{
    protected override (NotificationFact, IEnumerable<Guid>) Notice(InvoiceIssued i) =>
        (new(NotificationKinds.InvoiceIssued, i.InvoiceId, $"{NotificationKinds.InvoiceIssued}:{i.InvoiceId}", NotificationLinks.Deals, i.Number), [i.OrganisationId]);
}

/// <summary>Who hears about a delivery entry, by its state (pure).</summary>
public static class DeliveryNotices
{
    public static (string? Kind, IReadOnlyList<Guid> Recipients) For(DeliveryRecorded d)
    {
        if (d.RecordedByOrganisationId == Guid.Empty || d.DealId == Guid.Empty || d.ReversesDeliveryId is not null)
        {
            return (null, []);
        }

        var other = d.RecordedByOrganisationId == d.SupplierOrganisationId ? d.ReceiverOrganisationId
            : d.RecordedByOrganisationId == d.ReceiverOrganisationId ? d.SupplierOrganisationId : Guid.Empty;
        return d.Status switch
        {
            "recorded" when other != Guid.Empty => (NotificationKinds.DeliveryToConfirm, [other]),
            // recorded by the operator: both parties check it
            "recorded" => (NotificationKinds.DeliveryToConfirm, [d.SupplierOrganisationId, d.ReceiverOrganisationId]),
            "confirmed" => (NotificationKinds.DeliveryConfirmed, [d.RecordedByOrganisationId]),
            "disputed" => (NotificationKinds.DeliveryDisputed, [d.RecordedByOrganisationId]),
            _ => (null, []),
        };
    }
}

/// <summary>The portal pages notifications link to.</summary>
public static class NotificationLinks
{
    public const string Deals = "/deals";

    public static string Match(Guid matchId) => $"/matches/{matchId}";

    public static string Deal(Guid dealId) => $"/deals/{dealId}";

    public static string MatchConversation(Guid matchId) => $"/matches/{matchId}/conversation";

    public static string DealConversation(Guid dealId) => $"/deals/{dealId}/conversation";
}
