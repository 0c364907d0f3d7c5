using System.Text.Json;

namespace Marketplace.Matching.Knowledge;

/// <summary>
/// An annotation as stored beside the snapshot in the index, so candidates come back already understood and
/// scoring a listing against hundreds of candidates never re-reads their texts.
/// </summary>
public static class AnnotationCodec
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Stored(string L, IReadOnlyList<string> S, IReadOnlyList<string> G, IReadOnlyList<PatternFit> P, double? T, string? N, IReadOnlyList<string> C);

    public static string Encode(Annotation a) =>
        JsonSerializer.Serialize(new Stored(a.Language, a.Text.Stems, [.. a.Groups], [.. a.Patterns.Values], a.TemperatureC, a.Nace, a.Concepts), Json);

    public static Annotation? Decode(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        var s = JsonSerializer.Deserialize<Stored>(json, Json);
        return s is null ? null : new Annotation(
            s.L, new StemText(s.S), s.G.ToHashSet(StringComparer.Ordinal), s.P.ToDictionary(p => p.PatternId, StringComparer.Ordinal), s.T, s.N)
        { Concepts = s.C };
    }
}
