using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Portal.Api;

/// <summary>
/// What the operator console reads and writes about companies through the public API: the register (Identity), each
/// company's deals, ledger and invoices (Brokerage) and its estimated flows (Listings). The API checks the operator role
/// on every call; a company's token gets 403/404 here.
/// </summary>
public sealed class OperatorApi(HttpClient http)
{
    public async Task<Page<Organisation>> OrganisationsAsync(string? cursor, int limit, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/organisations?limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)), cancellationToken);
        return await ApiJson.ReadAsync<Page<Organisation>>(response, cancellationToken);
    }

    /// <summary>Registers a company (and, with an admin e-mail, invites its first admin).</summary>
    public async Task<(Organisation? Created, ApiProblem? Problem)> RegisterAsync(object body, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/organisations") { Content = JsonContent.Create(body, options: ApiJson.Options) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ApiJson.ReadOrProblemAsync<Organisation>(response, cancellationToken);
    }

    public async Task<IReadOnlyList<Deal>> DealsAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/deals?organisationId={organisationId}&limit=50", cancellationToken);
        return (await ApiJson.ReadAsync<Page<Deal>>(response, cancellationToken)).Items;
    }

    /// <summary>The company's ledger (the first page of up to 100 entries, oldest first) and the total of every selected entry.</summary>
    public async Task<LedgerPage> LedgerAsync(Guid organisationId, bool? billed, CancellationToken cancellationToken)
    {
        var filter = billed is { } b ? "&billed=" + (b ? "true" : "false") : "";
        using var response = await http.GetAsync($"api/v1/charges?organisationId={organisationId}&limit=100{filter}", cancellationToken);
        return await ApiJson.ReadAsync<LedgerPage>(response, cancellationToken);
    }

    public async Task<IReadOnlyList<InvoiceSummary>> InvoicesAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/invoices?organisationId={organisationId}&limit=20", cancellationToken);
        return (await ApiJson.ReadAsync<Page<InvoiceSummary>>(response, cancellationToken)).Items;
    }

    public async Task<IReadOnlyList<CompanyNote>> NotesAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/organisations/{organisationId}/notes", cancellationToken);
        return (await ApiJson.ReadAsync<Page<CompanyNote>>(response, cancellationToken)).Items;
    }

    public Task<ApiProblem?> AddNoteAsync(Guid organisationId, string body, string idempotencyKey, CancellationToken cancellationToken) =>
        http.PostForProblemAsync($"api/v1/organisations/{organisationId}/notes", new { body }, idempotencyKey, cancellationToken);

    /// <summary>The organisation's estimated flows (sector × size), or null when Listings does not know it yet (404).</summary>
    public async Task<OrganisationEstimates?> EstimatesAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/organisations/{organisationId}/estimated-flows", cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ApiJson.ReadAsync<OrganisationEstimates>(response, cancellationToken);
    }
}

public sealed record CompanyNote(Guid Id, string AuthorName, string Body, DateTimeOffset CreatedAt);

public sealed record LedgerPage(IReadOnlyList<LedgerEntry> Items, string? NextCursor, decimal Total);

public sealed record InvoiceSummary(Guid Id, string Series, string? Number, string Status, bool Overdue, decimal Total, string Currency,
    string Period, DateOnly? IssueDate, DateOnly? DueDate);

public sealed record EstimatedFlow(string Stream, string Label, string ResourceClass, string Family, string? Chapter, string? ExampleCode,
    bool Hazardous, string Unit, double Low, double Central, double High, string Basis, string Source, string Status = "estimated")
{
    public bool Reported => Status == "reported";
}

public sealed record OrganisationEstimates(Guid OrganisationId, string? NaceCode, string Country, int? Employees, string? Sector,
    IReadOnlyList<string> Missing, IReadOnlyList<EstimatedFlow> Items, string Note);
