using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Impact;
using Marketplace.Brokerage.SupplyContracts;
using Microsoft.EntityFrameworkCore;
using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Deliveries;

/// <summary>What the delivery use cases share: finding a delivery of a contract the caller sees, and booking its impact.</summary>
internal static class DeliveryAccess
{
    public static async Task<(SupplyContract? Contract, Delivery? Delivery)> FindAsync(
        BrokerageDbContext db, Guid contractId, Guid deliveryId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.AsNoTracking().FindVisibleAsync(contractId, user, cancellationToken);
        var delivery = contract is null ? null : await db.Deliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.ContractId == contractId, cancellationToken);
        return (contract, delivery);
    }

    public static async Task AddImpactAsync(BrokerageDbContext db, ImpactFactors factors, SupplyContract contract, Delivery delivery, CancellationToken cancellationToken)
    {
        var country = await db.Organisations.Where(o => o.Id == contract.SupplierOrganisationId).Select(o => o.Country).FirstOrDefaultAsync(cancellationToken);
        db.Impact.Add(ImpactCalculator.Calculate(contract, delivery, factors, country));
    }
}
