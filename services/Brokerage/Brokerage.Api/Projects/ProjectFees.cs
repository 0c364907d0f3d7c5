using Marketplace.Brokerage.Fees;

namespace Marketplace.Brokerage.Projects;

/// <summary>
/// What a facilitator bills for a project, through the ledger: the plan's facilitation fee once when the project
/// reaches agreement, its stage fee for each stage reached, its fee per funding application submitted. Each fee is
/// split equally among the project's members (rounded parts that add up to the whole) and keyed by the fact that
/// caused it, so a redelivered event adds nothing.
/// </summary>
public static class ProjectFees
{
    /// <summary>Equal rounded parts that add up exactly to the rounded total; the last payer takes the remainder.</summary>
    public static IReadOnlyList<(Guid Payer, decimal Amount)> SplitEqually(decimal total, IReadOnlyList<Guid> payers)
    {
        if (payers.Count == 0)
        {
            return [];
        }

        var rounded = Money.Round(total);
        var part = Money.Round(rounded / payers.Count);
        return [.. payers.Select((p, i) => (p, i < payers.Count - 1 ? part : rounded - (part * (payers.Count - 1))))];
    }

    /// <summary>The facilitator's share of verified savings: percent × savings when the savings are positive, else nothing.</summary>
    public static decimal SavingsShare(decimal savings, decimal percent) => savings > 0 ? Money.Round(savings * percent / 100m) : 0m;

    /// <summary>The fees a stage change causes under a plan: (fee type, key, amount, description).</summary>
    public static IEnumerable<(string FeeType, string Key, decimal Amount, string Description)> ForStage(FeePlan plan, Guid projectId, string title, string to)
    {
        if (ProjectStages.Rank(to) >= 1 && plan.ProjectStageFee is > 0)
        {
            yield return (FeeTypes.ProjectStage, $"project:{projectId}:stage:{to}", plan.ProjectStageFee.Value, $"Project '{title}' reached {to}");
        }

        if (to == ProjectStages.Agreement && plan.ProjectFacilitationFee is > 0)
        {
            yield return (FeeTypes.ProjectFacilitation, $"project:{projectId}:facilitation", plan.ProjectFacilitationFee.Value, $"Facilitation of project '{title}' to agreement");
        }
    }

    public static async Task<int> StageAsync(FeeAccrual accrual, FeePlan plan, Guid projectId, string feeType, string source, string key, decimal amount,
        string description, IReadOnlyList<Guid> members, DateOnly day, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var (payer, share) in SplitEqually(amount, members))
        {
            if (share == 0)
            {
                continue;
            }

            written += await accrual.StageAsync(new LedgerEntry
            {
                SourceKey = $"{key}:{payer}",
                Source = source,
                FeeType = feeType,
                PayerOrganisationId = payer,
                ProjectId = projectId,
                FeePlanId = plan.Id,
                Description = members.Count > 1 ? $"{description} (1/{members.Count} share)" : description,
                Amount = share,
                Currency = plan.Currency,
                Period = FeeAccrual.PeriodOf(day),
                OccurredOn = day,
            }, cancellationToken);
        }

        return written;
    }
}
