using System.ComponentModel.DataAnnotations;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Marketplace.Listings.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Fees;

public sealed record CreateFeePlanRequest(
    [property: Required, RegularExpression("^[a-z0-9][a-z0-9-]{1,49}$", ErrorMessage = "code must be 2-50 lower-case letters, digits or dashes.")] string Code,
    [property: Required, StringLength(200, MinimumLength = 2)] string Name,
    [property: Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "currency must be an ISO 4217 code such as EUR.")] string Currency,
    DateOnly EffectiveFrom,
    [property: Range(typeof(decimal), "0", "100")] decimal? PercentOfValue,
    [property: Range(typeof(decimal), "0", "1000000")] decimal? AmountPerUnit,
    [property: StringLength(10)] string? PerUnit,
    [property: Range(typeof(decimal), "0", "10000000")] decimal? SuccessFee,
    [property: Range(typeof(decimal), "0", "1000000")] decimal? MonthlyMembership,
    [property: Range(typeof(decimal), "0", "100000000")] decimal? MinimumPerInvoice,
    [property: Range(typeof(decimal), "0", "100000000")] decimal? MaximumPerInvoice,
    [property: Required] string Payer,
    [property: Range(typeof(decimal), "0", "1")] decimal? SupplierShare,
    [property: Range(typeof(decimal), "0", "10000000")] decimal? ProjectFacilitationFee = null,
    [property: Range(typeof(decimal), "0", "10000000")] decimal? ProjectStageFee = null,
    [property: Range(typeof(decimal), "0", "10000000")] decimal? FundingApplicationFee = null,
    [property: Range(typeof(decimal), "0", "100")] decimal? ProjectSavingsPercent = null) : IValidatableObject
{
    private static readonly string[] PayerValues = [Payers.Supplier, Payers.Receiver, Payers.Split];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!PayerValues.Contains(Payer))
        {
            yield return new("payer must be 'supplier', 'receiver' or 'split'.", ["payer"]);
        }

        if (EffectiveFrom == default)
        {
            yield return new("effectiveFrom is required (yyyy-MM-dd).", ["effectiveFrom"]);
        }

        if (PerUnit is { } unit && Units.Canonical(unit) is null)
        {
            yield return new($"perUnit must be one of: {string.Join(", ", Units.All)}.", ["perUnit"]);
        }

        if (this is { MinimumPerInvoice: { } min, MaximumPerInvoice: { } max } && min > max)
        {
            yield return new("minimumPerInvoice must not exceed maximumPerInvoice.", ["minimumPerInvoice"]);
        }
    }
}

/// <summary>POST /api/v1/fee-plans (operator): adds a version of a code, effective from a date; nothing is overwritten.</summary>
public static class CreateFeePlan
{
    public static async Task<Results<Created<FeePlanDto>, ValidationProblem, ProblemHttpResult>> Handle(
        CreateFeePlanRequest request, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var last = await db.FeePlans.Where(p => p.Code == request.Code).MaxAsync(p => (int?)p.Version, cancellationToken) ?? 0;
        var plan = new FeePlan
        {
            Id = Guid.CreateVersion7(),
            Code = request.Code,
            Version = last + 1,
            Name = request.Name.Trim(),
            Currency = request.Currency,
            EffectiveFrom = request.EffectiveFrom,
            PercentOfValue = request.PercentOfValue,
            AmountPerUnit = request.AmountPerUnit,
            PerUnit = request.PerUnit is null ? null : Units.Canonical(request.PerUnit),
            SuccessFee = request.SuccessFee,
            MonthlyMembership = request.MonthlyMembership,
            MinimumPerInvoice = request.MinimumPerInvoice,
            MaximumPerInvoice = request.MaximumPerInvoice,
            Payer = request.Payer,
            SupplierShare = request.Payer == Payers.Split ? request.SupplierShare ?? 0.5m : request.Payer == Payers.Supplier ? 1m : 0m,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ProjectFacilitationFee = request.ProjectFacilitationFee,
            ProjectStageFee = request.ProjectStageFee,
            FundingApplicationFee = request.FundingApplicationFee,
            ProjectSavingsPercent = request.ProjectSavingsPercent,
        };
        db.FeePlans.Add(plan);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("Concurrent version", $"Another version of '{request.Code}' was added at the same moment; retry.");
        }

        return TypedResults.Created($"/api/v1/fee-plans/{plan.Id}", plan.AsDto());
    }
}
