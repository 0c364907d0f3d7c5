using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;
using static Marketplace.Portal.Projects.ProjectForms;

namespace Marketplace.Portal.Projects;

/// <summary>The facilitator's design forms on the project page: title and purpose, invite a participant, pool a flow, enter the worksheet's inputs.</summary>
internal static class ProjectSetupActions
{
    public static IEndpointRouteBuilder MapProjectSetupActions(this IEndpointRouteBuilder app)
    {
        app.MapFormPost("/projects/{id:guid}/edit/save", EditAsync);
        app.MapFormPost("/projects/{id:guid}/participants/add", InviteAsync);
        app.MapFormPost("/projects/{id:guid}/flows/add", AddFlowAsync);
        app.MapFormPost("/projects/{id:guid}/feasibility/save", SaveWorksheetAsync);
        return app;
    }

    private static Task<IResult> EditAsync(Guid id, HttpContext http, IAntiforgery antiforgery, Api.ProjectsApi api, OwnedNotes<ProjectOutcome> notes, CancellationToken cancellationToken) =>
        HandleAsync(http, antiforgery, notes, $"/projects/{id}", "edit", (form, _) =>
            api.UpdateAsync(id, form["title"].ToString().Trim(), form["purpose"].ToString().Trim(), cancellationToken), cancellationToken);

    private static Task<IResult> InviteAsync(Guid id, HttpContext http, IAntiforgery antiforgery, Api.ProjectsApi api, OwnedNotes<ProjectOutcome> notes, CancellationToken cancellationToken) =>
        HandleAsync(http, antiforgery, notes, $"/projects/{id}", "participants", (form, key) =>
            api.PostAsync(id, "participants", new { organisationId = Id(form, "organisationId") ?? Guid.Empty, role = form["role"].ToString() }, key, cancellationToken),
            cancellationToken);

    /// <summary>The source travels as one choice: <c>org:{organisation}</c>, <c>listing:{organisation}:{listing}</c> or <c>match:{organisation}:{match}</c>.</summary>
    private static Task<IResult> AddFlowAsync(Guid id, HttpContext http, IAntiforgery antiforgery, Api.ProjectsApi api, OwnedNotes<ProjectOutcome> notes, CancellationToken cancellationToken) =>
        HandleAsync(http, antiforgery, notes, $"/projects/{id}", "flows", (form, key) =>
        {
            var source = form["source"].ToString().Split(':');
            Guid? Part(int i) => source.Length > i && Guid.TryParse(source[i], out var g) ? g : null;
            return api.PostAsync(id, "flows", new
            {
                organisationId = Part(1) ?? Guid.Empty,
                listingId = source[0] == "listing" ? Part(2) : null,
                matchId = source[0] == "match" ? Part(2) : null,
                quantityPerYear = Number(form, "quantityPerYear") ?? 0m,
                distanceKm = Number(form, "distanceKm") is { } km ? (double?)km : null,
                disposalCostPerUnit = Number(form, "disposalCostPerUnit"),
                qualityNotes = Text(form, "qualityNotes"),
            }, key, cancellationToken);
        }, cancellationToken);

    /// <summary>Custom shares arrive as <c>share-{organisation}</c> fields, in percent.</summary>
    private static Task<IResult> SaveWorksheetAsync(Guid id, HttpContext http, IAntiforgery antiforgery, Api.ProjectsApi api, OwnedNotes<ProjectOutcome> notes, CancellationToken cancellationToken) =>
        HandleAsync(http, antiforgery, notes, $"/projects/{id}", "feasibility", (form, _) =>
        {
            var key = form["sharingKey"].ToString();
            var shares = form.Keys.Where(k => k.StartsWith("share-", StringComparison.Ordinal) && Guid.TryParse(k[6..], out Guid _) && Number(form, k) is not null)
                .ToDictionary(k => Guid.Parse(k[6..]), k => Number(form, k)!.Value / 100m);
            return api.SetFeasibilityAsync(id, new
            {
                minimumViableScale = Number(form, "minimumViableScale") ?? 0m,
                capitalCost = Number(form, "capitalCost") ?? 0m,
                yearlyOperatingCost = Number(form, "yearlyOperatingCost") ?? 0m,
                yearlyOutputRevenue = Number(form, "yearlyOutputRevenue") ?? 0m,
                sharingKey = key,
                customShares = key == "custom" ? shares : null,
                discountRate = (Number(form, "discountRate") ?? 0m) / 100m,
                lifetimeYears = (int)(Number(form, "lifetimeYears") ?? 0m),
                currency = Text(form, "currency")?.ToUpperInvariant(),
            }, cancellationToken);
        }, cancellationToken);
}
