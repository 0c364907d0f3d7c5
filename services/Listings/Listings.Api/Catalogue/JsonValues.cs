using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Listings.Contracts;

namespace Marketplace.Listings.Catalogue;

/// <summary>Typed values out of JSON nodes; a value of the wrong JSON type is an error named by its field path.</summary>
internal static class JsonValues
{
    public static List<AttributeSnapshot> Attributes(JsonNode? node, Dictionary<string, string[]> errors)
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

    public static string? Str(JsonNode? node, string field, Dictionary<string, string[]> errors, bool required = false)
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
            try
            {
                return v.GetValue<string>();
            }
            catch (InvalidOperationException)
            {
                // an escaped surrogate without its pair (\ud800) is valid JSON but not text
                errors.TryAdd(field, [$"{field} is not valid text: it contains an unpaired UTF-16 surrogate (\\ud800-\\udfff alone)."]);
                return null;
            }
        }

        errors.TryAdd(field, [$"{field} must be a string."]);
        return null;
    }

    public static T? Num<T>(JsonNode? node, string field, Dictionary<string, string[]> errors)
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

    public static bool? Bool(JsonNode? node, string field, Dictionary<string, string[]> errors)
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

    public static DateOnly? Date(JsonNode? node, string field, Dictionary<string, string[]> errors)
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

    public static JsonObject? Obj(JsonNode? node, string field, Dictionary<string, string[]> errors, bool required = false)
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
