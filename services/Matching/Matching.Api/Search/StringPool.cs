using System.Collections.Concurrent;
using System.Text;

namespace Marketplace.Matching.Search;

/// <summary>
/// One shared instance of each short string decoded from the index (kinds, units, countries, stems, thesaurus
/// groups, pattern ids, evidence): candidates are decoded on every search, and their vocabulary is small next to
/// their number, so a decoded candidate allocates its collections but hardly any strings. Bounded: once full, new
/// strings are returned unshared. Pattern evidence ("receiving sector 23.51 …") is long but repeats as much as a
/// stem does, hence the length limit.
/// </summary>
internal static class StringPool
{
    /// <summary>Longer strings are hardly ever repeated and are not pooled.</summary>
    public const int MaxLength = 256;

    /// <summary>Distinct strings kept at most (a vocabulary, not the listings' text).</summary>
    public const int Capacity = 500_000;

    private static readonly ConcurrentDictionary<string, string> Strings = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public static int Count => Strings.Count;

    /// <summary>The string these UTF-8 bytes spell, shared when it is short.</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0)
        {
            return string.Empty;
        }

        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxLength];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        var span = chars[..length];
        if (BySpan.TryGetValue(span, out var known))
        {
            return known;
        }

        var value = new string(span);
        return Strings.Count < Capacity ? Strings.GetOrAdd(value, value) : value;
    }
}
