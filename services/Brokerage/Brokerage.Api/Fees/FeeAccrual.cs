using Marketplace.Brokerage.Billing;
using Marketplace.Brokerage.Deliveries;
using Marketplace.Brokerage.SupplyContracts;
using Marketplace.Brokerage.Data;
using Marketplace.Listings.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Brokerage.Fees;

/// <summary>
/// Turns events into ledger entries. Every entry carries a source key built from the event's identity, so a
/// second arrival of the same event (a redelivery, or the same fact reported twice) finds the key and adds nothing.
/// Entries are staged on the context; the caller saves them with its own changes.
/// </summary>
public sealed class FeeAccrual(BrokerageDbContext db, IOptions<BillingOptions> options, TimeProvider clock)
{
    private readonly Dictionary<string, LedgerEntry> staged = new(StringComparer.Ordinal);

    public static string PeriodOf(DateOnly date) => $"{date.Year:D4}-{date.Month:D2}";

    /// <summary>The version of a plan in force on a day: the latest effective date on or before it, then the latest version.</summary>
    public async Task<FeePlan?> PlanInForceAsync(string? code, DateOnly day, CancellationToken cancellationToken)
    {
        var planCode = code ?? options.Value.DefaultFeePlanCode;
        var candidates = await db.FeePlans.AsNoTracking().Where(p => p.Code == planCode).ToListAsync(cancellationToken);
        return candidates.Where(p => p.EffectiveFrom <= day)
            .OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.Version).FirstOrDefault();
    }

    /// <summary>The flat success fee, once per contract, when both parties have signed.</summary>
    public async Task<int> AccrueContractSignedAsync(SupplyContract contract, DateOnly signedOn, CancellationToken cancellationToken)
    {
        var plan = await PlanInForceAsync(contract.FeePlanCode, signedOn, cancellationToken);
        if (plan?.SuccessFee is not { } fee || fee == 0)
        {
            return 0;
        }

        return await StageSplitAsync(plan, contract, null, FeeTypes.SuccessFee, LedgerSources.ContractSigned, $"contract:{contract.Id}",
            fee, plan.Currency, signedOn, $"Success fee, contract {Short(contract.Id)} ({contract.ResourceTitle})", cancellationToken);
    }

    /// <summary>Percentage of value and amount per unit for one confirmed delivery entry (negative for a reversing entry).</summary>
    public async Task<int> AccrueDeliveryAsync(SupplyContract contract, Delivery delivery, CancellationToken cancellationToken)
    {
        var plan = await PlanInForceAsync(contract.FeePlanCode, delivery.Date, cancellationToken);
        if (plan is null || !Units.TryConvert(delivery.Quantity, delivery.Unit, contract.QuantityUnit, out var inContractUnit))
        {
            return 0;
        }

        var written = 0;
        var what = delivery.ReversesDeliveryId is null ? "delivery" : "correction of delivery";
        var label = $"{what} {delivery.Date:yyyy-MM-dd}, {delivery.Quantity:0.###} {delivery.Unit} {contract.ResourceTitle}";
        if (plan.PercentOfValue is { } percent && percent != 0)
        {
            var value = inContractUnit * Math.Abs(contract.PricePerUnit);
            written += await StageSplitAsync(plan, contract, delivery.Id, FeeTypes.Percentage, LedgerSources.DeliveryRecorded,
                $"delivery:{delivery.Id}", value * percent / 100m, contract.Currency, delivery.Date,
                $"{percent:0.###} % of {contract.Currency} {Money.Round(value):0.00}, {label}", cancellationToken);
        }

        if (plan.AmountPerUnit is { } perUnit && perUnit != 0)
        {
            var unit = plan.PerUnit ?? contract.QuantityUnit;
            if (!Units.TryConvert(delivery.Quantity, delivery.Unit, unit, out var inPlanUnit))
            {
                unit = contract.QuantityUnit;
                inPlanUnit = inContractUnit;
            }

            written += await StageSplitAsync(plan, contract, delivery.Id, FeeTypes.PerUnit, LedgerSources.DeliveryRecorded,
                $"delivery:{delivery.Id}", inPlanUnit * perUnit, plan.Currency, delivery.Date,
                $"{plan.Currency} {perUnit:0.00##} per {unit} × {inPlanUnit:0.###}, {label}", cancellationToken);
        }

        return written;
    }

    /// <summary>"Month closed": one membership fee per organisation and month in which it had an active contract.</summary>
    public async Task<int> AccrueMembershipsAsync(string period, Guid? organisationId, CancellationToken cancellationToken)
    {
        var first = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd");
        var last = first.AddMonths(1).AddDays(-1);
        var monthStart = first.ToDateTime(TimeOnly.MinValue);
        var monthEnd = last.ToDateTime(TimeOnly.MaxValue);
        var contracts = await db.Contracts.AsNoTracking()
            .Where(c => c.ActivatedAt != null && c.ActivatedAt <= monthEnd && (c.EndedAt == null || c.EndedAt >= monthStart))
            .Select(c => new { c.SupplierOrganisationId, c.ReceiverOrganisationId, c.FeePlanCode })
            .ToListAsync(cancellationToken);
        var plans = new Dictionary<string, FeePlan?>();
        var dues = new Dictionary<Guid, FeePlan>();
        foreach (var c in contracts)
        {
            var code = c.FeePlanCode ?? options.Value.DefaultFeePlanCode;
            if (!plans.TryGetValue(code, out var plan))
            {
                plans[code] = plan = await PlanInForceAsync(code, last, cancellationToken);
            }

            if (plan?.MonthlyMembership is not > 0)
            {
                continue;
            }

            foreach (var org in new[] { c.SupplierOrganisationId, c.ReceiverOrganisationId })
            {
                // One membership per organisation and month: the highest of the plans it trades under.
                if (organisationId is null || organisationId == org)
                {
                    if (!dues.TryGetValue(org, out var current) || current.MonthlyMembership < plan.MonthlyMembership)
                    {
                        dues[org] = plan;
                    }
                }
            }
        }

        var written = 0;
        foreach (var (org, plan) in dues)
        {
            written += await StageAsync(new LedgerEntry
            {
                SourceKey = $"membership:{org}:{period}",
                Source = LedgerSources.MonthClosed,
                FeeType = FeeTypes.Membership,
                PayerOrganisationId = org,
                FeePlanId = plan.Id,
                Description = $"Membership {period} ({plan.Name})",
                Amount = Money.Round(plan.MonthlyMembership!.Value),
                Currency = plan.Currency,
                Period = period,
                OccurredOn = last,
            }, cancellationToken);
        }

        return written;
    }

    /// <summary>Stages an entry unless its source key is already in the ledger (or staged). Returns 1 when staged.</summary>
    public async Task<int> StageAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        // Staged entries are remembered here rather than searched in the change tracker, which would run
        // DetectChanges over every tracked entity on each call; a cleared tracker makes the memory stale, hence the state check.
        if ((staged.TryGetValue(entry.SourceKey, out var earlier) && db.Entry(earlier).State == EntityState.Added)
            || await db.Ledger.AnyAsync(e => e.SourceKey == entry.SourceKey, cancellationToken))
        {
            return 0;
        }

        entry.Id = entry.Id == Guid.Empty ? Guid.CreateVersion7() : entry.Id;
        entry.CreatedAt = clock.GetUtcNow().UtcDateTime;
        db.Ledger.Add(entry);
        staged[entry.SourceKey] = entry;
        return 1;
    }

    private async Task<int> StageSplitAsync(FeePlan plan, SupplyContract contract, Guid? deliveryId, string feeType, string source,
        string keyPrefix, decimal amount, string currency, DateOnly day, string description, CancellationToken cancellationToken)
    {
        var parts = plan.Payer switch
        {
            Payers.Supplier => [(contract.SupplierOrganisationId, Money.Round(amount), "")],
            Payers.Receiver => [(contract.ReceiverOrganisationId, Money.Round(amount), "")],
            _ => SplitParts(contract, amount, plan.SupplierShare),
        };
        var written = 0;
        foreach (var (payer, share, note) in parts)
        {
            if (share == 0)
            {
                continue;
            }

            written += await StageAsync(new LedgerEntry
            {
                SourceKey = $"{keyPrefix}:{feeType}:{payer}",
                Source = source,
                FeeType = feeType,
                PayerOrganisationId = payer,
                ContractId = contract.Id,
                DeliveryId = deliveryId,
                FeePlanId = plan.Id,
                Description = description + note,
                Amount = share,
                Currency = currency,
                Period = PeriodOf(day),
                OccurredOn = day,
            }, cancellationToken);
        }

        return written;
    }

    private static (Guid, decimal, string)[] SplitParts(SupplyContract contract, decimal amount, decimal supplierShare)
    {
        var (supplier, receiver) = Money.Split(amount, supplierShare);
        return [(contract.SupplierOrganisationId, supplier, $" (supplier's share {supplierShare:P0})"),
            (contract.ReceiverOrganisationId, receiver, $" (receiver's share {1 - supplierShare:P0})")];
    }

    internal static string Short(Guid id) => id.ToString("N")[..8];
}
