using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Listings.Http;

/// <summary>
/// Reads a JSON object body with a byte limit. Past the limit it names the field that overflowed (a 10 MB
/// description is reported against <c>description</c>), and malformed JSON is a 400 against <c>body</c>.
/// </summary>
internal static class JsonBody
{
    public static async Task<(JsonObject? Body, Dictionary<string, string[]>? Errors)> ReadObjectAsync(
        HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            var head = await ReadAsync(request.Body, maxBytes, cancellationToken);
            return (null, TooLarge(head.Bytes, maxBytes));
        }

        var (bytes, truncated) = await ReadAsync(request.Body, maxBytes, cancellationToken);
        if (truncated)
        {
            return (null, TooLarge(bytes, maxBytes));
        }

        if (bytes.Length == 0)
        {
            return (null, new() { ["body"] = ["A JSON object is required."] });
        }

        try
        {
            var node = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
            return node is JsonObject o ? (o, null) : (null, new() { ["body"] = ["The body must be a JSON object."] });
        }
        catch (JsonException e)
        {
            return (null, new() { ["body"] = [$"Malformed JSON: {e.Message}"] });
        }
    }

    private static async Task<(byte[] Bytes, bool Truncated)> ReadAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                var room = maxBytes - (int)buffer.Length;
                if (read > room)
                {
                    buffer.Write(chunk, 0, room);
                    return (buffer.ToArray(), true);
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static Dictionary<string, string[]> TooLarge(byte[] head, int maxBytes)
    {
        var field = OverflowingField(head) ?? "body";
        return new()
        {
            [field] = [$"{field} is too large: the request body is limited to {maxBytes / 1024:N0} KB (a description to 4,000 characters)."],
        };
    }

    /// <summary>The property whose value was being read when the limit cut the body off.</summary>
    private static string? OverflowingField(byte[] head)
    {
        var reader = new Utf8JsonReader(head, isFinalBlock: false, state: default);
        string? last = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    last = reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return last;
    }
}
