using Marketplace.Brokerage.Contracts;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Fees;
using Marketplace.Brokerage.Projects;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Brokerage.Billing;

public sealed record BillingRunResult(BillingRun Run, IReadOnlyList<Invoice> Invoices);

/// <summary>
/// Everything that numbers or bills runs in one transaction that first updates the <c>billing</c> lock row.
/// On SQLite the transaction is <c>BEGIN IMMEDIATE</c> (one writer at a time); on SQL Server the row's exclusive
/// lock is held to commit. Either way two runs never see the same unbilled entries or the same counter value, so
/// numbers are gapless and unique, and a number is only taken by a transaction that also commits the invoice.
/// </summary>
public sealed class BillingService(BrokerageDbContext db, FeeAccrual accrual, IOptions<BillingOptions> options,
    [FromKeyedServices(BillingPeriod.ClockKey)] TimeProvider clock)
{
    public const string LockName = "billing";

    /// <summary>The counters this transaction holds, so a run issuing many invoices reads each counter row once.</summary>
    private readonly Dictionary<(string Series, int Year), InvoiceCounter> counters = [];

    public Task<BillingRunResult> RunAsync(string period, Guid? organisationId, bool issue, CancellationToken cancellationToken) =>
        InBillingTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var run = new BillingRun { Id = Guid.CreateVersion7(), Period = period, OrganisationId = organisationId, StartedAt = now };
            var firstActivated = await db.Contracts.Where(c => c.ActivatedAt != null).MinAsync(c => c.ActivatedAt, cancellationToken);
            foreach (var month in BillingPeriod.MonthsUpTo(period, firstActivated is { } first ? DateOnly.FromDateTime(first) : null))
            {
                await accrual.AccrueMembershipsAsync(month, organisationId, cancellationToken);
                await ProjectSavingsAccrual.AccrueAsync(db, accrual, month, organisationId, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);

            var entries = await Unbilled(period, organisationId).AsNoTracking().ToListAsync(cancellationToken);
            var invoices = new List<Invoice>();
            foreach (var group in entries.GroupBy(e => (e.PayerOrganisationId, e.Currency)).OrderBy(g => g.Key.PayerOrganisationId))
            {
                var invoice = await BuildAsync(group.Key.PayerOrganisationId, group.Key.Currency, period, run.Id,
                    [.. group.OrderBy(e => e.OccurredOn).ThenBy(e => e.Id)], cancellationToken);
                if (invoice.Lines.Count == 0)
                {
                    continue;
                }

                db.Invoices.Add(invoice);
                if (issue)
                {
                    await IssueInTransactionAsync(invoice, cancellationToken);
                }

                invoices.Add(invoice);
            }

            run.EntriesBilled = invoices.Sum(i => i.Lines.Count(l => l.LedgerEntryId != null));
            run.InvoicesIssued = invoices.Count(i => i.Status == InvoiceStatuses.Issued);
            run.FinishedAt = clock.GetUtcNow().UtcDateTime;
            db.BillingRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            return new BillingRunResult(run, invoices);
        }, cancellationToken);

    /// <summary>Issues a draft: takes the next number of its series and year.</summary>
    public Task<(Invoice? Invoice, string? Error)> IssueAsync(Guid invoiceId, CancellationToken cancellationToken) =>
        InBillingTransactionAsync<(Invoice?, string?)>(async () =>
        {
            var invoice = await db.Invoices.Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
            if (invoice is null)
            {
                return (null, null);
            }

            if (invoice.Status != InvoiceStatuses.Draft)
            {
                return (invoice, $"The invoice is {invoice.Status}; only a draft can be issued.");
            }

            await IssueInTransactionAsync(invoice, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return (invoice, null);
        }, cancellationToken);

    /// <summary>Voids an issued invoice by issuing a credit note that mirrors it; a draft is simply voided (it has no number).</summary>
    public Task<(Invoice? Invoice, Invoice? CreditNote, string? Error)> VoidAsync(Guid invoiceId, string reason, CancellationToken cancellationToken) =>
        InBillingTransactionAsync<(Invoice?, Invoice?, string?)>(async () =>
        {
            var invoice = await db.Invoices.Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
            if (invoice is null)
            {
                return (null, null, null);
            }

            var error = invoice switch
            {
                { Series: InvoiceSeries.CreditNote } => "A credit note cannot be voided; issue a new invoice instead.",
                { Status: InvoiceStatuses.Void } => "The invoice is already void.",
                { Status: InvoiceStatuses.Paid } => "A paid invoice cannot be voided; refund it with a manual credit instead.",
                _ => null,
            };
            if (error is not null)
            {
                return (invoice, null, error);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var wasIssued = invoice.Status == InvoiceStatuses.Issued;
            invoice.Status = InvoiceStatuses.Void;
            invoice.VoidedAt = now;
            invoice.VoidReason = reason;
            Invoice? credit = null;
            if (wasIssued)
            {
                credit = new Invoice
                {
                    Id = Guid.CreateVersion7(),
                    Series = InvoiceSeries.CreditNote,
                    OrganisationId = invoice.OrganisationId,
                    CustomerName = invoice.CustomerName,
                    Currency = invoice.Currency,
                    Period = invoice.Period,
                    Net = -invoice.Net,
                    VatRate = invoice.VatRate,
                    Vat = -invoice.Vat,
                    Total = -invoice.Total,
                    ReverseCharge = invoice.ReverseCharge,
                    VatNote = invoice.VatNote,
                    RelatedInvoiceId = invoice.Id,
                    CreatedAt = now,
                    Lines = [.. invoice.Lines.OrderBy(l => l.LineNo).Select(l => new InvoiceLine
                    {
                        Id = Guid.CreateVersion7(),
                        LineNo = l.LineNo,
                        FeeType = l.FeeType,
                        Description = $"Credit: {l.Description}",
                        Amount = -l.Amount,
                    })],
                };
                InvoiceParties.Copy(invoice, credit);
                db.Invoices.Add(credit);
                await IssueInTransactionAsync(credit, cancellationToken);
                invoice.RelatedInvoiceId = credit.Id;
            }

            await db.SaveChangesAsync(cancellationToken);
            return (invoice, credit, null);
        }, cancellationToken);

    /// <summary>Ledger entries of the period (or earlier) that are on no invoice; a voided draft releases its entries.</summary>
    public IQueryable<LedgerEntry> Unbilled(string period, Guid? organisationId)
    {
        var query = db.Ledger.Where(e => string.Compare(e.Period, period) <= 0
            && !db.InvoiceLines.Any(l => l.LedgerEntryId == e.Id
                && db.Invoices.Any(i => i.Id == l.InvoiceId && (i.Status != InvoiceStatuses.Void || i.Number != null))));
        return organisationId is { } org ? query.Where(e => e.PayerOrganisationId == org) : query;
    }

    private async Task<Invoice> BuildAsync(Guid organisationId, string currency, string period, Guid runId, List<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var org = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        var invoice = new Invoice
        {
            Id = Guid.CreateVersion7(),
            Series = InvoiceSeries.Invoice,
            OrganisationId = organisationId,
            CustomerName = "",
            Currency = currency,
            Period = period,
            BillingRunId = runId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        InvoiceParties.Stamp(invoice, org, options.Value);

        // The plan's minimum and maximum per invoice apply to the fees it sets (not to manual charges or membership).
        var caps = new List<LedgerEntry>();
        foreach (var byPlan in entries.Where(e => e.FeePlanId != null && FeeTypes.IsCapped(e.FeeType)).GroupBy(e => e.FeePlanId!.Value))
        {
            var plan = await db.FeePlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == byPlan.Key, cancellationToken);
            if (plan is null || plan.Currency != currency)
            {
                continue;
            }

            var adjustment = CapAdjustment(byPlan.Sum(e => e.Amount), plan.MinimumPerInvoice, plan.MaximumPerInvoice);
            if (adjustment is { } cap)
            {
                var entry = CapEntry(invoice, plan, cap.Amount, clock.GetUtcNow().UtcDateTime);
                db.Ledger.Add(entry);
                caps.Add(entry);
            }
        }

        var lineNo = 0;
        foreach (var e in entries.Concat(caps))
        {
            invoice.Lines.Add(new InvoiceLine { Id = Guid.CreateVersion7(), InvoiceId = invoice.Id, LineNo = ++lineNo, LedgerEntryId = e.Id, FeeType = e.FeeType, Description = e.Description, Amount = e.Amount });
        }

        var vat = Vat.For(invoice.SellerParty(), invoice.CustomerParty(), options.Value.VatRates);
        invoice.Net = invoice.Lines.Sum(l => l.Amount);
        if (invoice.Net < 0)
        {
            invoice.Series = InvoiceSeries.CreditNote;
        }

        invoice.VatRate = vat.Rate;
        invoice.ReverseCharge = vat.ReverseCharge;
        invoice.VatNote = vat.Note;
        invoice.Vat = Vat.Amount(invoice.Net, vat.Rate);
        invoice.Total = invoice.Net + invoice.Vat;
        return invoice;
    }

    /// <summary>The ledger entry that applies plan <paramref name="plan"/>'s minimum (a positive amount) or maximum (negative) to an invoice.</summary>
    private static LedgerEntry CapEntry(Invoice invoice, FeePlan plan, decimal amount, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        SourceKey = $"cap:{invoice.Id}:{plan.Id}",
        Source = LedgerSources.InvoiceCap,
        FeeType = amount > 0 ? FeeTypes.Minimum : FeeTypes.Maximum,
        PayerOrganisationId = invoice.OrganisationId,
        FeePlanId = plan.Id,
        Description = amount > 0
            ? $"Minimum per invoice {invoice.Currency} {plan.MinimumPerInvoice:0.00} ({plan.Name})"
            : $"Maximum per invoice {invoice.Currency} {plan.MaximumPerInvoice:0.00} ({plan.Name})",
        Amount = amount,
        Currency = invoice.Currency,
        Period = invoice.Period,
        OccurredOn = DateOnly.FromDateTime(now),
        CreatedAt = now,
    };

    /// <summary>The line that brings a plan's subtotal up to its minimum or down to its maximum; null when within both.</summary>
    public static (decimal Amount, string Kind)? CapAdjustment(decimal subtotal, decimal? minimum, decimal? maximum)
    {
        if (minimum is { } min && subtotal > 0 && subtotal < min)
        {
            return (Money.Round(min - subtotal), FeeTypes.Minimum);
        }

        if (maximum is { } max && subtotal > max)
        {
            return (Money.Round(max - subtotal), FeeTypes.Maximum);
        }

        return null;
    }

    private async Task IssueInTransactionAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!counters.TryGetValue((invoice.Series, today.Year), out var counter))
        {
            counter = await db.InvoiceCounters.FirstOrDefaultAsync(c => c.Series == invoice.Series && c.Year == today.Year, cancellationToken);
            if (counter is null)
            {
                counter = new InvoiceCounter { Series = invoice.Series, Year = today.Year };
                db.InvoiceCounters.Add(counter);
            }

            counters[(invoice.Series, today.Year)] = counter;
        }

        counter.LastNumber++;
        invoice.Year = today.Year;
        invoice.Sequence = counter.LastNumber;
        invoice.Number = InvoiceSeries.Format(invoice.Series, today.Year, counter.LastNumber);
        invoice.Status = InvoiceStatuses.Issued;
        invoice.IssueDate = today;
        invoice.DueDate = today.AddDays(options.Value.PaymentTermsDays);
        db.AddEvent(new InvoiceIssued(invoice.Id, invoice.Number, invoice.OrganisationId, invoice.Total, invoice.Currency, invoice.DueDate.Value), invoice.Id.ToString());
    }

    private async Task<T> InBillingTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            counters.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.BillingLocks.Where(l => l.Name == LockName)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Version, l => l.Version + 1), cancellationToken);
            var result = await work();
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }
}
