using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Portal.Api;

/// <summary>The operator's billing (runs, invoices, the fee ledger, fee plans) and impact figures, through the public API.</summary>
public sealed class BillingApi(HttpClient http)
{
    public Task<Page<Invoice>> InvoicesAsync(string? period, string? status, bool overdue, Guid? organisationId, int limit, CancellationToken cancellationToken) =>
        GetAsync<Page<Invoice>>(Query("api/v1/invoices", new()
        {
            ["period"] = period, ["status"] = status, ["overdue"] = overdue ? "true" : null, ["organisationId"] = organisationId?.ToString(), ["limit"] = $"{limit}",
        }), cancellationToken);

    /// <summary>The invoice, or null when there is none by that id for this user.</summary>
    public async Task<Invoice?> InvoiceAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/invoices/{id}", cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ApiJson.ReadAsync<Invoice>(response, cancellationToken);
    }

    /// <summary>The API's printable page of an invoice, or null when it is not there for this user.</summary>
    public Task<byte[]?> InvoiceHtmlAsync(Guid id, CancellationToken cancellationToken) => BytesAsync($"api/v1/invoices/{id}/html", cancellationToken);

    /// <summary>The CSV of a period's numbered invoices and credit notes, or null when the API refuses (a period it cannot read).</summary>
    public Task<byte[]?> ExportAsync(string period, CancellationToken cancellationToken) => BytesAsync(Query("api/v1/invoices/export", new() { ["period"] = period }), cancellationToken);

    public async Task<IReadOnlyList<BillingRun>> RunsAsync(int limit, CancellationToken cancellationToken) =>
        (await GetAsync<Page<BillingRun>>($"api/v1/billing-runs?limit={limit}", cancellationToken)).Items;

    public Task<ApiProblem?> RunAsync(string period, Guid? organisationId, bool issue, string idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync("api/v1/billing-runs", new { period, organisationId, issue }, idempotencyKey, cancellationToken);

    public Task<ApiProblem?> IssueAsync(Guid invoiceId, string idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync($"api/v1/invoices/{invoiceId}/issue", null, idempotencyKey, cancellationToken);

    public Task<ApiProblem?> PayAsync(Guid invoiceId, DateOnly? paidOn, string? reference, CancellationToken cancellationToken) =>
        PostAsync($"api/v1/invoices/{invoiceId}/pay", new { paidOn, reference }, null, cancellationToken);

    public Task<ApiProblem?> VoidAsync(Guid invoiceId, string reason, CancellationToken cancellationToken) =>
        PostAsync($"api/v1/invoices/{invoiceId}/void", new { reason }, null, cancellationToken);

    public Task<ApiProblem?> ChargeAsync(object body, string idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync("api/v1/charges", body, idempotencyKey, cancellationToken);

    public Task<ApiProblem?> ReverseAsync(Guid entryId, string reason, CancellationToken cancellationToken) =>
        PostAsync($"api/v1/charges/{entryId}/reverse", new { reason }, null, cancellationToken);

    public async Task<IReadOnlyList<FeePlanVersion>> FeePlansAsync(CancellationToken cancellationToken) =>
        (await GetAsync<Page<FeePlanVersion>>("api/v1/fee-plans?limit=200", cancellationToken)).Items;

    public Task<ApiProblem?> AddFeePlanVersionAsync(object body, CancellationToken cancellationToken) => PostAsync("api/v1/fee-plans", body, null, cancellationToken);

    /// <summary>Every organisation the operator may see, by name (one page of up to 200).</summary>
    public async Task<IReadOnlyList<OrganisationName>> OrganisationsAsync(CancellationToken cancellationToken) =>
        [.. (await GetAsync<Page<OrganisationName>>("api/v1/organisations?limit=200", cancellationToken)).Items.OrderBy(o => o.Name, StringComparer.CurrentCulture)];

    public Task<ImpactReport> ImpactAsync(string groupBy, string? from, string? to, CancellationToken cancellationToken) =>
        GetAsync<ImpactReport>(Query("api/v1/impact", new() { ["groupBy"] = groupBy, ["from"] = from, ["to"] = to }), cancellationToken);

    private static string Query(string path, Dictionary<string, string?> parameters) =>
        QueryHelpers.AddQueryString(path, parameters.Where(p => !string.IsNullOrEmpty(p.Value)));

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        return await ApiJson.ReadAsync<T>(response, cancellationToken);
    }

    private async Task<byte[]?> BytesAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(cancellationToken) : null;
    }

    private Task<ApiProblem?> PostAsync(string path, object? body, string? idempotencyKey, CancellationToken cancellationToken) =>
        http.PostForProblemAsync(path, body, idempotencyKey, cancellationToken);
}
