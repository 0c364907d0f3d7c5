namespace Marketplace.Testing;

/// <summary>Words no other test writes, for listings that must be each other's best on a host other tests share.</summary>
public static class UniqueWords
{
    /// <summary>A six-letter word (letters only, so the analyzers keep it whole).</summary>
    public static string Next() =>
        string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => char.IsDigit(c) ? (char)('g' + (c - '0')) : c));
}
