using System.Text.RegularExpressions;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Taxonomy;

namespace Marketplace.Listings.Catalogue;

/// <summary>What a listing is: kind, resource class and status, the class-specific fields, CPA, and the waste code with its hazard.</summary>
public static partial class ListingRules
{
    public static void CheckKindAndClass(ListingInput x, bool creating, Dictionary<string, string[]> errors)
    {
        if (x.Kind is null)
        {
            Error(errors, "kind", "kind is required ('offer' or 'want').");
        }
        else if (!ListingKinds.All.Contains(x.Kind))
        {
            Error(errors, "kind", "kind must be 'offer' or 'want'.");
        }

        if (x.ResourceClass is null)
        {
            Error(errors, "resourceClass", $"resourceClass is required ({string.Join(", ", ResourceClasses.All)}).");
        }
        else if (!ResourceClasses.All.Contains(x.ResourceClass))
        {
            Error(errors, "resourceClass", $"resourceClass must be one of: {string.Join(", ", ResourceClasses.All)}.");
        }

        if (creating && x.Status is not null && x.Status is not (ListingStatuses.Draft or ListingStatuses.Published))
        {
            Error(errors, "status", "status may only be 'draft' or 'published' when creating a listing.");
        }
    }

    /// <summary>Temperature and medium belong to energy, water quality to water; CPA codes have their own shape.</summary>
    public static void CheckClassDetails(ListingInput x, Dictionary<string, string[]> errors)
    {
        if (x.TemperatureC is { } t)
        {
            if (x.ResourceClass != ResourceClasses.Energy)
            {
                Error(errors, "temperatureC", "temperatureC applies to resourceClass 'energy' only.");
            }
            else if (t is < -273.15 or > 3000)
            {
                Error(errors, "temperatureC", "temperatureC must be between -273.15 and 3000.");
            }
        }

        CheckChoice(errors, "medium", x.Medium, ResourceClasses.Energy, x.ResourceClass, ListingInput.Media);
        CheckChoice(errors, "waterQuality", x.WaterQuality, ResourceClasses.Water, x.ResourceClass, ListingInput.WaterQualities);

        if (x.CpaCode is not null && !CpaRegex().IsMatch(x.CpaCode))
        {
            Error(errors, "cpaCode", "cpaCode must be a CPA 2.1 code such as '20.14' or '24.10.11'.");
        }
    }

    private static void CheckChoice(
        Dictionary<string, string[]> errors, string field, string? value, string appliesTo, string? resourceClass, string[] choices)
    {
        if (value is null)
        {
            return;
        }

        if (resourceClass != appliesTo)
        {
            Error(errors, field, $"{field} applies to resourceClass '{appliesTo}' only.");
        }
        else if (!choices.Contains(value))
        {
            Error(errors, field, $"{field} must be one of: {string.Join(", ", choices)}.");
        }
    }

    /// <summary>The European List of Waste entry and what it says about hazard: every entry decides it (a mirror entry by its side); a contradicting statement is refused.</summary>
    public static (string? EwcCode, bool Hazardous) CheckWasteCode(ListingInput x, EwcCatalog catalog, Dictionary<string, string[]> errors)
    {
        var hazardous = x.Hazardous ?? false;
        if (x.EwcCode is null)
        {
            return (null, hazardous);
        }

        var (kind, digits, starred) = EwcCatalog.Parse(x.EwcCode);
        var entry = kind == EwcCodeKind.Entry ? catalog.Find(digits) : null;
        switch (kind)
        {
            case EwcCodeKind.Chapter or EwcCodeKind.Subchapter:
                var heading = catalog.FindHeading(digits);
                Error(errors, "ewcCode", $"ewcCode '{EwcCatalog.Format(digits)}' is a {(kind == EwcCodeKind.Chapter ? "chapter" : "subchapter")} heading"
                    + (heading is null ? "" : $" ({heading.Label})")
                    + $"; choose one of its six-digit entries{(catalog.FirstEntryUnder(digits) is { } first ? $" such as '{first.Code}'" : "")}"
                    + " (see GET /api/v1/taxonomy/ewc?q=...).");
                return (null, hazardous);
            case EwcCodeKind.Malformed:
                Error(errors, "ewcCode", "ewcCode must be a six-digit List of Waste entry such as '10 01 02' (or '100102', '16 06 01*').");
                return (null, hazardous);
            case EwcCodeKind.Entry when entry is null:
                Error(errors, "ewcCode", $"ewcCode '{EwcCatalog.Format(digits)}' is not in the European List of Waste.");
                return (null, hazardous);
            case EwcCodeKind.Entry when entry is not null:
                return (entry.Code, HazardOfEntry(x, entry, starred, hazardous, errors));
            default:
                return (null, hazardous);
        }
    }

    private static bool HazardOfEntry(ListingInput x, EwcEntry entry, bool starred, bool hazardous, Dictionary<string, string[]> errors)
    {
        if (starred && entry.Hazard is "ANH" or "MNH")
        {
            Error(errors, "ewcCode", $"ewcCode '{entry.Code}' is not a hazardous entry; remove the '*'.");
            return hazardous;
        }

        // Every entry states the assessment, a mirror entry too: 16 02 15* is the hazardous side, 16 02 16 the other
        // one. The code decides. An absolute entry overrides any flag (as it always has); on a mirror entry, where the
        // flag is the holder's assessment, a flag that contradicts the chosen side is refused.
        var side = entry.Hazard is "AH" or "MH";
        if (entry.IsMirror && x.HazardousStated && x.Hazardous is { } stated && stated != side)
        {
            Error(errors, "hazardous", $"hazardous {(stated ? "true" : "false")} contradicts ewcCode '{entry.Code}', "
                + $"the {(side ? "hazardous" : "non-hazardous")} side of a mirror entry"
                + (entry.Mirror.Count > 0 ? $" (its mirror: {string.Join(", ", entry.Mirror)})" : "")
                + ": choose the code that matches your assessment, or leave hazardous out.");
        }

        return side;
    }

    /// <summary>
    /// Whether the waste code really changed (then a mirror entry needs a hazard statement again): writing back
    /// the stored entry in another spelling is no change. For a PATCH and an import row that updates.
    /// </summary>
    public static bool WasteCodeChanged(ListingInput input, string? storedEwcCode)
    {
        if (!input.EwcChanged || input.EwcCode is null)
        {
            return input.EwcChanged;
        }

        var parsed = EwcCatalog.Parse(input.EwcCode);
        return parsed.Kind != EwcCodeKind.Entry || EwcCatalog.Format(parsed.Digits) != storedEwcCode || parsed.Starred;
    }

    public static void CheckAcceptsHazardous(ListingInput x, Dictionary<string, string[]> errors)
    {
        if (x.AcceptsHazardous == true && x.Kind == ListingKinds.Offer)
        {
            Error(errors, "acceptsHazardous", "acceptsHazardous applies to wants only (the receiver holds a permit).");
        }
    }

    [GeneratedRegex(@"^\d{2}(\.\d{1,2}(\.\d{1,2})?)?$")]
    private static partial Regex CpaRegex();
}
