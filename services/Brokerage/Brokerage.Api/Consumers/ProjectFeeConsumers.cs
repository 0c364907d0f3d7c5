using Marketplace.Brokerage.Contracts;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Fees;
using Marketplace.Brokerage.Projects;
using Marketplace.ServiceDefaults.Outbox;
using MassTransit;

namespace Marketplace.Brokerage.Consumers;

/// <summary>Accrues the project's stage and facilitation fees under the plan in force on the day of the change.</summary>
public sealed class ProjectStageChangedConsumer(BrokerageDbContext db, FeeAccrual accrual) : IConsumer<ProjectStageChanged>
{
    public Task Consume(ConsumeContext<ProjectStageChanged> context) => db.ConsumeOnceAsync(context, nameof(ProjectStageChangedConsumer), async () =>
    {
        var m = context.Message;
        var day = DateOnly.FromDateTime(m.ChangedAt);
        if (m.FeePlanCode is not null && await accrual.PlanInForceAsync(m.FeePlanCode, day, context.CancellationToken) is { } plan)
        {
            foreach (var fee in ProjectFees.ForStage(plan, m.ProjectId, m.Title, m.To))
            {
                await ProjectFees.StageAsync(accrual, plan, m.ProjectId, fee.FeeType, LedgerSources.ProjectStageChanged, fee.Key, fee.Amount, fee.Description,
                    m.OrganisationIds, day, context.CancellationToken);
            }
        }
    });
}

/// <summary>Accrues the plan's fee per funding application submitted.</summary>
public sealed class ProjectFundingApplicationSubmittedConsumer(BrokerageDbContext db, FeeAccrual accrual) : IConsumer<ProjectFundingApplicationSubmitted>
{
    public Task Consume(ConsumeContext<ProjectFundingApplicationSubmitted> context) =>
        db.ConsumeOnceAsync(context, nameof(ProjectFundingApplicationSubmittedConsumer), async () =>
    {
        var m = context.Message;
        var day = DateOnly.FromDateTime(m.SubmittedAt);
        if (m.FeePlanCode is not null && await accrual.PlanInForceAsync(m.FeePlanCode, day, context.CancellationToken) is { FundingApplicationFee: > 0 } plan)
        {
            await ProjectFees.StageAsync(accrual, plan, m.ProjectId, FeeTypes.FundingApplication, LedgerSources.FundingApplicationSubmitted,
                $"funding:{m.ApplicationId}", plan.FundingApplicationFee!.Value, $"Funding application to {m.Programme} prepared", m.OrganisationIds, day,
                context.CancellationToken);
        }
    });
}
