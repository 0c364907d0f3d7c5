using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Portal.Api;

/// <summary>An organisation's people and open invitations, through Identity's API (organisation admins only: scope admin).</summary>
public sealed class MembersApi(HttpClient http)
{
    /// <summary>The members, or null when the user may not manage them (not an admin of the organisation: 403/404).</summary>
    public async Task<IReadOnlyList<Member>?> ListAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/organisations/{organisationId}/members", cancellationToken);
        return response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound ? null
            : (await ApiJson.ReadAsync<Page<Member>>(response, cancellationToken)).Items;
    }

    public async Task<IReadOnlyList<Invitation>> InvitationsAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/organisations/{organisationId}/invitations", cancellationToken);
        return (await ApiJson.ReadAsync<Page<Invitation>>(response, cancellationToken)).Items;
    }

    public async Task<(Invitation? Sent, ApiProblem? Problem)> InviteAsync(Guid organisationId, string email, string role, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/organisations/{organisationId}/invitations")
        {
            Content = JsonContent.Create(new { email, role }, options: ApiJson.Options),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ApiJson.ReadOrProblemAsync<Invitation>(response, cancellationToken);
    }

    public async Task<ApiProblem?> SetRoleAsync(Guid organisationId, Guid userId, string role, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync($"api/v1/organisations/{organisationId}/members/{userId}/role", new { role }, ApiJson.Options, cancellationToken);
        return response.IsSuccessStatusCode ? null : await ApiProblem.ReadAsync(response, cancellationToken);
    }

    /// <summary>Removes a member; one already gone (404) counts as done.</summary>
    public Task<ApiProblem?> RemoveAsync(Guid organisationId, Guid userId, CancellationToken cancellationToken) =>
        DeleteAsync($"api/v1/organisations/{organisationId}/members/{userId}", cancellationToken);

    public Task<ApiProblem?> WithdrawAsync(Guid organisationId, Guid invitationId, CancellationToken cancellationToken) =>
        DeleteAsync($"api/v1/organisations/{organisationId}/invitations/{invitationId}", cancellationToken);

    private async Task<ApiProblem?> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync(path, cancellationToken);
        return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound ? null : await ApiProblem.ReadAsync(response, cancellationToken);
    }
}

public sealed record Member(Guid UserId, string? Email, string? DisplayName, string Role, bool EmailConfirmed, bool LockedOut);

public sealed record Invitation(Guid Id, string Email, string Role, DateTimeOffset ExpiresAt, DateTimeOffset CreatedAt);
