using System.Globalization;
using Marketplace.Listings.Catalogue;
using Marketplace.Listings.Contracts;

namespace Marketplace.Listings.Territory;

/// <summary>One row of a facility-facts CSV, read and checked; the organisation it belongs to is found afterwards.</summary>
public sealed record FacilityFactRow(int Line, string FacilityName, Guid? OrganisationId, double? Lat, double? Lon, string Kind, string ResourceClass,
    string? EwcCode, bool Hazardous, double Quantity, string Unit, int Year, string Source)
{
    public const string WasteTransfer = "waste-transfer";
    public const string ExcessHeat = "excess-heat";

    /// <summary>Each column by its name and the names registers use for it (EEA industrial-emissions and excess-heat extracts).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["facility_name"] = ["facility_name", "facilityname", "site_name", "sitename", "installation_name"],
        ["organisation_id"] = ["organisation_id", "organization_id"],
        ["lat"] = ["lat", "latitude"],
        ["lon"] = ["lon", "long", "lng", "longitude"],
        ["kind"] = ["kind", "fact_kind"],
        ["ewc_code"] = ["ewc_code", "waste_code", "lowcode", "low_code"],
        ["hazardous"] = ["hazardous", "wasteclassification", "waste_classification"],
        ["quantity"] = ["quantity", "totalquantity", "total_quantity", "excess_heat"],
        ["unit"] = ["unit", "unitcode", "unit_code"],
        ["year"] = ["year", "reportingyear", "reporting_year"],
        ["source"] = ["source"],
    };

    public static readonly string[] Required = ["facility_name", "quantity", "year"];

    /// <summary>The column index of each known column in the header; columns it does not know are ignored and named.</summary>
    public static (Dictionary<string, int> Columns, List<string> Ignored, string? Error) ReadHeader(CsvRecord header)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var ignored = new List<string>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().ToLowerInvariant().Replace(' ', '_');
            var column = Columns.FirstOrDefault(c => c.Value.Contains(name)).Key;
            if (column is null || !found.TryAdd(column, i))
            {
                ignored.Add(header.Fields[i]);
            }
        }

        var missing = Required.Where(r => !found.ContainsKey(r)).ToList();
        return (found, ignored, missing.Count > 0 ? $"The first line must name the columns; missing: {string.Join(", ", missing)}." : null);
    }

    /// <summary>The row's fact, or the errors by column. <paramref name="defaultSource"/> applies where the file has no source column.</summary>
    public static (FacilityFactRow? Row, Dictionary<string, string[]> Errors) Read(CsvRecord record, Dictionary<string, int> columns, CsvDialect dialect,
        string? defaultSource, int thisYear, Taxonomy.EwcCatalog catalog)
    {
        string Field(string name) => columns.TryGetValue(name, out var i) && i < record.Fields.Count ? record.Fields[i].Trim() : "";
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Error(string field, string message) => errors[field] = [message];
        var culture = dialect.DecimalComma ? CultureInfo.GetCultureInfo("da-DK") : CultureInfo.InvariantCulture;
        double? Number(string name)
        {
            var text = Field(name);
            if (text.Length == 0)
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, culture, out var value) || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                return value;
            }

            Error(name, $"'{text}' is not a number.");
            return null;
        }

        var name = Field("facility_name");
        if (name.Length is 0 or > 200)
        {
            Error("facility_name", "facility_name is required, at most 200 characters.");
        }

        Guid? organisation = null;
        if (Field("organisation_id") is { Length: > 0 } id)
        {
            organisation = Guid.TryParse(id, out var parsed) ? parsed : null;
            if (organisation is null)
            {
                Error("organisation_id", $"'{id}' is not an organisation id.");
            }
        }

        var (lat, lon) = (Number("lat"), Number("lon"));
        if (lat is < -90 or > 90 || lon is < -180 or > 180 || (lat is null) != (lon is null))
        {
            Error("lat", "lat and lon go together, in degrees (WGS 84).");
        }

        var unit = Field("unit").ToLowerInvariant();
        var kind = Field("kind").ToLowerInvariant() switch
        {
            "" => unit is "mwh" or "gwh" or "tj" ? ExcessHeat : WasteTransfer,
            "waste-transfer" or "waste transfer" or "waste" => WasteTransfer,
            "excess-heat" or "excess heat" or "heat" => ExcessHeat,
            var other => Invalid("kind", $"kind '{other}' is not waste-transfer or excess-heat."),
        };
        string Invalid(string field, string message)
        {
            Error(field, message);
            return "";
        }

        var (hazardous, code) = (false, (string?)null);
        if (Field("ewc_code") is { Length: > 0 } ewc)
        {
            var (codeKind, digits, starred) = Taxonomy.EwcCatalog.Parse(ewc);
            if (codeKind != Taxonomy.EwcCodeKind.Entry || catalog.Find(digits) is not { } entry)
            {
                Error("ewc_code", $"'{ewc}' is not an entry of the List of Waste (six digits, such as 10 01 02).");
            }
            else
            {
                hazardous = starred || entry.Hazard is "AH" or "MH";
                code = Taxonomy.EwcCatalog.Format(digits) + (hazardous ? "*" : "");
            }
        }

        switch (Field("hazardous").ToLowerInvariant())
        {
            case "true" or "yes" or "hw" or "1" or "hazardous":
                hazardous = true;
                break;
            case "" or "false" or "no" or "nonhw" or "non-hw" or "0" or "non-hazardous":
                break;
            case var other:
                Error("hazardous", $"hazardous '{other}' is not true/false (or HW/NONHW).");
                break;
        }

        var quantity = Number("quantity");
        var (factor, baseUnit) = (kind, unit) switch
        {
            (ExcessHeat, "" or "mwh") => (1.0, "MWh"),
            (ExcessHeat, "gwh") => (1000.0, "MWh"),
            (ExcessHeat, "tj") => (1000.0 / 3.6, "MWh"),
            (WasteTransfer, "" or "t" or "tonnes" or "tonne") => (1.0, "t"),
            (WasteTransfer, "kg") => (0.001, "t"),
            _ => (0.0, Invalid("unit", $"unit '{unit}' does not fit {kind} (waste: t or kg; heat: MWh, GWh or TJ).")),
        };
        if (quantity is not > 0 && !errors.ContainsKey("quantity"))
        {
            Error("quantity", "quantity is required and must be above zero (a yearly amount).");
        }

        var year = Number("year");
        if (year is not { } y || y != Math.Floor(y) || y < 1990 || y > thisYear)
        {
            Error("year", $"year must be the reporting year, 1990 to {thisYear}.");
        }

        var source = Field("source") is { Length: > 0 } own ? own : defaultSource;
        if (string.IsNullOrWhiteSpace(source) || source.Length > 300)
        {
            Error("source", "Name the register each fact comes from: a source column, or the source parameter for the whole file (at most 300 characters).");
        }

        return errors.Count > 0
            ? (null, errors)
            : (new FacilityFactRow(record.Line, name, organisation, lat, lon, kind, kind == ExcessHeat ? ResourceClasses.Energy : ResourceClasses.Material,
                kind == ExcessHeat ? null : code, kind != ExcessHeat && hazardous, Math.Round(quantity!.Value * factor, 3), baseUnit, (int)year!.Value, source!), errors);
    }

    /// <summary>One fact per organisation and reported stream: a later import of the same stream updates it.</summary>
    public string Key => Kind == ExcessHeat ? ExcessHeat : WasteTransfer + "|" + (EwcCode ?? (Hazardous ? "HW" : "NONHW"));

    public static string Label(FacilityFact fact) => fact.Kind == ExcessHeat ? "Excess heat (reported)"
        : fact.EwcCode is { } code ? $"Waste {code} transferred off site (reported)"
        : fact.Hazardous ? "Hazardous waste transferred off site (reported)" : "Non-hazardous waste transferred off site (reported)";
}
