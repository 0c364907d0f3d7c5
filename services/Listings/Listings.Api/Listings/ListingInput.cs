using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Taxonomy;

namespace Marketplace.Listings.Listings;

/// <summary>
/// Every field a client may write, before validation. A create starts empty; a PATCH or a re-import starts
/// from the stored listing and overlays what the request carries, then the same rules run on the result.
/// </summary>
public sealed partial class ListingInput
{
    public const int MaxAttributes = 50;
    public static readonly string[] Media = ["steam", "hot water", "flue gas", "gas fuel"];
    public static readonly string[] WaterQualities = ["potable", "demineralised", "process", "cooling", "rainwater", "grey", "treated-effluent", "wastewater"];

    public Guid? OrganisationId { get; set; }
    public string? ExternalRef { get; set; }
    public string? Kind { get; set; }
    public string? ResourceClass { get; set; }
    public string? Status { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Language { get; set; }
    public List<AttributeSnapshot> Attributes { get; set; } = [];
    public double? TemperatureC { get; set; }
    public string? Medium { get; set; }
    public string? WaterQuality { get; set; }
    public string? EwcCode { get; set; }
    public string? CpaCode { get; set; }
    public bool? Hazardous { get; set; }
    public bool? AcceptsHazardous { get; set; }
    public decimal? Amount { get; set; }
    public string? Unit { get; set; }
    public string? Per { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public string? Country { get; set; }
    public string? Address { get; set; }
    public double? MaxTransportKm { get; set; }
    public DateOnly? AvailableFrom { get; set; }
    public DateOnly? AvailableUntil { get; set; }
    public decimal? PriceAmount { get; set; }
    public string? PriceCurrency { get; set; }
    public string? PricePer { get; set; }
    public string? Visibility { get; set; }

    /// <summary>The request itself said hazardous true/false (a mirror entry needs that).</summary>
    public bool HazardousStated { get; set; }
    public bool EwcChanged { get; set; }

    public static ListingInput From(Listing l) => new()
    {
        OrganisationId = l.OrganisationId,
        ExternalRef = l.ExternalRef,
        Kind = l.Kind,
        ResourceClass = l.ResourceClass,
        Status = l.Status,
        Title = l.Title,
        Description = l.Description,
        Language = l.Language,
        Attributes = [.. l.Attributes],
        TemperatureC = l.TemperatureC,
        Medium = l.Medium,
        WaterQuality = l.WaterQuality,
        EwcCode = l.EwcCode,
        CpaCode = l.CpaCode,
        Hazardous = l.Hazardous,
        AcceptsHazardous = l.AcceptsHazardous,
        Amount = l.Amount,
        Unit = l.Unit,
        Per = l.Per,
        Lat = l.Lat,
        Lon = l.Lon,
        Country = l.Country,
        Address = l.Address,
        MaxTransportKm = l.MaxTransportKm,
        AvailableFrom = l.AvailableFrom,
        AvailableUntil = l.AvailableUntil,
        PriceAmount = l.PriceAmount,
        PriceCurrency = l.PriceCurrency,
        PricePer = l.PricePer,
        Visibility = l.Visibility,
    };

    /// <summary>The result of <see cref="Validate"/>: the values the listing stores besides the input.</summary>
    public sealed record Normalised(string? EwcCode, bool Hazardous, decimal YearlyAmount, string BaseUnit);

    /// <summary>All rules of a listing; errors are keyed by the JSON path of the field.</summary>
    public Normalised? Validate(EwcCatalog catalog, DateOnly today, bool creating, Dictionary<string, string[]> errors)
    {
        void Error(string field, string message) => errors.TryAdd(field, [message]);

        if (Kind is null)
        {
            Error("kind", "kind is required ('offer' or 'want').");
        }
        else if (!ListingKinds.All.Contains(Kind))
        {
            Error("kind", "kind must be 'offer' or 'want'.");
        }

        if (ResourceClass is null)
        {
            Error("resourceClass", $"resourceClass is required ({string.Join(", ", ResourceClasses.All)}).");
        }
        else if (!ResourceClasses.All.Contains(ResourceClass))
        {
            Error("resourceClass", $"resourceClass must be one of: {string.Join(", ", ResourceClasses.All)}.");
        }

        if (creating && Status is not null && Status is not (ListingStatuses.Draft or ListingStatuses.Published))
        {
            Error("status", "status may only be 'draft' or 'published' when creating a listing.");
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            Error("title", "title is required.");
        }
        else if (Title.Trim().Length is < 3 or > Listing.MaxTitle)
        {
            Error("title", $"title must be 3 to {Listing.MaxTitle} characters long.");
        }

        if (Description is { Length: > Listing.MaxDescription })
        {
            Error("description", $"description must be at most {Listing.MaxDescription:N0} characters long.");
        }

        if (Language is not null && !LanguageRegex().IsMatch(Language))
        {
            Error("language", "language must be an ISO 639-1 code such as 'en' or 'da'.");
        }

        if (Attributes.Count > MaxAttributes)
        {
            Error("attributes", $"at most {MaxAttributes} attributes.");
        }

        for (var i = 0; i < Attributes.Count; i++)
        {
            var a = Attributes[i];
            if (string.IsNullOrWhiteSpace(a.Name) || a.Name.Length > 60)
            {
                Error($"attributes[{i}].name", "an attribute needs a name of at most 60 characters.");
            }

            if (string.IsNullOrWhiteSpace(a.Value) || a.Value.Length > 200)
            {
                Error($"attributes[{i}].value", "an attribute needs a value of at most 200 characters.");
            }

            if (a.Unit is { Length: > 20 })
            {
                Error($"attributes[{i}].unit", "an attribute unit has at most 20 characters.");
            }
        }

        if (TemperatureC is { } t)
        {
            if (ResourceClass != ResourceClasses.Energy)
            {
                Error("temperatureC", "temperatureC applies to resourceClass 'energy' only.");
            }
            else if (t is < -273.15 or > 3000)
            {
                Error("temperatureC", "temperatureC must be between -273.15 and 3000.");
            }
        }

        if (Medium is not null)
        {
            if (ResourceClass != ResourceClasses.Energy)
            {
                Error("medium", "medium applies to resourceClass 'energy' only.");
            }
            else if (!Media.Contains(Medium))
            {
                Error("medium", $"medium must be one of: {string.Join(", ", Media)}.");
            }
        }

        if (WaterQuality is not null)
        {
            if (ResourceClass != ResourceClasses.Water)
            {
                Error("waterQuality", "waterQuality applies to resourceClass 'water' only.");
            }
            else if (!WaterQualities.Contains(WaterQuality))
            {
                Error("waterQuality", $"waterQuality must be one of: {string.Join(", ", WaterQualities)}.");
            }
        }

        if (CpaCode is not null && !CpaRegex().IsMatch(CpaCode))
        {
            Error("cpaCode", "cpaCode must be a CPA 2.1 code such as '20.14' or '24.10.11'.");
        }

        var hazardous = Hazardous ?? false;
        string? ewc = null;
        if (EwcCode is not null)
        {
            var (kind, digits, starred) = EwcCatalog.Parse(EwcCode);
            var entry = kind == EwcCodeKind.Entry ? catalog.Find(digits) : null;
            switch (kind)
            {
                case EwcCodeKind.Chapter or EwcCodeKind.Subchapter:
                    var heading = catalog.FindHeading(digits);
                    Error("ewcCode", $"ewcCode '{EwcCatalog.Format(digits)}' is a {(kind == EwcCodeKind.Chapter ? "chapter" : "subchapter")} heading"
                        + (heading is null ? "" : $" ({heading.Label})")
                        + "; choose a six-digit entry such as '10 01 02' (see GET /api/v1/taxonomy/ewc?q=...).");
                    break;
                case EwcCodeKind.Malformed:
                    Error("ewcCode", "ewcCode must be a six-digit List of Waste entry such as '10 01 02' (or '100102', '16 06 01*').");
                    break;
                case EwcCodeKind.Entry when entry is null:
                    Error("ewcCode", $"ewcCode '{EwcCatalog.Format(digits)}' is not in the European List of Waste.");
                    break;
                case EwcCodeKind.Entry when entry is not null:
                    ewc = entry.Code;
                    if (starred && entry.Hazard is "ANH" or "MNH")
                    {
                        Error("ewcCode", $"ewcCode '{entry.Code}' is not a hazardous entry; remove the '*'.");
                    }
                    else if (entry.Hazard == "AH")
                    {
                        hazardous = true;
                    }
                    else if (entry.Hazard == "ANH")
                    {
                        hazardous = false;
                    }
                    else if (EwcChanged && !HazardousStated)
                    {
                        Error("hazardous", $"ewcCode '{entry.Code}' is a mirror entry ({(entry.Hazard == "MH" ? "hazardous" : "non-hazardous")} side"
                            + (entry.Mirror.Count > 0 ? $", mirrored by {string.Join(", ", entry.Mirror)}" : "")
                            + "): state hazardous true or false from your assessment.");
                    }

                    break;
            }
        }

        if (AcceptsHazardous == true && Kind == ListingKinds.Offer)
        {
            Error("acceptsHazardous", "acceptsHazardous applies to wants only (the receiver holds a permit).");
        }

        decimal yearly = 0;
        var baseUnit = "";
        if (Amount is null)
        {
            Error("quantity.amount", "quantity.amount is required.");
        }
        else if (Amount <= 0)
        {
            Error("quantity.amount", "quantity.amount must be greater than zero.");
        }
        else if (Amount > 1_000_000_000_000m)
        {
            Error("quantity.amount", "quantity.amount is implausibly large.");
        }

        if (Unit is null || !QuantityNormaliser.KnownUnits.Contains(Unit))
        {
            Error("quantity.unit", $"quantity.unit must be one of: {string.Join(", ", QuantityNormaliser.KnownUnits)}.");
        }

        if (Per is null || !QuantityNormaliser.KnownPeriods.Contains(Per))
        {
            Error("quantity.per", $"quantity.per must be one of: {string.Join(", ", QuantityNormaliser.KnownPeriods)}.");
        }

        if (Amount is > 0 and <= 1_000_000_000_000m && Unit is not null && Per is not null)
        {
            QuantityNormaliser.TryNormalise(Amount.Value, Unit, Per, out yearly, out baseUnit);
        }

        if (Lat is null or < -90 or > 90 || double.IsNaN(Lat ?? 0))
        {
            Error("location.lat", "location.lat is required, between -90 and 90.");
        }

        if (Lon is null or < -180 or > 180 || double.IsNaN(Lon ?? 0))
        {
            Error("location.lon", "location.lon is required, between -180 and 180.");
        }

        if (Country is null || !CountryRegex().IsMatch(Country))
        {
            Error("location.country", "location.country must be an ISO 3166-1 alpha-2 code such as DK.");
        }

        if (Address is { Length: > 300 })
        {
            Error("location.address", "location.address must be at most 300 characters long.");
        }

        if (MaxTransportKm is < 0 or > 20000)
        {
            Error("maxTransportKm", "maxTransportKm must be between 0 and 20000.");
        }

        if (AvailableFrom is { } from && AvailableUntil is { } until && until < from)
        {
            Error("availableUntil", "availableUntil must not be before availableFrom.");
        }

        if (creating && AvailableUntil is { } end && end < today)
        {
            Error("availableUntil", "availableUntil is in the past.");
        }

        if (PriceAmount is not null || PriceCurrency is not null || PricePer is not null)
        {
            if (PriceAmount is null)
            {
                Error("price.amount", "price.amount is required when a price is given (negative: a gate fee the supplier pays).");
            }
            else if (Math.Abs(PriceAmount.Value) > 1_000_000_000m)
            {
                Error("price.amount", "price.amount is implausibly large.");
            }

            if (PriceCurrency is null || !CurrencyRegex().IsMatch(PriceCurrency))
            {
                Error("price.currency", "price.currency must be an ISO 4217 code such as EUR.");
            }

            if (PricePer is null || !(QuantityNormaliser.KnownUnits.Contains(PricePer) || QuantityNormaliser.KnownPeriods.Contains(PricePer)))
            {
                Error("price.per", $"price.per must be a unit ({string.Join(", ", QuantityNormaliser.KnownUnits)}) or a period ({string.Join(", ", QuantityNormaliser.KnownPeriods)}).");
            }
        }

        if (Visibility is not null && Visibility is not (Visibilities.Public or Visibilities.Anonymous))
        {
            Error("visibility", "visibility must be 'public' or 'anonymous'.");
        }

        if (ExternalRef is { Length: > 100 })
        {
            Error("externalRef", "externalRef must be at most 100 characters long.");
        }

        return errors.Count > 0 ? null : new Normalised(ewc, hazardous, yearly, baseUnit);
    }

    public void ApplyTo(Listing l, Normalised n)
    {
        l.ExternalRef = ExternalRef;
        l.Kind = Kind!;
        l.ResourceClass = ResourceClass!;
        l.Title = Title!.Trim();
        l.Description = Description?.Trim() ?? "";
        l.Language = Language;
        l.AttributesJson = JsonSerializer.Serialize(Attributes, ListingJson.Options);
        l.TemperatureC = TemperatureC;
        l.Medium = Medium;
        l.WaterQuality = WaterQuality;
        l.EwcCode = n.EwcCode;
        l.CpaCode = CpaCode;
        l.Hazardous = n.Hazardous;
        l.AcceptsHazardous = AcceptsHazardous ?? false;
        l.Amount = Amount!.Value;
        l.Unit = Unit!;
        l.Per = Per!;
        l.YearlyAmount = n.YearlyAmount;
        l.BaseUnit = n.BaseUnit;
        l.Lat = Lat!.Value;
        l.Lon = Lon!.Value;
        l.Country = Country!;
        l.Address = Address;
        l.MaxTransportKm = MaxTransportKm;
        l.AvailableFrom = AvailableFrom;
        l.AvailableUntil = AvailableUntil;
        l.PriceAmount = PriceAmount;
        l.PriceCurrency = PriceAmount is null ? null : PriceCurrency;
        l.PricePer = PriceAmount is null ? null : PricePer;
        l.Visibility = Visibility ?? Visibilities.Public;
        (l.PublicLat, l.PublicLon) = l.Visibility == Visibilities.Anonymous ? Anonymity.Round(l.Lat, l.Lon) : (l.Lat, l.Lon);
    }

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageRegex();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryRegex();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyRegex();

    [GeneratedRegex(@"^\d{2}(\.\d{1,2}(\.\d{1,2})?)?$")]
    private static partial Regex CpaRegex();
}

/// <summary>Anonymous listings show a grid-cell centre (~5 km cells), the same on every read so averaging reveals nothing.</summary>
public static class Anonymity
{
    public const double CellKm = 5.0;
    private const double KmPerDegree = 111.32;

    public static (double Lat, double Lon) Round(double lat, double lon)
    {
        var latStep = CellKm / KmPerDegree;
        var roundedLat = Math.Clamp((Math.Floor(lat / latStep) + 0.5) * latStep, -90, 90);
        var lonStep = Math.Min(CellKm / (KmPerDegree * Math.Max(Math.Cos(roundedLat * Math.PI / 180), 0.01)), 360);
        var roundedLon = Math.Clamp((Math.Floor(lon / lonStep) + 0.5) * lonStep, -180, 180);
        return (Math.Round(roundedLat, 4), Math.Round(roundedLon, 4));
    }
}

/// <summary>
/// Reads a JSON object onto a <see cref="ListingInput"/> with merge-patch semantics (absent: unchanged,
/// null: cleared, nested objects merge). Unknown and read-only fields are errors, named by their path.
/// </summary>
public static class ListingJsonReader
{
    private static readonly HashSet<string> ReadOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "version", "createdAt", "updatedAt", "naceCode", "organisationName", "yearlyAmount", "baseUnit", "closedReason",
    };

    public static void Apply(JsonObject body, ListingInput x, bool patch, bool isOperator, Dictionary<string, string[]> errors)
    {
        void Error(string field, string message) => errors.TryAdd(field, [message]);

        foreach (var (rawName, node) in body)
        {
            var name = rawName.Length > 0 ? char.ToLowerInvariant(rawName[0]) + rawName[1..] : rawName;
            switch (name)
            {
                case "kind": x.Kind = Str(node, name, errors, required: true); break;
                case "resourceClass": x.ResourceClass = Str(node, name, errors, required: true); break;
                case "title": x.Title = Str(node, name, errors, required: true); break;
                case "description": x.Description = Str(node, name, errors); break;
                case "language": x.Language = Str(node, name, errors); break;
                case "medium": x.Medium = NormaliseMedium(Str(node, name, errors)); break;
                case "waterQuality": x.WaterQuality = Str(node, name, errors); break;
                case "cpaCode": x.CpaCode = Str(node, name, errors); break;
                case "externalRef": x.ExternalRef = Str(node, name, errors); break;
                case "visibility": x.Visibility = Str(node, name, errors); break;
                case "temperatureC": x.TemperatureC = Num<double>(node, name, errors); break;
                case "maxTransportKm": x.MaxTransportKm = Num<double>(node, name, errors); break;
                case "hazardous":
                    x.Hazardous = Bool(node, name, errors);
                    x.HazardousStated = x.Hazardous is not null;
                    break;
                case "acceptsHazardous": x.AcceptsHazardous = Bool(node, name, errors); break;
                case "availableFrom": x.AvailableFrom = Date(node, name, errors); break;
                case "availableUntil": x.AvailableUntil = Date(node, name, errors); break;
                case "ewcCode":
                    x.EwcCode = Str(node, name, errors);
                    x.EwcChanged = true;
                    break;
                case "status":
                    if (patch)
                    {
                        Error(name, "status changes through POST .../publish, .../pause and .../close, not PATCH.");
                    }
                    else
                    {
                        x.Status = Str(node, name, errors);
                    }

                    break;
                case "organisationId":
                    var org = Str(node, name, errors);
                    if (org is null)
                    {
                        break;
                    }

                    if (!Guid.TryParse(org, out var orgId))
                    {
                        Error(name, "organisationId must be a GUID.");
                    }
                    else if (patch && !isOperator && orgId != x.OrganisationId)
                    {
                        Error(name, "only an operator may move a listing to another organisation.");
                    }
                    else
                    {
                        x.OrganisationId = orgId;
                    }

                    break;
                case "quantity":
                    if (Obj(node, name, errors, required: true) is { } q)
                    {
                        foreach (var (k, v) in q)
                        {
                            switch (k)
                            {
                                case "amount": x.Amount = Num<decimal>(v, "quantity.amount", errors); break;
                                case "unit": x.Unit = Str(v, "quantity.unit", errors); break;
                                case "per": x.Per = Str(v, "quantity.per", errors); break;
                                default: Error($"quantity.{k}", $"unknown field 'quantity.{k}' (amount, unit, per)."); break;
                            }
                        }
                    }

                    break;
                case "location":
                    if (Obj(node, name, errors, required: true) is { } loc)
                    {
                        foreach (var (k, v) in loc)
                        {
                            switch (k)
                            {
                                case "lat": x.Lat = Num<double>(v, "location.lat", errors); break;
                                case "lon": x.Lon = Num<double>(v, "location.lon", errors); break;
                                case "country": x.Country = Str(v, "location.country", errors); break;
                                case "address": x.Address = Str(v, "location.address", errors); break;
                                default: Error($"location.{k}", $"unknown field 'location.{k}' (lat, lon, country, address)."); break;
                            }
                        }
                    }

                    break;
                case "price":
                    if (node is null)
                    {
                        x.PriceAmount = null;
                        x.PriceCurrency = null;
                        x.PricePer = null;
                    }
                    else if (Obj(node, name, errors) is { } price)
                    {
                        foreach (var (k, v) in price)
                        {
                            switch (k)
                            {
                                case "amount": x.PriceAmount = Num<decimal>(v, "price.amount", errors); break;
                                case "currency": x.PriceCurrency = Str(v, "price.currency", errors); break;
                                case "per": x.PricePer = Str(v, "price.per", errors); break;
                                default: Error($"price.{k}", $"unknown field 'price.{k}' (amount, currency, per)."); break;
                            }
                        }
                    }

                    break;
                case "attributes":
                    x.Attributes = Attributes(node, errors);
                    break;
                default:
                    Error(name, ReadOnly.Contains(name) ? $"{name} is read-only." : $"unknown field '{name}'.");
                    break;
            }
        }
    }

    public static string? NormaliseMedium(string? medium) => medium?.Trim().ToLowerInvariant().Replace('_', ' ').Replace('-', ' ');

    private static List<AttributeSnapshot> Attributes(JsonNode? node, Dictionary<string, string[]> errors)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            errors.TryAdd("attributes", ["attributes must be an array of { name, value, unit }."]);
            return [];
        }

