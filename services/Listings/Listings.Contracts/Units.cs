namespace Marketplace.Listings.Contracts;

/// <summary>
/// The units a quantity may be given in, each with the base unit of its dimension (t, m3, MWh, pcs, h, m2) and the
/// factor to it: listings normalise to the base unit, deliveries, contracts, fee plans and impact factors convert.
/// </summary>
public static class Units
{
    public const string Tonne = "t";
    public const string CubicMetre = "m3";
    public const string MegawattHour = "MWh";

    private static readonly Dictionary<string, (string Base, decimal Factor)> Known = new(StringComparer.Ordinal)
    {
        [Tonne] = (Tonne, 1m),
        ["kg"] = (Tonne, 0.001m),
        [CubicMetre] = (CubicMetre, 1m),
        ["l"] = (CubicMetre, 0.001m),
        [MegawattHour] = (MegawattHour, 1m),
        ["kWh"] = (MegawattHour, 0.001m),
        ["GJ"] = (MegawattHour, 1m / 3.6m),
        ["pcs"] = ("pcs", 1m),
        ["h"] = ("h", 1m),
        ["m2"] = ("m2", 1m),
    };

    /// <summary>Every unit in its canonical spelling, in the order clients list them.</summary>
    public static readonly string[] All = [.. Known.Keys];

    /// <summary>The canonical spelling (<c>KG</c> → <c>kg</c>), or null.</summary>
    public static string? Canonical(string unit) => All.FirstOrDefault(k => string.Equals(k, unit, StringComparison.OrdinalIgnoreCase));

    /// <summary>The base unit and factor of a unit in its canonical spelling (exactly; <c>KG</c> is not known here).</summary>
    public static bool TryGetBase(string unit, out string baseUnit, out decimal factor)
    {
        var known = Known.TryGetValue(unit, out var u);
        (baseUnit, factor) = known ? u : ("", 0m);
        return known;
    }

    /// <summary>Converts between two units of one dimension, whatever their case.</summary>
    public static bool TryConvert(decimal quantity, string from, string to, out decimal converted)
    {
        converted = 0;
        if (Canonical(from) is not { } f || Canonical(to) is not { } t || !TryGetBase(f, out var fromBase, out var fromFactor)
            || !TryGetBase(t, out var toBase, out var toFactor) || fromBase != toBase)
        {
            return false;
        }

        converted = quantity * fromFactor / toFactor;
        return true;
    }
}
