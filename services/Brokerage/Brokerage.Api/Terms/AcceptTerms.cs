using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Deals;
using Marketplace.Brokerage.Fees;
using Marketplace.ServiceDefaults.Http;
using Marketplace.Brokerage.SupplyContracts;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Terms;

/// <summary>POST /api/v1/deals/{id}/terms/{version}/accept: the other side accepts the latest proposal; the accepted terms become a draft supply contract.</summary>
public static class AcceptTerms
{
    public static async Task<Results<Ok<TermsAcceptedDto>, NotFound, ProblemHttpResult>> Handle(
        Guid id, int version, ClaimsPrincipal user, BrokerageDbContext db, FeeAccrual fees, TimeProvider clock, CancellationToken cancellationToken)
    {
        var deal = await db.Deals.Include(d => d.Parties).FindVisibleAsync(id, user, cancellationToken);
        var terms = deal is null ? null : await db.DealTerms.FirstOrDefaultAsync(t => t.DealId == id && t.Version == version, cancellationToken);
        if (deal is null || terms is null)
        {
            return TypedResults.NotFound();
        }

        var org = user.OrganisationId() ?? Guid.Empty;
        var side = deal.RoleOf(org) ?? (user.IsOperator() ? PartyRoles.Operator : null);
        var error = TermsRules.CanAccept(terms.Status, terms.ProposedBy, terms.ProposedByOrganisationId, side, org);
        if (error is not null)
        {
            return Problems.Conflict("Terms cannot be accepted", error);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        terms.Status = TermsStatuses.Accepted;
        terms.AcceptedAt = now;
        terms.AcceptedByOrganisationId = org;
        deal.Status = DealStatuses.Agreed;
        var plan = await fees.PlanInForceAsync(terms.FeePlanCode, DateOnly.FromDateTime(now), cancellationToken);
        var contract = DraftContract(deal, terms, plan?.Code, plan?.Id, now);
        db.Contracts.Add(contract);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("Deal already agreed", "Terms of this deal were accepted at the same moment by another request.");
        }

        return TypedResults.Ok(new TermsAcceptedDto(terms.AsDto(), contract.Id));
    }

    private static SupplyContract DraftContract(Deal deal, DealTerms terms, string? planCode, Guid? planId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        DealId = deal.Id,
        TermsId = terms.Id,
        TermsVersion = terms.Version,
        SupplierOrganisationId = deal.Supplier.OrganisationId,
        ReceiverOrganisationId = deal.Receiver.OrganisationId,
        ResourceTitle = deal.ResourceTitle,
        EwcCode = deal.EwcCode,
        ResourceClass = deal.ResourceClass,
        DistanceKm = deal.DistanceKm,
        QuantityAmount = terms.QuantityAmount,
        QuantityUnit = terms.QuantityUnit,
        QuantityPeriod = terms.QuantityPeriod,
        StartDate = terms.StartDate,
        EndDate = terms.EndDate,
        PricePerUnit = terms.PricePerUnit,
        Currency = terms.Currency,
        DeliveryTerms = terms.DeliveryTerms,
        FeePlanCode = terms.FeePlanCode ?? planCode,
        FeePlanId = planId,
        CreatedAt = now,
    };
}
