using System.Text.Json;
using Marketplace.Brokerage.Contracts;
using Marketplace.Matching.Contracts;
using Marketplace.ServiceDefaults.Outbox;
using MassTransit;

namespace Marketplace.Identity.Webhooks;

/// <summary>Turns an integration event into one delivery per subscribed endpoint of each organisation it concerns; once per message (inbox).</summary>
internal static class WebhookFanOut
{
    /// <param name="data">What subscribers get as <c>data</c>: the event itself unless given.</param>
    public static Task StageAsync<T>(IdentityDataContext db, ConsumeContext<T> context, string eventType, IEnumerable<Guid> organisationIds, TimeProvider clock, string consumer,
        object? data = null)
        where T : class =>
        StageAsync(db, context, eventType, organisationIds, clock, consumer, _ => data ?? context.Message);

    /// <param name="dataFor">What the subscribing organisation gets as <c>data</c>.</param>
    public static async Task StageAsync<T>(IdentityDataContext db, ConsumeContext<T> context, string eventType, IEnumerable<Guid> organisationIds, TimeProvider clock, string consumer,
        Func<Guid, object> dataFor)
        where T : class
    {
        if (await db.ConsumeOnceAsync(context, consumer, () => StageDeliveriesAsync(db, context, eventType, organisationIds, clock, dataFor)))
        {
            WebhookDispatcher.Signal();
        }
    }

    private static async Task StageDeliveriesAsync<T>(IdentityDataContext db, ConsumeContext<T> context, string eventType, IEnumerable<Guid> organisationIds,
        TimeProvider clock, Func<Guid, object> dataFor)
        where T : class
    {
        var orgs = organisationIds.Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.Where(e => orgs.Contains(e.OrganisationId) && e.Enabled).ToListAsync(context.CancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var endpoint in endpoints.Where(e => e.Wants(eventType)))
        {
            db.WebhookDeliveries.Add(WebhookDeliveries.New(endpoint, eventType, dataFor(endpoint.OrganisationId), now));
        }
    }
}

/// <summary>One event for one endpoint, ready to send: the envelope partners receive (<c>id, type, createdAt, organisationId, data</c>).</summary>
internal static class WebhookDeliveries
{
    public static WebhookDelivery New(WebhookEndpoint endpoint, string eventType, object data, DateTime now)
    {
        var id = Guid.CreateVersion7();
        var payload = JsonSerializer.Serialize(new { id, type = eventType, createdAt = now, organisationId = endpoint.OrganisationId, data }, JsonSerializerOptions.Web);
        return new WebhookDelivery
        {
            Id = id, EndpointId = endpoint.Id, OrganisationId = endpoint.OrganisationId, EventType = eventType, Payload = payload,
            Status = DeliveryStatus.Pending, CreatedAt = now, NextAttemptAt = now,
        };
    }
}

/// <summary>
/// Each party learns that a match exists, not who the other party is: the counterpart may be anonymous until both
/// accept, so <c>data</c> leaves out the event's organisation ids (they only choose the recipients). <c>shown</c> says
/// whether the subscriber's own list shows the match (<see cref="MatchSuggested.ShownTo"/>; a pool, announced without
/// it, is shown to all its members), so a partner system can show its users what the portal shows them.
/// </summary>
public sealed class MatchSuggestedWebhookConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<MatchSuggested>
{
    public Task Consume(ConsumeContext<MatchSuggested> context)
    {
        var m = context.Message;
        return WebhookFanOut.StageAsync(db, context, WebhookEventTypes.MatchSuggested, m.OrganisationIds, clock, nameof(MatchSuggestedWebhookConsumer),
            organisationId => new { m.MatchId, m.Kind, m.OfferListingId, m.WantListingId, m.Score, Shown = m.ShownTo?.Contains(organisationId) ?? true });
    }
}

public sealed class MatchAcceptedWebhookConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<MatchAccepted>
{
    public Task Consume(ConsumeContext<MatchAccepted> context)
    {
        var m = context.Message;
        return WebhookFanOut.StageAsync(db, context, WebhookEventTypes.MatchAccepted,
            [m.Offer.OrganisationId, m.Want.OrganisationId, .. m.Members.Select(x => x.OrganisationId)], clock, nameof(MatchAcceptedWebhookConsumer));
    }
}

public sealed class DealOpenedWebhookConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<DealOpened>
{
    public Task Consume(ConsumeContext<DealOpened> context) =>
        WebhookFanOut.StageAsync(db, context, WebhookEventTypes.DealOpened, context.Message.OrganisationIds, clock, nameof(DealOpenedWebhookConsumer));
}

public sealed class InvoiceIssuedWebhookConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<InvoiceIssued>
{
    public Task Consume(ConsumeContext<InvoiceIssued> context) =>
        WebhookFanOut.StageAsync(db, context, WebhookEventTypes.InvoiceIssued, [context.Message.OrganisationId], clock, nameof(InvoiceIssuedWebhookConsumer));
}

public sealed class ContractSignedWebhookConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<ContractSigned>
{
    public Task Consume(ConsumeContext<ContractSigned> context) =>
        WebhookFanOut.StageAsync(db, context, WebhookEventTypes.ContractSigned,
            [context.Message.SupplierOrganisationId, context.Message.ReceiverOrganisationId], clock, nameof(ContractSignedWebhookConsumer));
}

/// <summary>Every state of a delivery entry (recorded, confirmed, disputed, reversing) goes to both parties of its contract.</summary>
public sealed class DeliveryRecordedWebhookConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<DeliveryRecorded>
{
    // Messages from a publisher older than the party fields carry Guid.Empty there and so reach nobody.
    public Task Consume(ConsumeContext<DeliveryRecorded> context) =>
        WebhookFanOut.StageAsync(db, context, WebhookEventTypes.DeliveryRecorded,
            new[] { context.Message.SupplierOrganisationId, context.Message.ReceiverOrganisationId }.Where(id => id != Guid.Empty),
            clock, nameof(DeliveryRecordedWebhookConsumer));
}
