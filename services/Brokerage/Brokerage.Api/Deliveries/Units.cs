namespace Marketplace.Brokerage.Deliveries;

/// <summary>Conversions between the units a delivery, a contract, a fee plan and an impact factor may use.</summary>
public static class Units
{
    private static readonly Dictionary<string, (string Base, decimal Factor)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["t"] = ("t", 1m),
        ["kg"] = ("t", 0.001m),
        ["m3"] = ("m3", 1m),
        ["l"] = ("m3", 0.001m),
        ["MWh"] = ("MWh", 1m),
        ["kWh"] = ("MWh", 0.001m),
        ["GJ"] = ("MWh", 1m / 3.6m),
        ["pcs"] = ("pcs", 1m),
        ["h"] = ("h", 1m),
        ["m2"] = ("m2", 1m),
    };

    public static IEnumerable<string> All => Known.Keys;

    public static bool IsKnown(string unit) => Known.ContainsKey(unit);

    /// <summary>The canonical spelling (<c>KG</c> → <c>kg</c>), or null.</summary>
    public static string? Canonical(string unit) => Known.Keys.FirstOrDefault(k => string.Equals(k, unit, StringComparison.OrdinalIgnoreCase));

    public static bool TryConvert(decimal quantity, string from, string to, out decimal converted)
    {
        converted = 0;
        if (!Known.TryGetValue(from, out var f) || !Known.TryGetValue(to, out var t) || f.Base != t.Base)
        {
            return false;
        }

        converted = quantity * f.Factor / t.Factor;
        return true;
    }
}
