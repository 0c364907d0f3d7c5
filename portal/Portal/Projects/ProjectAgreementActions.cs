using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;
using static Marketplace.Portal.Projects.ProjectForms;

namespace Marketplace.Portal.Projects;

/// <summary>Commitments (the facilitator proposes for a participant, a participant for itself; the participant signs) and funding applications.</summary>
internal static class ProjectAgreementActions
{
    public static IEndpointRouteBuilder MapProjectAgreementActions(this IEndpointRouteBuilder app)
    {
        app.MapFormPost("/projects/{id:guid}/commitments/propose", ProposeAsync);
        app.MapFormPost("/projects/{id:guid}/commitments/{commitmentId:guid}/sign", SignAsync);
        app.MapFormPost("/projects/{id:guid}/funding/add", AddFundingAsync);
        app.MapFormPost("/projects/{id:guid}/funding/{applicationId:guid}/status", MoveFundingAsync);
        return app;
    }

    private static Task<IResult> ProposeAsync(Guid id, HttpContext http, IAntiforgery antiforgery, Api.ProjectsApi api, OwnedNotes<ProjectOutcome> notes, CancellationToken cancellationToken) =>
        HandleAsync(http, antiforgery, notes, $"/projects/{id}", "commitments", (form, key) => api.PostAsync(id, "commitments", new
        {
            organisationId = Id(form, "organisationId"),
            kind = form["kind"].ToString(),
            quantityPerYear = Number(form, "quantityPerYear") ?? 0m,
            start = Date(form, "start"),
            end = Date(form, "end"),
            pricePerUnit = Number(form, "pricePerUnit"),
            currency = Text(form, "currency")?.ToUpperInvariant(),
            exitNoticeMonths = (int)(Number(form, "exitNoticeMonths") ?? 0m),
            exitTerms = Text(form, "exitTerms"),
        }, key, cancellationToken), cancellationToken);

    private static Task<IResult> SignAsync(Guid id, Guid commitmentId, HttpContext http, IAntiforgery antiforgery, Api.ProjectsApi api, OwnedNotes<ProjectOutcome> notes,
        CancellationToken cancellationToken) =>
        HandleAsync(http, antiforgery, notes, $"/projects/{id}", "commitments-signed", (_, key) =>
            api.PostAsync(id, $"commitments/{commitmentId}/sign", new { }, key, cancellationToken), cancellationToken);

    private static Task<IResult> AddFundingAsync(Guid id, HttpContext http, IAntiforgery antiforgery, Api.ProjectsApi api, OwnedNotes<ProjectOutcome> notes, CancellationToken cancellationToken) =>
        HandleAsync(http, antiforgery, notes, $"/projects/{id}", "funding", (form, key) => api.PostAsync(id, "funding-applications", new
        {
            programme = form["programme"].ToString().Trim(),
            amountRequested = Number(form, "amountRequested") ?? 0m,
            currency = Text(form, "currency")?.ToUpperInvariant(),
        }, key, cancellationToken), cancellationToken);

    private static Task<IResult> MoveFundingAsync(Guid id, Guid applicationId, HttpContext http, IAntiforgery antiforgery, Api.ProjectsApi api, OwnedNotes<ProjectOutcome> notes,
        CancellationToken cancellationToken) =>
        HandleAsync(http, antiforgery, notes, $"/projects/{id}", "funding-moved", (form, key) => api.PostAsync(id, $"funding-applications/{applicationId}/status",
            new { status = form["status"].ToString(), amountGranted = Number(form, "amountGranted") }, key, cancellationToken), cancellationToken);
}
