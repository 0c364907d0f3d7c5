namespace Marketplace.Brokerage.Fees;

public sealed record FeePlanDto(
    Guid Id, string Code, int Version, string Name, string Currency, DateOnly EffectiveFrom, decimal? PercentOfValue,
    decimal? AmountPerUnit, string? PerUnit, decimal? SuccessFee, decimal? MonthlyMembership, decimal? MinimumPerInvoice,
    decimal? MaximumPerInvoice, string Payer, decimal SupplierShare, DateTime CreatedAt,
    decimal? ProjectFacilitationFee, decimal? ProjectStageFee, decimal? FundingApplicationFee, decimal? ProjectSavingsPercent);

internal static class FeePlanMapping
{
    public static FeePlanDto AsDto(this FeePlan p) => new(
        p.Id, p.Code, p.Version, p.Name, p.Currency, p.EffectiveFrom, p.PercentOfValue, p.AmountPerUnit, p.PerUnit, p.SuccessFee,
        p.MonthlyMembership, p.MinimumPerInvoice, p.MaximumPerInvoice, p.Payer, p.SupplierShare, p.CreatedAt,
        p.ProjectFacilitationFee, p.ProjectStageFee, p.FundingApplicationFee, p.ProjectSavingsPercent);
}
