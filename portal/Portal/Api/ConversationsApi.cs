using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Marketplace.Portal.Api;

/// <summary>The conversation on a match (<c>matches</c>, Matching) or a deal (<c>deals</c>, Brokerage), through the public API.</summary>
public sealed class ConversationsApi(HttpClient http)
{
    /// <summary>The latest messages, oldest first, or null when the user may not see the thread (404).</summary>
    public async Task<IReadOnlyList<ConversationMessage>?> ListAsync(string kind, Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/{kind}/{id}/messages?limit=100", cancellationToken);
        return response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden ? null
            : [.. (await ApiJson.ReadAsync<Page<ConversationMessage>>(response, cancellationToken)).Items.Reverse()];
    }

    public async Task<ApiProblem?> PostAsync(string kind, Guid id, string body, IReadOnlyList<(string Name, byte[] Content)> files, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent { { new StringContent(body), "body" } };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "attachments", name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/{kind}/{id}/messages") { Content = form };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? null : await ApiProblem.ReadAsync(response, cancellationToken);
    }

    /// <summary>A file of a message as the API sends it (its type and name), or null when it is not there for this user.</summary>
    public async Task<(byte[] Content, string ContentType, string FileName)?> DownloadAsync(string kind, Guid id, Guid messageId, Guid attachmentId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/{kind}/{id}/messages/{messageId}/attachments/{attachmentId}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "file";
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken), response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream", name);
    }
}

public sealed record ConversationMessage(Guid Id, string AuthorRole, Guid? AuthorOrganisationId, bool Mine, string Body, DateTimeOffset CreatedAt,
    IReadOnlyList<ConversationFile> Attachments);

public sealed record ConversationFile(Guid Id, string FileName, string ContentType, long Size, string Href);
