using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Contracts;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Deals;
using Marketplace.Listings.Contracts;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Terms;

public sealed record ProposeTermsRequest(
    [property: Required] QuantityScheduleDto Quantity,
    [property: Required] PriceDto Price,
    [property: Required] string DeliveryTerms,
    [property: StringLength(50)] string? FeePlan,
    [property: StringLength(1000)] string? Note) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => TermsRules.Validate(this).AsValidationResults();
}

/// <summary>
/// POST /api/v1/deals/{id}/terms: either party or the operator proposes terms for an open deal; a new proposal
/// supersedes the open one, so the other side accepts or counters with a new version.
/// </summary>
public static class ProposeTerms
{
    public static async Task<Results<Created<TermsDto>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ProposeTermsRequest request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var deal = await db.Deals.AsNoTracking().Include(d => d.Parties).FindVisibleAsync(id, user, cancellationToken);
        if (deal is null)
        {
            return TypedResults.NotFound();
        }

        if (request.FeePlan is { } code && !await db.FeePlans.AnyAsync(p => p.Code == code, cancellationToken))
        {
            return Problems.Invalid("feePlan", $"There is no fee plan '{code}'.");
        }

        if (deal.Status != DealStatuses.Open)
        {
            return Problems.Conflict("Deal already agreed", "Terms were accepted and a contract exists; new terms cannot be proposed.");
        }

        var previous = await db.DealTerms.Where(t => t.DealId == id).OrderByDescending(t => t.Version).FirstOrDefaultAsync(cancellationToken);
        if (previous is { Status: TermsStatuses.Proposed })
        {
            previous.Status = TermsStatuses.Superseded;
        }

        var terms = NewTerms(deal, request, user.OrganisationId() ?? Guid.Empty, (previous?.Version ?? 0) + 1, clock.GetUtcNow().UtcDateTime);
        db.DealTerms.Add(terms);
        db.AddEvent(new DealTermsProposed(id, terms.Version, terms.ProposedBy,
            [.. deal.Parties.Select(p => p.OrganisationId).Where(o => o != terms.ProposedByOrganisationId).Distinct()], clock.GetUtcNow()), id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two proposals raced for the same version number: the later one must look again.
            return Problems.Conflict("Concurrent proposal", "Another proposal was made at the same moment; reload the terms and propose again.");
        }

        return TypedResults.Created($"/api/v1/deals/{id}/terms/{terms.Version}", terms.AsDto());
    }

    private static DealTerms NewTerms(Deal deal, ProposeTermsRequest request, Guid org, int version, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        DealId = deal.Id,
        Version = version,
        ProposedByOrganisationId = org,
        ProposedBy = deal.RoleOf(org) ?? PartyRoles.Operator,
        QuantityAmount = request.Quantity.Amount,
        QuantityUnit = Units.Canonical(request.Quantity.Unit)!,
        QuantityPeriod = request.Quantity.Period,
        StartDate = request.Quantity.Start,
        EndDate = request.Quantity.End,
        PricePerUnit = request.Price.PerUnit,
        Currency = request.Price.Currency,
        DeliveryTerms = request.DeliveryTerms,
        FeePlanCode = request.FeePlan,
        Note = request.Note,
        ProposedAt = now,
    };
}