        var result = new List<AttributeSnapshot>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject o)
            {
                errors.TryAdd($"attributes[{i}]", ["an attribute is an object { name, value, unit }."]);
                continue;
            }

            string? name = null, value = null, unit = null;
            foreach (var (k, v) in o)
            {
                switch (k)
                {
                    case "name": name = Str(v, $"attributes[{i}].name", errors); break;
                    case "value": value = v is JsonValue jv && jv.GetValueKind() == JsonValueKind.Number ? jv.ToJsonString() : Str(v, $"attributes[{i}].value", errors); break;
                    case "unit": unit = Str(v, $"attributes[{i}].unit", errors); break;
                    default: errors.TryAdd($"attributes[{i}].{k}", [$"unknown field '{k}' (name, value, unit)."]); break;
                }
            }

            result.Add(new AttributeSnapshot(name ?? "", value ?? "", unit));
        }

        return result;
    }

    private static string? Str(JsonNode? node, string field, Dictionary<string, string[]> errors, bool required = false)
    {
        if (node is null)
        {
            if (required)
            {
                errors.TryAdd(field, [$"{field} may not be null."]);
            }

            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }

        errors.TryAdd(field, [$"{field} must be a string."]);
        return null;
    }

    private static T? Num<T>(JsonNode? node, string field, Dictionary<string, string[]> errors)
        where T : struct
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            try
            {
                return v.GetValue<T>();
            }
            catch (Exception e) when (e is FormatException or OverflowException or InvalidOperationException)
            {
                // falls through to the error below
            }
        }

        errors.TryAdd(field, [$"{field} must be a number."]);
        return null;
    }

    private static bool? Bool(JsonNode? node, string field, Dictionary<string, string[]> errors)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetValue<bool>();
        }

        errors.TryAdd(field, [$"{field} must be true or false."]);
        return null;
    }

    private static DateOnly? Date(JsonNode? node, string field, Dictionary<string, string[]> errors)
    {
        var s = Str(node, field, errors);
        if (s is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        errors.TryAdd(field, [$"{field} must be a date such as 2027-01-31."]);
        return null;
    }

    private static JsonObject? Obj(JsonNode? node, string field, Dictionary<string, string[]> errors, bool required = false)
    {
        if (node is JsonObject o)
        {
            return o;
        }

        if (node is not null || required)
        {
            errors.TryAdd(field, [$"{field} must be an object."]);
        }

        return null;
    }
}
