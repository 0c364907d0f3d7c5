using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Fees;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Projects;

/// <summary>
/// "Month closed" for projects: a running (operating or closed) project whose plan takes a share of verified
/// savings is charged that percent of the month's savings, the supplier's plus the receiver's saving of every
/// confirmed delivery under the contracts of its deals (the deals of its bundle and of its flows' matches), split
/// equally among its members. Keyed by project and month: a second run adds nothing.
/// </summary>
internal static class ProjectSavingsAccrual
{
    public static async Task AccrueAsync(BrokerageDbContext db, FeeAccrual accrual, string period, Guid? organisationId, CancellationToken cancellationToken)
    {
        var last = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd").AddMonths(1).AddDays(-1);
        var projects = await db.Projects.AsNoTracking().Include(p => p.Participants).Include(p => p.Flows).AsSplitQuery()
            .Where(p => p.FeePlanCode != null && (p.Stage == ProjectStages.Operating || p.Stage == ProjectStages.Closed))
            .ToListAsync(cancellationToken);
        foreach (var project in projects)
        {
            if (await accrual.PlanInForceAsync(project.FeePlanCode, last, cancellationToken) is not { ProjectSavingsPercent: > 0 } plan)
            {
                continue;
            }

            var matches = project.Flows.Where(f => f.MatchId != null).Select(f => f.MatchId!.Value).Append(project.BundleMatchId ?? Guid.Empty).Distinct().ToList();
            var savings = await (from impact in db.Impact
                                 join contract in db.Contracts on impact.ContractId equals contract.Id
                                 join deal in db.Deals on contract.DealId equals deal.Id
                                 where impact.Period == period && matches.Contains(deal.MatchId)
                                 select impact.SupplierSavingEur + impact.ReceiverSavingEur).ToListAsync(cancellationToken);
            var fee = ProjectFees.SavingsShare(savings.Sum(), plan.ProjectSavingsPercent!.Value);
            var members = project.Members().Where(m => organisationId is null || m == organisationId).ToList();
            if (fee <= 0 || members.Count == 0)
            {
                continue;
            }

            // every member's part is computed over all members, so a run for one organisation charges it only its own share
            foreach (var (payer, share) in ProjectFees.SplitEqually(fee, project.Members()).Where(p => members.Contains(p.Payer)))
            {
                await ProjectFees.StageAsync(accrual, plan, project.Id, FeeTypes.ProjectSavingsShare, LedgerSources.MonthClosed, $"project:{project.Id}:savings:{period}",
                    share, $"{plan.ProjectSavingsPercent:0.##} % of verified savings {period} of project '{project.Title}'", [payer], last, cancellationToken);
            }
        }
    }
}
