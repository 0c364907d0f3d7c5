using System.Globalization;
using Marketplace.Portal.Api;
using Marketplace.Portal.Auth;
using Marketplace.Portal.Components.Pages.Listings;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Portal.Billing;

/// <summary>What a billing form did, for the page it redirects to: the act, how many it touched, or the API's refusal with the form's values kept.</summary>
public sealed record BillingOutcome(string Action, int Count, ApiProblem? Problem, IReadOnlyDictionary<string, string> Values)
{
    public string Value(string name) => Values.GetValueOrDefault(name, "");

    /// <summary>This outcome when it is the refusal of <paramref name="action"/>: the form it came from shows the messages and keeps its values.</summary>
    public BillingOutcome? IfRefused(string action) => Problem is not null && Action == action ? this : null;
}

/// <summary>
/// The operator's billing from plain forms (post, redirect, get): preview a month (a run that leaves drafts), issue or
/// discard the drafts shown, record a payment, void an invoice, charge a company, reverse a ledger entry; and the
/// printable invoice and the period's CSV, fetched from the API with the operator's token. <c>/operator/*</c> is the
/// operator's only (<see cref="PortalModule"/>), and the API decides again on every call.
/// </summary>
internal static class BillingActions
{
    public const string Page = "/operator/billing";

    public const string LedgerPage = Page + "/ledger";

    public const string FeePlansPage = Page + "/fee-plans";

    /// <summary>The fields of a fee plan version the form sends as numbers (the project fees travel unchanged from the version shown).</summary>
    public static readonly string[] PlanNumbers =
        ["percentOfValue", "amountPerUnit", "successFee", "monthlyMembership", "minimumPerInvoice", "maximumPerInvoice", "supplierShare",
         "projectFacilitationFee", "projectStageFee", "fundingApplicationFee", "projectSavingsPercent"];

    public static OwnedNotes<BillingOutcome> NoteStore() => new(TimeSpan.FromMinutes(30), 10_000, _ => 1);

    public static string InvoicePage(Guid id) => $"{Page}/invoices/{id}";

    public static string Ledger(Guid organisationId, string? note = null) =>
        QueryHelpers.AddQueryString(LedgerPage, new Dictionary<string, string?> { ["organisationId"] = organisationId.ToString(), ["note"] = note }.Where(p => p.Value is not null));

