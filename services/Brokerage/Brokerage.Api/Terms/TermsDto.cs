using System.ComponentModel.DataAnnotations;

namespace Marketplace.Brokerage.Terms;

public sealed record QuantityScheduleDto(
    [property: Range(typeof(decimal), "0.000001", "1000000000000")] decimal Amount,
    [property: Required, StringLength(10)] string Unit,
    [property: Required, StringLength(10)] string Period,
    DateOnly Start,
    DateOnly End);

public sealed record PriceDto(decimal PerUnit, [property: Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "currency must be an ISO 4217 code such as EUR.")] string Currency);

public sealed record TermsDto(
    Guid Id, Guid DealId, int Version, string Status, Guid ProposedByOrganisationId, string ProposedBy,
    QuantityScheduleDto Quantity, PriceDto Price, string DeliveryTerms, string? FeePlan, string? Note,
    DateTime ProposedAt, Guid? AcceptedByOrganisationId, DateTime? AcceptedAt);

public sealed record TermsAcceptedDto(TermsDto Terms, Guid ContractId);

internal static class TermsMapping
{
    public static TermsDto AsDto(this DealTerms t) => new(
        t.Id, t.DealId, t.Version, t.Status, t.ProposedByOrganisationId, t.ProposedBy,
        new QuantityScheduleDto(t.QuantityAmount, t.QuantityUnit, t.QuantityPeriod, t.StartDate, t.EndDate),
        new PriceDto(t.PricePerUnit, t.Currency), t.DeliveryTerms, t.FeePlanCode, t.Note, t.ProposedAt, t.AcceptedByOrganisationId, t.AcceptedAt);
}
