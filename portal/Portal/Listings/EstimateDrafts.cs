using System.Globalization;
using Marketplace.Portal.Api;
using Marketplace.Portal.Auth;
using Marketplace.Portal.Components;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Portal.Listings;

/// <summary>
/// "Confirm as a draft listing": one click turns an estimated stream into a draft offer of the company, placed at its first
/// site, with the estimate's class, waste code and central yearly quantity, for the company to complete and publish (a
/// published offer of the same class and chapter then replaces the estimate). The same estimate confirmed twice gives the
/// same draft (the Idempotency-Key names the organisation and the stream).
/// </summary>
internal static class EstimateDrafts
{
    public const string Page = "/resource-check";

    public static IEndpointRouteBuilder MapEstimateDrafts(this IEndpointRouteBuilder app)
    {
        app.MapPost(Page + "/confirm", ConfirmAsync).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    /// <summary>The API body of the draft; null when the company has no placed site to put it at.</summary>
    public static object? Draft(EstimatedFlow estimate, Organisation company, string? sector, bool onBehalf)
    {
        if (company.Sites.FirstOrDefault(s => s.Placed) is not { } site)
        {
            return null;
        }

        var range = $"{estimate.Low.ToString("#,0", CultureInfo.InvariantCulture)}–{estimate.High.ToString("#,0", CultureInfo.InvariantCulture)} {estimate.Unit}";
        return new
        {
            organisationId = onBehalf ? company.Id : (Guid?)null,
            status = "draft",
            kind = "offer",
            resourceClass = estimate.ResourceClass,
            title = estimate.Label,
            description = $"Confirmed from an estimate for sector {sector ?? company.NaceCode}: firms like this one usually have {range} a year. Check the quantity and describe the stream.",
            ewcCode = estimate.ExampleCode,
            quantity = new { amount = Math.Round((decimal)estimate.Central), unit = estimate.Unit, per = "year" },
            location = new { lat = site.Lat, lon = site.Lon, country = site.Country, address = site.Address },
        };
    }

    private static async Task<IResult> ConfirmAsync(HttpContext http, IAntiforgery antiforgery, OperatorApi estimates, OrganisationsApi organisations,
        ListingsApi listings, CancellationToken cancellationToken)
    {
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is not { } form)
        {
            return TypedResults.Redirect(Page);
        }

        var own = CurrentUser.Organisation(http);
        var onBehalf = Guid.TryParse(form["organisationId"], out var other) && other != own && CurrentUser.IsOperator(http.User);
        var organisation = onBehalf ? other : own;
        var back = onBehalf ? $"/operator/companies/{organisation}" : Page;
        var stream = form["stream"].ToString();
        var all = await estimates.EstimatesAsync(organisation, cancellationToken);
        var found = all?.Items.FirstOrDefault(e => e.Stream == stream);
        var company = await organisations.GetAsync(organisation, cancellationToken);
        if (found is null || company is null)
        {
            return TypedResults.Redirect(back + "?estimate=gone");
        }

        if (Draft(found, company, all!.Sector, onBehalf) is not { } body)
        {
            return TypedResults.Redirect(back + "?estimate=no-site");
        }

        var (created, _) = await listings.CreateAsync(body, $"estimate-{organisation:N}-{stream}", cancellationToken);
        return TypedResults.Redirect(created is null ? back + "?estimate=refused" : $"/listings/{created.Id}/edit?confirmed=1");
    }
}
