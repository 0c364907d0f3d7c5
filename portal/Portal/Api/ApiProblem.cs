using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Portal.Api;

/// <summary>An RFC 9457 problem the API answered: its title and detail, and the <c>errors</c> map by field.</summary>
public sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The messages for the named fields (keys as the API writes them: <c>title</c>, <c>quantity.unit</c>).</summary>
    public IEnumerable<string> For(params string[] fields) =>
        Errors.Where(e => fields.Any(f => string.Equals(e.Key, f, StringComparison.OrdinalIgnoreCase))).SelectMany(e => e.Value);

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var body = await response.Content.ReadFromJsonAsync<ProblemBody>(ApiJson.Options, cancellationToken);
            return new ApiProblem(status, body?.Title ?? response.ReasonPhrase ?? "Error", body?.Detail,
                body?.Errors ?? new Dictionary<string, string[]>());
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return new ApiProblem(status, response.ReasonPhrase ?? "Error", null, new Dictionary<string, string[]>());
        }
    }

    private sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}

/// <summary>The API refused a read the page needs; pages show its title, never a stack trace.</summary>
public sealed class ApiException(ApiProblem problem) : Exception(problem.Title)
{
    public ApiProblem Problem { get; } = problem;
}

internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiException(await ApiProblem.ReadAsync(response, cancellationToken));
        }

        return (await response.Content.ReadFromJsonAsync<T>(Options, cancellationToken))!;
    }

    /// <summary>The answer of a write, or the API's refusal as its problem (field messages), not as an exception.</summary>
    public static async Task<(T? Value, ApiProblem? Problem)> ReadOrProblemAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class =>
        response.IsSuccessStatusCode
            ? (await ReadAsync<T>(response, cancellationToken), null)
            : (null, await ApiProblem.ReadAsync(response, cancellationToken));
}
