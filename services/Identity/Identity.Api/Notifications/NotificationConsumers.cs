using System.Globalization;
using Marketplace.Brokerage.Contracts;
using Marketplace.Matching.Contracts;
using MassTransit;

namespace Marketplace.Identity.Notifications;

/// <summary>A new suggestion, once per match however often it is re-scored; the counterpart is not named.</summary>
public sealed class MatchSuggestedNotificationConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<MatchSuggested>
{
    public Task Consume(ConsumeContext<MatchSuggested> context)
    {
        var m = context.Message;
        return NotificationFanOut.StageAsync(db, context,
            new(NotificationKinds.MatchSuggested, m.MatchId, $"{NotificationKinds.MatchSuggested}:{m.MatchId}", NotificationLinks.Match(m.MatchId),
                m.Score.ToString("0.00", CultureInfo.InvariantCulture)),
            m.OrganisationIds, clock, nameof(MatchSuggestedNotificationConsumer));
    }
}

/// <summary>The other side is interested: the sides still to answer hear it.</summary>
public sealed class MatchInterestNotificationConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<MatchInterestExpressed>
{
    public Task Consume(ConsumeContext<MatchInterestExpressed> context)
    {
        var m = context.Message;
        return NotificationFanOut.StageAsync(db, context,
            new(NotificationKinds.MatchInterest, m.MatchId, $"{NotificationKinds.MatchInterest}:{m.MatchId}", NotificationLinks.Match(m.MatchId)),
            m.RecipientOrganisationIds, clock, nameof(MatchInterestNotificationConsumer));
    }
}

public sealed class MatchAcceptedNotificationConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<MatchAccepted>
{
    public Task Consume(ConsumeContext<MatchAccepted> context)
    {
        var m = context.Message;
        return NotificationFanOut.StageAsync(db, context,
            new(NotificationKinds.MatchAccepted, m.MatchId, $"{NotificationKinds.MatchAccepted}:{m.MatchId}", NotificationLinks.Match(m.MatchId)),
            [m.Offer.OrganisationId, m.Want.OrganisationId, .. m.Members.Select(x => x.OrganisationId)], clock, nameof(MatchAcceptedNotificationConsumer));
    }
}

public sealed class DealOpenedNotificationConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<DealOpened>
{
    public Task Consume(ConsumeContext<DealOpened> context)
    {
        var d = context.Message;
        return NotificationFanOut.StageAsync(db, context,
            new(NotificationKinds.DealOpened, d.DealId, $"{NotificationKinds.DealOpened}:{d.DealId}", NotificationLinks.Deal(d.DealId)),
            d.OrganisationIds, clock, nameof(DealOpenedNotificationConsumer));
    }
}

/// <summary>Terms to accept or counter: every party but the proposer's, once per version.</summary>
public sealed class DealTermsProposedNotificationConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<DealTermsProposed>
{
    public Task Consume(ConsumeContext<DealTermsProposed> context)
    {
        var t = context.Message;
        return NotificationFanOut.StageAsync(db, context,
            new(NotificationKinds.TermsProposed, t.DealId, $"{NotificationKinds.TermsProposed}:{t.DealId}:{t.Version}", NotificationLinks.Deal(t.DealId),
                t.Version.ToString(CultureInfo.InvariantCulture)),
            t.RecipientOrganisationIds, clock, nameof(DealTermsProposedNotificationConsumer));
    }
}

public sealed class ContractSignedNotificationConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<ContractSigned>
{
    public Task Consume(ConsumeContext<ContractSigned> context)
    {
        var c = context.Message;
        return NotificationFanOut.StageAsync(db, context,
            new(NotificationKinds.ContractSigned, c.ContractId, $"{NotificationKinds.ContractSigned}:{c.ContractId}", NotificationLinks.Deal(c.DealId)),
            [c.SupplierOrganisationId, c.ReceiverOrganisationId], clock, nameof(ContractSignedNotificationConsumer));
    }
}

/// <summary>
/// A recorded delivery is for the other party to confirm; a confirmed or disputed one goes back to whoever recorded it.
/// A reversing entry (a correction) and messages from publishers that did not name the recorder notify nobody.
/// </summary>
public sealed class DeliveryRecordedNotificationConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<DeliveryRecorded>
{
    public Task Consume(ConsumeContext<DeliveryRecorded> context)
    {
        var d = context.Message;
        var (kind, recipients) = DeliveryNotices.For(d);
        var detail = FormattableString.Invariant($"{d.Quantity:0.###} {d.Unit} {d.Date:yyyy-MM-dd}");
        return NotificationFanOut.StageAsync(db, context,
            new(kind ?? "", d.DeliveryId, $"{kind}:{d.DeliveryId}", NotificationLinks.Deal(d.DealId), detail),
            recipients, clock, nameof(DeliveryRecordedNotificationConsumer));
    }
}

public sealed class InvoiceIssuedNotificationConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<InvoiceIssued>
{
    public Task Consume(ConsumeContext<InvoiceIssued> context)
    {
        var i = context.Message;
        return NotificationFanOut.StageAsync(db, context,
            new(NotificationKinds.InvoiceIssued, i.InvoiceId, $"{NotificationKinds.InvoiceIssued}:{i.InvoiceId}", NotificationLinks.Deals, i.Number),
            [i.OrganisationId], clock, nameof(InvoiceIssuedNotificationConsumer));
    }
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
/// <summary>A message on a match: the parties who did not write it, once per message; the writer is not named (only the preview travels).</summary>
public sealed class MatchMessageNotificationConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<MatchMessagePosted>
{
    public Task Consume(ConsumeContext<MatchMessagePosted> context)
    {
        var m = context.Message;
        return NotificationFanOut.StageAsync(db, context,
            new(NotificationKinds.MatchMessage, m.MatchId, $"{NotificationKinds.MatchMessage}:{m.MessageId}", NotificationLinks.MatchConversation(m.MatchId), m.Preview),
            m.RecipientOrganisationIds, clock, nameof(MatchMessageNotificationConsumer));
    }
}

/// <summary>A message on a deal: the parties who did not write it, once per message.</summary>
public sealed class DealMessageNotificationConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<DealMessagePosted>
{
    public Task Consume(ConsumeContext<DealMessagePosted> context)
    {
        var m = context.Message;
        return NotificationFanOut.StageAsync(db, context,
            new(NotificationKinds.DealMessage, m.DealId, $"{NotificationKinds.DealMessage}:{m.MessageId}", NotificationLinks.DealConversation(m.DealId), m.Preview),
            m.RecipientOrganisationIds, clock, nameof(DealMessageNotificationConsumer));
    }
}

public static class NotificationLinks
{
    public const string Deals = "/deals";

    public static string Match(Guid matchId) => $"/matches/{matchId}";

    public static string Deal(Guid dealId) => $"/deals/{dealId}";

    public static string MatchConversation(Guid matchId) => $"/matches/{matchId}/conversation";

    public static string DealConversation(Guid dealId) => $"/deals/{dealId}/conversation";
}
