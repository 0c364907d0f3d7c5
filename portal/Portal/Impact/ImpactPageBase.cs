using Marketplace.Portal.Api;
using Microsoft.AspNetCore.Components;

namespace Marketplace.Portal.Impact;

/// <summary>The impact page and its printable report read the same choices from the address and the same figures from the API.</summary>
public abstract class ImpactPageBase : ComponentBase
{
    [Inject] private BillingApi Billing { get; set; } = null!;

    [CascadingParameter] private HttpContext? Http { get; set; }

    [SupplyParameterFromQuery] private string? GroupBy { get; set; }

    [SupplyParameterFromQuery(Name = "metric")] private string? MetricChoice { get; set; }

    [SupplyParameterFromQuery] private string? From { get; set; }

    [SupplyParameterFromQuery] private string? To { get; set; }

    protected ImpactReport? Report { get; private set; }

    protected ApiProblem? Problem { get; private set; }

    protected string Dimension => ImpactActions.Dimension(GroupBy);

    protected string Metric => ImpactActions.Metric(MetricChoice);

    protected string? FromMonth => ImpactActions.Month(From);

    protected string? ToMonth => ImpactActions.Month(To);

    protected string Query => ImpactActions.Query(Dimension, Metric, FromMonth, ToMonth);

    protected override async Task OnInitializedAsync()
    {
        try
        {
            Report = await Billing.ImpactAsync(Dimension, FromMonth, ToMonth, Http?.RequestAborted ?? default);
        }
        catch (ApiException e)
        {
            Problem = e.Problem;
        }
    }
}
