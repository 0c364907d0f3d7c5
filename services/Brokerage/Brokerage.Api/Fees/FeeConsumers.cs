using Marketplace.Brokerage.Contracts;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Deliveries;
using Marketplace.Brokerage.Fees;
using Marketplace.ServiceDefaults.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Fees;

/// <summary>Accrues the success fee. The inbox skips a redelivered message; the ledger's source key skips the same fact sent twice.</summary>
public sealed class ContractSignedConsumer(BrokerageDbContext db, FeeAccrual accrual) : IConsumer<ContractSigned>
{
    public Task Consume(ConsumeContext<ContractSigned> context) => db.ConsumeOnceAsync(context, nameof(ContractSignedConsumer), async () =>
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == context.Message.ContractId, context.CancellationToken);
        if (contract is not null)
        {
            await accrual.AccrueContractSignedAsync(contract, context.Message.SignedOn, context.CancellationToken);
        }
    });
}

/// <summary>Accrues the delivery fees for a confirmed entry (a reversing entry accrues negative fees).</summary>
public sealed class DeliveryRecordedConsumer(BrokerageDbContext db, FeeAccrual accrual) : IConsumer<DeliveryRecorded>
{
    public async Task Consume(ConsumeContext<DeliveryRecorded> context)
    {
        var m = context.Message;
        if (m.Status != DeliveryStatuses.Confirmed || await db.HasProcessedAsync(context, nameof(DeliveryRecordedConsumer)))
        {
            return;
        }

        var delivery = await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == m.DeliveryId, context.CancellationToken);
        var contract = delivery is null ? null : await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == delivery.ContractId, context.CancellationToken);
        if (delivery is { Status: DeliveryStatuses.Confirmed } && contract is not null)
        {
            await accrual.AccrueDeliveryAsync(contract, delivery, context.CancellationToken);
        }

        db.MarkProcessed(context, nameof(DeliveryRecordedConsumer));
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same delivery accrued by a concurrent consumer between our check and our insert: nothing to add.
            if (!await AlreadyAccruedAsync(m.DeliveryId, context.CancellationToken))
            {
                throw;
            }
        }
    }

    private async Task<bool> AlreadyAccruedAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Ledger.AnyAsync(e => e.DeliveryId == deliveryId, cancellationToken);
    }
}
