using System.Net.Http.Json;

namespace Marketplace.Portal.Api;

public sealed record Notice(Guid Id, string Kind, Guid SubjectId, string Link, string? Detail, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record NoticePage(IReadOnlyList<Notice> Items, string? NextCursor, int Unread);

public sealed record NoticeSettings(string Email, string DigestTime, string TimeZone, DateTimeOffset NextDigestAt);

/// <summary>The signed-in person's notifications and e-mail choice, through Identity's API (scope notifications).</summary>
public sealed class NotificationsApi(HttpClient http)
{
    public async Task<NoticePage> ListAsync(bool unreadOnly, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var query = $"api/v1/me/notifications?limit={limit}" + (unreadOnly ? "&unread=true" : "") + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
        using var response = await http.GetAsync(query, cancellationToken);
        return await ApiJson.ReadAsync<NoticePage>(response, cancellationToken);
    }

    /// <summary>How many are unread, or null when Identity cannot say (the navigation then shows no count rather than failing the page).</summary>
    public async Task<int?> UnreadAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("api/v1/me/notifications?unread=true&limit=1", cancellationToken);
            return response.IsSuccessStatusCode ? (await ApiJson.ReadAsync<NoticePage>(response, cancellationToken)).Unread : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Marks it read and answers it (its link), or null when it is not the person's (404).</summary>
    public async Task<Notice?> MarkReadAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"api/v1/me/notifications/{id}/read", null, cancellationToken);
        return response.IsSuccessStatusCode ? await ApiJson.ReadAsync<Notice>(response, cancellationToken) : null;
    }

    public Task<ApiProblem?> MarkAllReadAsync(Guid? upTo, CancellationToken cancellationToken) =>
        PostAsync("api/v1/me/notifications/read" + (upTo is { } id ? $"?upTo={id}" : ""), cancellationToken);

    public async Task<NoticeSettings> SettingsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/v1/me/notification-settings", cancellationToken);
        return await ApiJson.ReadAsync<NoticeSettings>(response, cancellationToken);
    }

    public async Task<(NoticeSettings? Saved, ApiProblem? Problem)> SaveSettingsAsync(string email, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync("api/v1/me/notification-settings", new { email }, ApiJson.Options, cancellationToken);
        return await ApiJson.ReadOrProblemAsync<NoticeSettings>(response, cancellationToken);
    }

    private async Task<ApiProblem?> PostAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(path, null, cancellationToken);
        return response.IsSuccessStatusCode ? null : await ApiProblem.ReadAsync(response, cancellationToken);
    }
}
