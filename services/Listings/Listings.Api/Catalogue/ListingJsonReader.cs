using System.Text.Json.Nodes;
using static Marketplace.Listings.Catalogue.JsonValues;

namespace Marketplace.Listings.Catalogue;

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
        foreach (var (rawName, node) in body)
        {
            var name = rawName.Length > 0 ? char.ToLowerInvariant(rawName[0]) + rawName[1..] : rawName;
            if (!ReadText(x, name, node, errors) && !ReadOther(x, name, node, patch, isOperator, errors))
            {
                errors.TryAdd(name, [ReadOnly.Contains(name) ? $"{name} is read-only." : $"unknown field '{name}'."]);
            }
        }
    }

    public static string? NormaliseMedium(string? medium) => medium?.Trim().ToLowerInvariant().Replace('_', ' ').Replace('-', ' ');

    private static bool ReadText(ListingInput x, string name, JsonNode? node, Dictionary<string, string[]> errors)
    {
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
            case "ewcCode":
                x.EwcCode = Str(node, name, errors);
                x.EwcChanged = true;
                break;
            default: return false;
        }

        return true;
    }

    private static bool ReadOther(ListingInput x, string name, JsonNode? node, bool patch, bool isOperator, Dictionary<string, string[]> errors)
    {
        switch (name)
        {
            case "temperatureC": x.TemperatureC = Num<double>(node, name, errors); break;
            case "maxTransportKm": x.MaxTransportKm = Num<double>(node, name, errors); break;
            case "hazardous":
                x.Hazardous = Bool(node, name, errors);
                x.HazardousStated = x.Hazardous is not null;
                break;
            case "acceptsHazardous": x.AcceptsHazardous = Bool(node, name, errors); break;
            case "availableFrom": x.AvailableFrom = Date(node, name, errors); break;
            case "availableUntil": x.AvailableUntil = Date(node, name, errors); break;
            case "status": ReadStatus(x, node, patch, errors); break;
            case "organisationId": ReadOrganisation(x, node, patch, isOperator, errors); break;
            case "quantity": ReadQuantity(x, node, errors); break;
            case "location": ReadLocation(x, node, errors); break;
            case "price": ReadPrice(x, node, errors); break;
            case "attributes": x.Attributes = Attributes(node, errors); break;
            default: return false;
        }

        return true;
    }

    private static void ReadStatus(ListingInput x, JsonNode? node, bool patch, Dictionary<string, string[]> errors)
    {
        if (patch)
        {
            errors.TryAdd("status", ["status changes through POST .../publish, .../pause and .../close, not PATCH."]);
        }
        else
        {
            x.Status = Str(node, "status", errors);
        }
    }

    private static void ReadOrganisation(ListingInput x, JsonNode? node, bool patch, bool isOperator, Dictionary<string, string[]> errors)
    {
        const string name = "organisationId";
        var org = Str(node, name, errors);
        if (org is null)
        {
            return;
        }

        if (!Guid.TryParse(org, out var orgId))
        {
            errors.TryAdd(name, ["organisationId must be a GUID."]);
        }
        else if (patch && !isOperator && orgId != x.OrganisationId)
        {
            errors.TryAdd(name, ["only an operator may move a listing to another organisation."]);
        }
        else
        {
            x.OrganisationId = orgId;
        }
    }

    private static void ReadQuantity(ListingInput x, JsonNode? node, Dictionary<string, string[]> errors)
    {
        foreach (var (k, v) in Obj(node, "quantity", errors, required: true) ?? [])
        {
            switch (k)
            {
                case "amount": x.Amount = Num<decimal>(v, "quantity.amount", errors); break;
                case "unit": x.Unit = Str(v, "quantity.unit", errors); break;
                case "per": x.Per = Str(v, "quantity.per", errors); break;
                default: errors.TryAdd($"quantity.{k}", [$"unknown field 'quantity.{k}' (amount, unit, per)."]); break;
            }
        }
    }

    private static void ReadLocation(ListingInput x, JsonNode? node, Dictionary<string, string[]> errors)
    {
        foreach (var (k, v) in Obj(node, "location", errors, required: true) ?? [])
        {
            switch (k)
            {
                case "lat": x.Lat = Num<double>(v, "location.lat", errors); break;
                case "lon": x.Lon = Num<double>(v, "location.lon", errors); break;
                case "country": x.Country = Str(v, "location.country", errors); break;
                case "address": x.Address = Str(v, "location.address", errors); break;
                default: errors.TryAdd($"location.{k}", [$"unknown field 'location.{k}' (lat, lon, country, address)."]); break;
            }
        }
    }

    private static void ReadPrice(ListingInput x, JsonNode? node, Dictionary<string, string[]> errors)
    {
        if (node is null)
        {
            x.PriceAmount = null;
            x.PriceCurrency = null;
            x.PricePer = null;
            return;
        }

        foreach (var (k, v) in Obj(node, "price", errors) ?? [])
        {
            switch (k)
            {
                case "amount": x.PriceAmount = Num<decimal>(v, "price.amount", errors); break;
                case "currency": x.PriceCurrency = Str(v, "price.currency", errors); break;
                case "per": x.PricePer = Str(v, "price.per", errors); break;
                default: errors.TryAdd($"price.{k}", [$"unknown field 'price.{k}' (amount, currency, per)."]); break;
            }
        }
    }
}
