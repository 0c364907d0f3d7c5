using System.ComponentModel.DataAnnotations;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Brokerage.Billing;

public sealed record BillingRunRequest(
    [property: Required, RegularExpression(@"^\d{4}-(0[1-9]|1[0-2])$", ErrorMessage = "period must be a month such as 2026-11.")] string Period,
    Guid? OrganisationId,
    bool? Issue);

/// <summary>
/// POST /api/v1/billing-runs: closes an ended month. Accrues the membership of that month and of every earlier month
/// since the first contract was activated that has none yet (months no run closed), then bills every unbilled ledger
/// entry of the period and earlier into one invoice per paying organisation and currency.
/// </summary>
public static class RunBilling
{
    public static async Task<Results<Created<BillingRunDto>, ValidationProblem>> Handle(BillingRunRequest request, BillingService billing,
        [FromKeyedServices(BillingPeriod.ClockKey)] TimeProvider clock, CancellationToken cancellationToken)
    {
        if (BillingPeriod.NotEndedError(request.Period, clock.GetUtcNow()) is { } notEnded)
        {
            return Problems.Invalid("period", notEnded);
        }

        var result = await billing.RunAsync(request.Period, request.OrganisationId, request.Issue ?? true, cancellationToken);
        var r = result.Run;
        return TypedResults.Created($"/api/v1/billing-runs/{r.Id}", new BillingRunDto(r.Id, r.Period, r.OrganisationId, r.StartedAt, r.FinishedAt,
            r.EntriesBilled, r.InvoicesIssued, [.. result.Invoices.Select(i => new InvoiceSummaryDto(i.Id, i.Number, i.Series, i.OrganisationId, i.Status, i.Net, i.Vat, i.Total, i.Currency))]));
    }
}
