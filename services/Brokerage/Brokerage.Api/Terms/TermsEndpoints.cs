using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Deals;
using Marketplace.Brokerage.Deliveries;
using Marketplace.Brokerage.Fees;
using Marketplace.Brokerage.Http;
using Marketplace.Brokerage.SupplyContracts;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Terms;

public sealed record QuantityScheduleDto(
    [property: Range(typeof(decimal), "0.000001", "1000000000000")] decimal Amount,
    [property: Required, StringLength(10)] string Unit,
    [property: Required, StringLength(10)] string Period,
    DateOnly Start,
    DateOnly End);

public sealed record PriceDto(decimal PerUnit, [property: Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "currency must be an ISO 4217 code such as EUR.")] string Currency);

public sealed record ProposeTermsRequest(
    [property: Required] QuantityScheduleDto Quantity,
    [property: Required] PriceDto Price,
    [property: Required] string DeliveryTerms,
    [property: StringLength(50)] string? FeePlan,
    [property: StringLength(1000)] string? Note);

public sealed record TermsDto(
    Guid Id, Guid DealId, int Version, string Status, Guid ProposedByOrganisationId, string ProposedBy,
    QuantityScheduleDto Quantity, PriceDto Price, string DeliveryTerms, string? FeePlan, string? Note,
    DateTime ProposedAt, Guid? AcceptedByOrganisationId, DateTime? AcceptedAt);

public sealed record TermsListDto(IReadOnlyList<TermsDto> Items);

public sealed record TermsAcceptedDto(TermsDto Terms, Guid ContractId);

/// <summary>Either party or the operator proposes; the other side accepts or counters with a new version.</summary>
public static class TermsEndpoints
{
    private static readonly string[] Periods = ["day", "week", "month", "quarter", "year", "once"];
    private static readonly string[] DeliveryTermValues = ["collected", "delivered"];

    public static IEndpointRouteBuilder MapTermsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/deals/{id:guid}/terms").WithTags("Deals");
        group.MapGet("/", ListTerms).WithName(nameof(ListTerms)).RequireScope(Scopes.BrokerageRead);
        group.MapPost("/", ProposeTerms).WithName(nameof(ProposeTerms)).RequireScope(Scopes.BrokerageWrite);
        group.MapPost("/{version:int}/accept", AcceptTerms).WithName(nameof(AcceptTerms)).RequireScope(Scopes.BrokerageWrite);
        return app;
    }

    public static async Task<Results<Ok<TermsListDto>, NotFound>> ListTerms(Guid id, ClaimsPrincipal user, BrokerageDbContext db, CancellationToken cancellationToken)
    {
        if (await VisibleDealAsync(db, id, user, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var terms = await db.DealTerms.AsNoTracking().Where(t => t.DealId == id).OrderBy(t => t.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(new TermsListDto([.. terms.Select(t => t.AsDto())]));
    }

    public static async Task<Results<Created<TermsDto>, NotFound, ValidationProblem, ProblemHttpResult>> ProposeTerms(
        Guid id, ProposeTermsRequest request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var deal = await VisibleDealAsync(db, id, user, cancellationToken);
        if (deal is null)
        {
            return TypedResults.NotFound();
        }

        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (request.FeePlan is { } code && !await db.FeePlans.AnyAsync(p => p.Code == code, cancellationToken))
        {
            return Problems.Invalid("feePlan", $"There is no fee plan '{code}'.");
        }

        if (deal.Status != DealStatuses.Open)
        {
            return Problems.Conflict("Deal already agreed", "Terms were accepted and a contract exists; new terms cannot be proposed.");
        }

        var org = user.OrganisationId() ?? Guid.Empty;
        var previous = await db.DealTerms.Where(t => t.DealId == id).OrderByDescending(t => t.Version).FirstOrDefaultAsync(cancellationToken);
        if (previous is { Status: TermsStatuses.Proposed })
        {
            previous.Status = TermsStatuses.Superseded;
        }

        var terms = new DealTerms
        {
            Id = Guid.CreateVersion7(),
            DealId = id,
            Version = (previous?.Version ?? 0) + 1,
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
            ProposedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.DealTerms.Add(terms);
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

    /// <summary>The other side accepts the latest proposal; the accepted terms become a draft supply contract.</summary>
    public static async Task<Results<Ok<TermsAcceptedDto>, NotFound, ProblemHttpResult>> AcceptTerms(
        Guid id, int version, ClaimsPrincipal user, BrokerageDbContext db, FeeAccrual fees, TimeProvider clock, CancellationToken cancellationToken)
    {
        var deal = await VisibleDealAsync(db, id, user, cancellationToken, track: true);
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
        var contract = new SupplyContract
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
            FeePlanCode = terms.FeePlanCode ?? plan?.Code,
            FeePlanId = plan?.Id,
            CreatedAt = now,
        };
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

    internal static async Task<Deal?> VisibleDealAsync(BrokerageDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken, bool track = false)
    {
        var query = track ? db.Deals : db.Deals.AsNoTracking();
        var deal = await query.Include(d => d.Parties).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return deal is not null && (user.IsOperator() || deal.IsParty(user.OrganisationId() ?? Guid.Empty)) ? deal : null;
    }

    private static Dictionary<string, string[]> Validate(ProposeTermsRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (Units.Canonical(r.Quantity.Unit) is null)
        {
            errors["quantity.unit"] = [$"unit must be one of: {string.Join(", ", Units.All)}."];
        }

        if (!Periods.Contains(r.Quantity.Period))
        {
            errors["quantity.period"] = [$"period must be one of: {string.Join(", ", Periods)}."];
        }

        if (r.Quantity.Start == default || r.Quantity.End == default || r.Quantity.End < r.Quantity.Start)
        {
            errors["quantity.end"] = ["start and end are required and end must not be before start."];
        }

        if (!DeliveryTermValues.Contains(r.DeliveryTerms))
        {
            errors["deliveryTerms"] = ["deliveryTerms must be 'collected' or 'delivered'."];
        }

        if (Math.Abs(r.Price.PerUnit) > 1_000_000_000m)
        {
            errors["price.perUnit"] = ["perUnit is out of range."];
        }

        return errors;
    }

    internal static TermsDto AsDto(this DealTerms t) => new(
        t.Id, t.DealId, t.Version, t.Status, t.ProposedByOrganisationId, t.ProposedBy,
        new QuantityScheduleDto(t.QuantityAmount, t.QuantityUnit, t.QuantityPeriod, t.StartDate, t.EndDate),
        new PriceDto(t.PricePerUnit, t.Currency), t.DeliveryTerms, t.FeePlanCode, t.Note, t.ProposedAt, t.AcceptedByOrganisationId, t.AcceptedAt);
}

/// <summary>Who may accept which proposal, as a pure function.</summary>
public static class TermsRules
{
    /// <summary>Null when <paramref name="side"/> may accept; otherwise why not.</summary>
    public static string? CanAccept(string status, string proposedBy, Guid proposedByOrganisation, string? side, Guid organisation)
    {
        if (status == TermsStatuses.Accepted)
        {
            return "These terms are already accepted.";
        }

        if (status == TermsStatuses.Superseded)
        {
            return "These terms were superseded by a later proposal; only the latest version can be accepted.";
        }

        if (side is null)
        {
            return "Only a party to the deal or the operator can accept terms.";
        }

        if (side == proposedBy || organisation == proposedByOrganisation)
        {
            return $"The {proposedBy} proposed these terms; they must be accepted by the other party.";
        }

        return null;
    }
}
