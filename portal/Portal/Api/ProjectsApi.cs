using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Portal.Api;

/// <summary>Collaborative projects through the public API, as the signed-in company (or the facilitator) may see them.</summary>
public sealed class ProjectsApi(HttpClient http)
{
    public async Task<IReadOnlyList<Project>> ListAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/v1/projects?limit=100", cancellationToken);
        return (await ApiJson.ReadAsync<Page<Project>>(response, cancellationToken)).Items;
    }

    /// <summary>The project, or null when the company does not take part (the API's 404).</summary>
    public async Task<Project?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/projects/{id}", cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ApiJson.ReadAsync<Project>(response, cancellationToken);
    }

    /// <summary>The worksheet, or null before the facilitator entered one (404).</summary>
    public async Task<Feasibility?> FeasibilityAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/projects/{id}/feasibility", cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ApiJson.ReadAsync<Feasibility>(response, cancellationToken);
    }

    public Task<IReadOnlyList<Commitment>> CommitmentsAsync(Guid id, CancellationToken cancellationToken) =>
        ItemsAsync<Commitment>($"api/v1/projects/{id}/commitments?limit=100", cancellationToken);

    public Task<IReadOnlyList<ProjectTask>> TasksAsync(Guid id, CancellationToken cancellationToken) =>
        ItemsAsync<ProjectTask>($"api/v1/projects/{id}/tasks?limit=100", cancellationToken);

    public Task<IReadOnlyList<FundingApplication>> FundingAsync(Guid id, CancellationToken cancellationToken) =>
        ItemsAsync<FundingApplication>($"api/v1/projects/{id}/funding-applications?limit=100", cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Guid id, CancellationToken cancellationToken) =>
        ItemsAsync<TimelineEntry>($"api/v1/projects/{id}/timeline?limit=100", cancellationToken);

    /// <summary>Creates a project (from scratch, or with <paramref name="fromBundle"/> from a bundle suggestion); a refusal comes back as its problem.</summary>
    public async Task<(Project? Created, ApiProblem? Problem)> CreateAsync(object body, bool fromBundle, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fromBundle ? "api/v1/projects/from-bundle" : "api/v1/projects")
        {
            Content = JsonContent.Create(body, options: ApiJson.Options),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ApiJson.ReadOrProblemAsync<Project>(response, cancellationToken);
    }

    /// <summary>A write below the project (<c>participants</c>, <c>flows</c>, <c>tasks/{id}/done</c>…); null when done, else the API's refusal.</summary>
    public Task<ApiProblem?> PostAsync(Guid id, string below, object body, string idempotencyKey, CancellationToken cancellationToken) =>
        http.PostForProblemAsync($"api/v1/projects/{id}/{below}", body, idempotencyKey, cancellationToken);

    /// <summary>Changes the title and purpose (a <c>PATCH</c> of those fields only).</summary>
    public Task<ApiProblem?> UpdateAsync(Guid id, string title, string purpose, CancellationToken cancellationToken) =>
        http.SendForProblemAsync(HttpMethod.Patch, $"api/v1/projects/{id}", new { title, purpose }, null, cancellationToken);

    /// <summary>Stores the worksheet's inputs (a <c>PUT</c>: sending the same inputs twice stores them once).</summary>
    public Task<ApiProblem?> SetFeasibilityAsync(Guid id, object inputs, CancellationToken cancellationToken) =>
        http.SendForProblemAsync(HttpMethod.Put, $"api/v1/projects/{id}/feasibility", inputs, null, cancellationToken);

    /// <summary>Moves the project's stage; null when done, else the API's refusal (its detail says why).</summary>
    public Task<ApiProblem?> MoveAsync(Guid id, string stage, string? reason, CancellationToken cancellationToken) =>
        http.PostForProblemAsync($"api/v1/projects/{id}/stage", new { stage, reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() }, null, cancellationToken);

    /// <summary>Joins (or, already joined, changes the consent); null when done, else the API's refusal.</summary>
    public Task<ApiProblem?> JoinOrConsentAsync(Guid id, bool join, bool sharesQuantities, CancellationToken cancellationToken) =>
        http.PostForProblemAsync(join ? $"api/v1/projects/{id}/join" : $"api/v1/projects/{id}/consent", new { sharesQuantities }, null, cancellationToken);

    private async Task<IReadOnlyList<T>> ItemsAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        return (await ApiJson.ReadAsync<Page<T>>(response, cancellationToken)).Items;
    }
}