    public static IEndpointRouteBuilder MapBillingActions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Page).RequireAuthorization(PortalAuthentication.Policy).DisableAntiforgery().ExcludeFromDescription();
        group.MapPost("/run", PreviewAsync);
        group.MapPost("/drafts/{act}", DraftsAsync);
        group.MapPost("/invoices/{id:guid}/{act}", InvoiceAsync);
        group.MapPost("/charges", ChargeAsync);
        group.MapPost("/fee-plans/add", AddPlanVersionAsync);
        group.MapPost("/charges/{id:guid}/reverse", ReverseAsync);
        group.MapGet("/invoices/{id:guid}/print", PrintAsync);
        group.MapGet("/export", ExportAsync);
        return app;
    }

    /// <summary>
    /// A run with <c>issue: false</c>: the month's invoices as drafts, shown on the page before anything is numbered.
    /// The form's token is the run's idempotency key, and a token already used runs nothing again (a double click, a reload).
    /// </summary>
    private static Task<IResult> PreviewAsync(HttpContext http, IAntiforgery antiforgery, BillingApi api, OwnedNotes<BillingOutcome> notes, CancellationToken cancellationToken) =>
        PortalForms.PostRedirectGetAsync(http, antiforgery, notes, Page, form => OnceAsync(http, notes, form, async key =>
        {
            var values = Values(form, "period", "organisationId");
            var organisation = Guid.TryParse(values["organisationId"], out var o) ? o : (Guid?)null;
            var problem = await api.RunAsync(values["period"].Trim(), organisation, issue: false, "portal-billing-run-" + key, cancellationToken);
            return new BillingOutcome("previewed", 0, problem, values);
        }), cancellationToken);

    /// <summary>A new version of a fee plan, in force from a day; the API keeps every earlier one. A form posted twice adds one version.</summary>
    private static Task<IResult> AddPlanVersionAsync(HttpContext http, IAntiforgery antiforgery, BillingApi api, OwnedNotes<BillingOutcome> notes, CancellationToken cancellationToken) =>
        PortalForms.PostRedirectGetAsync(http, antiforgery, notes, FeePlansPage, form => OnceAsync(http, notes, form, async _ =>
        {
            var values = Values(form, ["code", "name", "currency", "effectiveFrom", "perUnit", "payer", .. PlanNumbers]);
            var body = PlanNumbers.ToDictionary(n => n, n => ListingForm.Number(values[n]));
            body["code"] = values["code"];
            body["name"] = values["name"].Trim();
            body["currency"] = values["currency"].Trim().ToUpperInvariant();
            body["effectiveFrom"] = Blank(values["effectiveFrom"]);
            body["perUnit"] = Blank(values["perUnit"]);
            body["payer"] = values["payer"];
            var problem = await api.AddFeePlanVersionAsync(body, cancellationToken);
            return new BillingOutcome("planned", problem is null ? 1 : 0, problem, values);
        }), cancellationToken);

    /// <summary>
    /// Runs <paramref name="act"/> once per form token: the token is remembered with the outcome, so the same form posted
    /// again (a double click, a reload of the post) shows the first outcome and calls the API no more.
    /// </summary>
    private static async Task<BillingOutcome> OnceAsync(HttpContext http, OwnedNotes<BillingOutcome> notes, IFormCollection form, Func<string, Task<BillingOutcome>> act)
    {
        var key = FormKey(form);
        if (notes.Find(key, http.User) is { } earlier)
        {
            return earlier;
        }

        var outcome = await act(key);
        notes.Put(key, http.User, outcome);
        return outcome;
    }

    /// <summary>
    /// <c>issue</c> or <c>discard</c> exactly the drafts the page showed (their ids travel in the form). Issuing a draft
    /// twice is refused by the API; an invoice no longer a draft counts as done, so a repeated submit issues nothing twice.
    /// </summary>
    private static async Task<IResult> DraftsAsync(string act, HttpContext http, IAntiforgery antiforgery, BillingApi api, OwnedNotes<BillingOutcome> notes,
        CancellationToken cancellationToken) =>
        act is not ("issue" or "discard") ? Results.Redirect(Page) : await PortalForms.PostRedirectGetAsync(http, antiforgery, notes, Page, async form =>
        {
            var key = FormKey(form);
            var reason = form["reason"].ToString().Trim();
            var (done, refused) = (0, (ApiProblem?)null);
            foreach (var id in form["invoiceId"].Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct())
            {
                var problem = act == "issue"
                    ? await api.IssueAsync(id, $"portal-issue-{key}-{id}", cancellationToken)
                    : await api.VoidAsync(id, reason, cancellationToken);
                if (problem is null || (problem.Status == StatusCodes.Status409Conflict && await api.InvoiceAsync(id, cancellationToken) is { Status: not "draft" }))
                {
                    done++;
                }
                else
                {
                    refused ??= problem;
                }
            }

            return new BillingOutcome(act == "issue" ? "issued" : "discarded", done, refused, Values(form, "reason"));
        }, cancellationToken);

    /// <summary><c>issue</c>, <c>pay</c> or <c>void</c> one invoice from its page.</summary>
    private static async Task<IResult> InvoiceAsync(Guid id, string act, HttpContext http, IAntiforgery antiforgery, BillingApi api, OwnedNotes<BillingOutcome> notes,
        CancellationToken cancellationToken) =>
        act is not ("issue" or "pay" or "void") ? Results.Redirect(InvoicePage(id)) : await PortalForms.PostRedirectGetAsync(http, antiforgery, notes, InvoicePage(id), async form =>
        {
            var values = Values(form, "paidOn", "reference", "reason");
            var problem = act switch
            {
                "issue" => await api.IssueAsync(id, $"portal-issue-{FormKey(form)}-{id}", cancellationToken),
                "pay" => await api.PayAsync(id, DateOnly.TryParseExact(values["paidOn"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
                    Blank(values["reference"]), cancellationToken),
                _ => await api.VoidAsync(id, values["reason"].Trim(), cancellationToken),
            };
            return new BillingOutcome(act switch { "issue" => "issued", "pay" => "paid", _ => "voided" }, problem is null ? 1 : 0, problem, values);
        }, cancellationToken);

    /// <summary>A manual charge; the form's token is the API's <c>Idempotency-Key</c>, so a repeated submit charges once.</summary>
    private static async Task<IResult> ChargeAsync(HttpContext http, IAntiforgery antiforgery, BillingApi api, OwnedNotes<BillingOutcome> notes, CancellationToken cancellationToken)
    {
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is not { } form || !Guid.TryParse(form["organisationId"], out var organisation))
        {
            return TypedResults.Redirect(LedgerPage);
        }

        var values = Values(form, "description", "amount", "currency", "date");
        var problem = await api.ChargeAsync(new
        {
            organisationId = organisation,
            description = values["description"].Trim(),
            amount = decimal.TryParse(values["amount"].Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : 0m,
            currency = values["currency"].Trim().ToUpperInvariant(),
            date = Blank(values["date"]),
        }, "portal-charge-" + FormKey(form), cancellationToken);
        return TypedResults.Redirect(Ledger(organisation, notes.Add(http.User, new BillingOutcome("charged", problem is null ? 1 : 0, problem, values))));
    }

    private static async Task<IResult> ReverseAsync(Guid id, HttpContext http, IAntiforgery antiforgery, BillingApi api, OwnedNotes<BillingOutcome> notes, CancellationToken cancellationToken)
    {
        if (await PortalForms.ReadCheckedAsync(http, antiforgery, cancellationToken) is not { } form || !Guid.TryParse(form["organisationId"], out var organisation))
        {
            return TypedResults.Redirect(LedgerPage);
        }

        var values = Values(form, "reason");
        values["entryId"] = id.ToString();
        var problem = await api.ReverseAsync(id, values["reason"].Trim(), cancellationToken);
        return TypedResults.Redirect(Ledger(organisation, notes.Add(http.User, new BillingOutcome("reversed", problem is null ? 1 : 0, problem, values))));
    }

    /// <summary>The API's printable invoice, through the portal (the API needs the operator's token, a browser tab has none).</summary>
    private static async Task<IResult> PrintAsync(Guid id, BillingApi api, CancellationToken cancellationToken) =>
        await api.InvoiceHtmlAsync(id, cancellationToken) is { } html ? TypedResults.File(html, "text/html; charset=utf-8") : TypedResults.NotFound();

    private static async Task<IResult> ExportAsync(string? period, BillingApi api, CancellationToken cancellationToken) =>
        period is { Length: 7 } && await api.ExportAsync(period, cancellationToken) is { } csv
            ? TypedResults.File(csv, "text/csv; charset=utf-8", $"invoices-{period}.csv")
            : TypedResults.Redirect(Page);

    /// <summary>The form's one-time token (made when the form was shown), or a fresh one when it is missing or too long.</summary>
    private static string FormKey(IFormCollection form) => form["formToken"].ToString() is { Length: 32 } k ? k : Guid.NewGuid().ToString("N");

    private static Dictionary<string, string> Values(IFormCollection form, params string[] names) => names.ToDictionary(n => n, n => form[n].ToString());

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
