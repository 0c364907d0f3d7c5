using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Portal.Api;

public sealed record ProjectParticipant(Guid OrganisationId, string? Name, string Role, string Status, bool SharesQuantities);

public sealed record ProjectFlow(Guid Id, Guid OrganisationId, bool Hidden, decimal? QuantityPerYear, double? DistanceKm);

public sealed record ProjectTotals(int Participants, int Flows, decimal? PooledQuantityPerYear);

public sealed record Project(Guid Id, string Title, string Purpose, string Stage, string Unit, string ViewedAs, string? AbandonReason,
    IReadOnlyList<ProjectParticipant> Participants, IReadOnlyList<ProjectFlow> Flows, ProjectTotals Totals);

public sealed record Figure(string Key, decimal? Value, string Unit, string Formula, string Source);

public sealed record ParticipantSheet(Guid OrganisationId, string Name, string Role, IReadOnlyList<Figure> Figures);

public sealed record Worksheet(string Unit, bool Viable, IReadOnlyList<Figure> Project, IReadOnlyList<ParticipantSheet> Participants);

public sealed record Coverage(decimal MinimumViableScale, decimal SignedQuantity, bool Covered, string Explanation);

public sealed record Feasibility(Worksheet Worksheet, Coverage? Coverage);

public sealed record Commitment(Guid Id, Guid OrganisationId, int Version, string Kind, string Status, bool Hidden, decimal? QuantityPerYear,
    DateOnly StartDate, DateOnly EndDate);

public sealed record ProjectTask(Guid Id, string Kind, string Title, Guid? OwnerOrganisationId, DateOnly? DueDate, DateTimeOffset? MeetingAt,
    string Status, string? Minutes);

/// <summary>Collaborative projects through the public API, as the signed-in company may see them.</summary>
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

    public async Task<IReadOnlyList<Commitment>> CommitmentsAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/projects/{id}/commitments?limit=100", cancellationToken);
        return (await ApiJson.ReadAsync<Page<Commitment>>(response, cancellationToken)).Items;
    }

    public async Task<IReadOnlyList<ProjectTask>> TasksAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/projects/{id}/tasks?limit=100", cancellationToken);
        return (await ApiJson.ReadAsync<Page<ProjectTask>>(response, cancellationToken)).Items;
    }

    /// <summary>Moves the project's stage; null when done, else the API's refusal (its detail says why).</summary>
    public async Task<ApiProblem?> MoveAsync(Guid id, string stage, string? reason, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"api/v1/projects/{id}/stage",
            JsonContent.Create(new { stage, reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() }, options: ApiJson.Options), cancellationToken);
        return response.IsSuccessStatusCode ? null : await ApiProblem.ReadAsync(response, cancellationToken);
    }

    /// <summary>Joins (or, already joined, changes the consent); null when done, else the API's refusal.</summary>
    public async Task<ApiProblem?> JoinOrConsentAsync(Guid id, bool join, bool sharesQuantities, CancellationToken cancellationToken)
    {
        var path = join ? $"api/v1/projects/{id}/join" : $"api/v1/projects/{id}/consent";
        using var response = await http.PostAsync(path, JsonContent.Create(new { sharesQuantities }, options: ApiJson.Options), cancellationToken);
        return response.IsSuccessStatusCode ? null : await ApiProblem.ReadAsync(response, cancellationToken);
    }
}
