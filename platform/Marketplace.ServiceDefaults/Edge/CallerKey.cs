using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Marketplace.ServiceDefaults.Edge;

/// <summary>
/// Who is calling, read from the bearer token's payload without checking the signature: cheap enough for every
/// request. A forged token only chooses which bucket its own requests drain; it is rejected with 401 right after.
/// </summary>
internal static class CallerKey
{
    public static string? FromBearer(string authorization)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization.AsSpan(7).Trim();
        var first = token.IndexOf('.');
        if (first < 0)
        {
            return null;
        }

        var rest = token[(first + 1)..];
        var second = rest.IndexOf('.');
        if (second <= 0 || second > 8192)
        {
            return null;
        }

        var payload = rest[..second];
        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(payload.Length));
        try
        {
            if (Base64Url.DecodeFromChars(payload, buffer, out _, out var written) != OperationStatus.Done)
            {
                return null;
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(0, written));
            string? sub = null, clientId = null;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSub = reader.ValueTextEquals("sub"u8);
                var isClient = reader.ValueTextEquals("client_id"u8) || reader.ValueTextEquals("azp"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && (isSub || isClient))
                {
                    var value = reader.GetString();
                    if (isSub) { sub = value; } else { clientId ??= value; }
                }
                else
                {
                    reader.Skip();
                }
            }

            var key = sub ?? clientId;
            return key is { Length: > 0 and <= 200 } ? key : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
