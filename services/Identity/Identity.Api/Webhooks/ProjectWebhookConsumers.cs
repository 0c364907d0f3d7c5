using Marketplace.Brokerage.Contracts;
using MassTransit;

namespace Marketplace.Identity.Webhooks;

/// <summary>A project's joined participants learn of each stage change; the recipients' ids stay out of <c>data</c>.</summary>
public sealed class ProjectStageChangedWebhookConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<ProjectStageChanged>
{
    public Task Consume(ConsumeContext<ProjectStageChanged> context)
    {
        var m = context.Message;
        return WebhookFanOut.StageAsync(db, context, WebhookEventTypes.ProjectStageChanged, m.OrganisationIds, clock, nameof(ProjectStageChangedWebhookConsumer),
            new { m.ProjectId, m.Title, m.From, m.To, m.Reason, m.ChangedAt });
    }
}

/// <summary>Who signed what kind of commitment and whether the minimum viable scale is covered; never the quantity (the signer may not have consented).</summary>
public sealed class ProjectCommitmentSignedWebhookConsumer(IdentityDataContext db, TimeProvider clock) : IConsumer<ProjectCommitmentSigned>
{
    public Task Consume(ConsumeContext<ProjectCommitmentSigned> context)
    {
        var m = context.Message;
        return WebhookFanOut.StageAsync(db, context, WebhookEventTypes.ProjectCommitmentSigned, m.OrganisationIds, clock, nameof(ProjectCommitmentSignedWebhookConsumer),
            new { m.ProjectId, m.CommitmentId, m.OrganisationId, m.Kind, m.Version, m.CoversMinimumViableScale, m.SignedAt });
    }
}
