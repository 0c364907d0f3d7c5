using System.Globalization;
using System.Numerics;
using System.Security.Claims;
using System.Text;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Data;
using Marketplace.Listings.Taxonomy;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Listings.Listings;

public sealed record ImportRowReport(int Line, string? ExternalRef, Guid? Id, string Result, IReadOnlyDictionary<string, string[]>? Errors);

public sealed record ImportReport(bool Atomic, int Total, int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<ImportRowReport> Rows);

/// <summary>
/// POST /api/v1/listings/import: a CSV of resource flows (columns in docs/api.md). Every row goes through the
/// same rules as a create; a row whose (organisation, externalRef) exists updates that listing. Valid rows are
/// stored in one transaction, or none with <c>?atomic=true</c> when any row is rejected.
/// </summary>
public static class ListingImport
{
    public static readonly string[] Columns =
    [
        "externalRef", "organisationId", "kind", "resourceClass", "status", "title", "description", "language", "ewcCode", "cpaCode",
        "hazardous", "acceptsHazardous", "amount", "unit", "per", "lat", "lon", "country", "address", "maxTransportKm",
        "availableFrom", "availableUntil", "priceAmount", "priceCurrency", "pricePer", "temperatureC", "medium", "waterQuality",
        "visibility", "attributes",
    ];

    private static readonly string[] RequiredColumns = ["kind", "resourceClass", "title", "amount", "unit", "per", "lat", "lon", "country"];

    private static readonly Dictionary<string, string> FieldToColumn = new(StringComparer.Ordinal)
    {
        ["quantity.amount"] = "amount", ["quantity.unit"] = "unit", ["quantity.per"] = "per",
        ["location.lat"] = "lat", ["location.lon"] = "lon", ["location.country"] = "country", ["location.address"] = "address",
        ["price.amount"] = "priceAmount", ["price.currency"] = "priceCurrency", ["price.per"] = "pricePer",
    };

    public static async Task<IResult> ImportListings(
        HttpContext http, ClaimsPrincipal user, ListingsDbContext db, EwcCatalog catalog, TimeProvider clock,
        IOptions<ListingsOptions> options, CancellationToken cancellationToken, bool atomic = false)
    {
        var settings = options.Value;
        var (text, tooLarge) = await ReadCsvAsync(http.Request, settings.MaxImportBytes, cancellationToken);
        if (tooLarge)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "CSV too large",
                detail: $"An import is limited to {settings.MaxImportBytes / (1024 * 1024)} MB; split the file.");
        }

        var records = Csv.Parse(text);
        if (records.Count == 0)
        {
            return Invalid("file", "The CSV is empty; the first line must name the columns.");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        var columnIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var known = Columns.FirstOrDefault(c => string.Equals(c, header[i], StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                return Invalid("columns", $"Unknown column '{header[i]}'. Known columns: {string.Join(", ", Columns)}.");
            }

            if (!columnIndex.TryAdd(known, i))
            {
                return Invalid("columns", $"Column '{known}' appears twice.");
            }
        }

        var missing = RequiredColumns.Where(c => !columnIndex.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return Invalid("columns", $"Missing required columns: {string.Join(", ", missing)}.");
        }

        var rows = records.Skip(1).Where(r => r.Fields.Any(f => f.Length > 0)).ToList();
        if (rows.Count > settings.MaxImportRows)
        {
            return Invalid("file", $"At most {settings.MaxImportRows:N0} rows per import.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var viewer = Viewer.Of(user);

        // Resolve organisations and existing listings (by externalRef) in two queries, not one per row.
        var parsedOrgs = rows.Select(r => Cell(r, columnIndex, "organisationId")).ToList();
        var refs = rows.Select(r => Cell(r, columnIndex, "externalRef")).OfType<string>().Distinct().ToList();
        var orgIds = parsedOrgs.Select(o => Guid.TryParse(o, out var g) ? g : (Guid?)null).OfType<Guid>().Append(viewer.OrganisationId ?? Guid.Empty).Distinct().ToList();
        var existing = new Dictionary<(Guid, string), Listing>();
        foreach (var chunk in refs.Chunk(500))
        {
            var found = await db.Listings.Where(l => orgIds.Contains(l.OrganisationId) && chunk.Contains(l.ExternalRef!)).ToListAsync(cancellationToken);
            foreach (var l in found)
            {
                existing[(l.OrganisationId, l.ExternalRef!)] = l;
            }
        }

        var nace = await db.Organisations.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.NaceCode, cancellationToken);

        var reports = new List<ImportRowReport>(rows.Count);
        var pending = new List<(Listing Listing, bool IsNew, bool Changed)>();
        var seenRefs = new HashSet<(Guid, string)>();
        foreach (var row in rows)
        {
            var errors = new Dictionary<string, string[]>();
            var externalRef = Cell(row, columnIndex, "externalRef");
            Guid? requestedOrg = null;
            if (Cell(row, columnIndex, "organisationId") is { } orgText)
            {
                if (Guid.TryParse(orgText, out var g))
                {
                    requestedOrg = g;
                }
                else
                {
                    errors["organisationId"] = ["organisationId must be a GUID."];
                }
            }

            var organisationId = user.ActingOrganisation(requestedOrg);
            if (organisationId is null && errors.Count == 0)
            {
                errors["organisationId"] = [requestedOrg is null
                    ? "The token carries no organisation; an operator must fill organisationId."
                    : "Only an operator may import listings for another organisation."];
            }

            Listing? current = null;
            if (organisationId is { } o && externalRef is not null)
            {
                if (!seenRefs.Add((o, externalRef)))
                {
                    errors["externalRef"] = [$"externalRef '{externalRef}' appears more than once in this file."];
                }

                existing.TryGetValue((o, externalRef), out current);
            }

            if (current?.Status == ListingStatuses.Closed)
            {
                errors["externalRef"] = [$"The listing with externalRef '{externalRef}' is closed and cannot be updated."];
            }

            var input = current is null ? new ListingInput() : ListingInput.From(current);
            Fill(input, row, columnIndex, current is null, errors);
            input.ExternalRef = externalRef;
            if (current is not null && input.EwcChanged && input.EwcCode is not null)
            {
                var parsed = EwcCatalog.Parse(input.EwcCode);
                input.EwcChanged = parsed.Kind != EwcCodeKind.Entry || EwcCatalog.Format(parsed.Digits) != current.EwcCode || parsed.Starred;
            }

            var normalised = errors.Count == 0 ? input.Validate(catalog, today, creating: current is null, errors) : null;
            if (normalised is null || organisationId is null)
            {
                reports.Add(new ImportRowReport(row.Line, externalRef, current?.Id, "rejected",
                    errors.ToDictionary(e => FieldToColumn.GetValueOrDefault(e.Key, e.Key), e => e.Value)));
                continue;
            }

            if (current is null)
            {
                var listing = ListingEndpoints.NewListing(organisationId.Value,
                    input.Status == ListingStatuses.Draft ? ListingStatuses.Draft : ListingStatuses.Published, now);
                listing.NaceCode = nace.GetValueOrDefault(organisationId.Value);
                input.ApplyTo(listing, normalised);
                pending.Add((listing, true, true));
                reports.Add(new ImportRowReport(row.Line, externalRef, listing.Id, "created", null));
            }
            else
            {
                var before = current.ToSnapshot();
                input.ApplyTo(current, normalised);
                var changed = before with { Attributes = [] } != current.ToSnapshot() with { Attributes = [] } || !before.Attributes.SequenceEqual(current.Attributes);
                pending.Add((current, false, changed));
                reports.Add(new ImportRowReport(row.Line, externalRef, current.Id, changed ? "updated" : "unchanged", null));
            }
        }

        var rejected = reports.Count(r => r.Result == "rejected");
        var report = new ImportReport(atomic, reports.Count,
            atomic && rejected > 0 ? 0 : reports.Count(r => r.Result == "created"),
            atomic && rejected > 0 ? 0 : reports.Count(r => r.Result == "updated"),
            reports.Count(r => r.Result == "unchanged"), rejected, reports);
        if (atomic && rejected > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Import rejected",
                detail: $"{rejected} of {reports.Count} rows are invalid; with atomic=true nothing was stored.",
                extensions: new Dictionary<string, object?> { ["report"] = report });
        }

        foreach (var (listing, isNew, changed) in pending)
        {
            if (isNew)
            {
                db.Listings.Add(listing);
                if (listing.Status == ListingStatuses.Published)
                {
                    db.AddEvent(new ListingPublished(listing.ToSnapshot()), listing.Id.ToString());
                }
            }
            else if (changed)
            {
                ListingEndpoints.Touch(listing, now);
                if (listing.Status == ListingStatuses.Published)
                {
                    db.AddEvent(new ListingUpdated(listing.ToSnapshot()), listing.Id.ToString());
                }
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Concurrent change",
                detail: "Listings in the file changed while importing; nothing was stored. Retry the import.");
        }

        return TypedResults.Ok(report);
    }

    private static void Fill(ListingInput x, CsvRecord row, Dictionary<string, int> columns, bool creating, Dictionary<string, string[]> errors)
    {
        foreach (var (column, _) in columns)
        {
            var value = Cell(row, columns, column);
            switch (column)
            {
                case "kind": x.Kind = value; break;
                case "resourceClass": x.ResourceClass = value; break;
                case "status":
                    if (creating)
                    {
                        x.Status = value;
                    }

                    break;
                case "title": x.Title = value; break;
                case "description": x.Description = value; break;
                case "language": x.Language = value; break;
                case "ewcCode":
                    x.EwcCode = value;
                    x.EwcChanged = true;
                    break;
                case "cpaCode": x.CpaCode = value; break;
                case "hazardous":
                    x.Hazardous = Bool(value, column, errors);
                    x.HazardousStated = x.Hazardous is not null;
                    break;
                case "acceptsHazardous": x.AcceptsHazardous = Bool(value, column, errors); break;
                case "amount": x.Amount = Number<decimal>(value, column, errors); break;
                case "unit": x.Unit = value; break;
                case "per": x.Per = value; break;
                case "lat": x.Lat = Number<double>(value, column, errors); break;
                case "lon": x.Lon = Number<double>(value, column, errors); break;
                case "country": x.Country = value; break;
                case "address": x.Address = value; break;
                case "maxTransportKm": x.MaxTransportKm = Number<double>(value, column, errors); break;
                case "availableFrom": x.AvailableFrom = Date(value, column, errors); break;
                case "availableUntil": x.AvailableUntil = Date(value, column, errors); break;
                case "priceAmount": x.PriceAmount = Number<decimal>(value, column, errors); break;
                case "priceCurrency": x.PriceCurrency = value; break;
                case "pricePer": x.PricePer = value; break;
                case "temperatureC": x.TemperatureC = Number<double>(value, column, errors); break;
                case "medium": x.Medium = ListingJsonReader.NormaliseMedium(value); break;
                case "waterQuality": x.WaterQuality = value; break;
                case "visibility": x.Visibility = value; break;
                case "attributes": x.Attributes = Attributes(value, errors); break;
                default: break;
            }
        }
    }

    /// <summary>"moisture=22|%;calorific value=17|MJ/kg": name=value, optional |unit, separated by ';'.</summary>
    private static List<AttributeSnapshot> Attributes(string? value, Dictionary<string, string[]> errors)
    {
        var result = new List<AttributeSnapshot>();
        if (value is null)
        {
            return result;
        }

        foreach (var item in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                errors.TryAdd("attributes", ["attributes are 'name=value|unit' items separated by ';'."]);
                return result;
            }

            var rest = item[(eq + 1)..];
            var bar = rest.IndexOf('|', StringComparison.Ordinal);
            result.Add(bar < 0
                ? new AttributeSnapshot(item[..eq].Trim(), rest.Trim(), null)
                : new AttributeSnapshot(item[..eq].Trim(), rest[..bar].Trim(), rest[(bar + 1)..].Trim()));
        }

        return result;
    }

    private static string? Cell(CsvRecord row, Dictionary<string, int> columns, string column) =>
        columns.TryGetValue(column, out var i) && i < row.Fields.Count && row.Fields[i].Trim() is { Length: > 0 } v ? v : null;

    private static T? Number<T>(string? value, string column, Dictionary<string, string[]> errors)
        where T : struct, INumber<T>
    {
        if (value is null)
        {
            return null;
        }

        if (T.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        errors.TryAdd(column, [$"{column} must be a number with a '.' decimal point."]);
        return null;
    }

    private static bool? Bool(string? value, string column, Dictionary<string, string[]> errors)
    {
        switch (value?.ToLowerInvariant())
        {
            case null: return null;
            case "true" or "yes" or "1": return true;
            case "false" or "no" or "0": return false;
            default:
                errors.TryAdd(column, [$"{column} must be true or false."]);
                return null;
        }
    }

    private static DateOnly? Date(string? value, string column, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        errors.TryAdd(column, [$"{column} must be a date such as 2027-01-31."]);
        return null;
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static async Task<(string Text, bool TooLarge)> ReadCsvAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return ("", true);
        }

        Stream source = request.Body;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if (form.Files.Count == 0)
            {
                return ("", false);
            }

            if (form.Files[0].Length > maxBytes)
            {
                return ("", true);
            }

            source = form.Files[0].OpenReadStream();
        }

        await using (source)
        {
            using var reader = new StreamReader(source, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var buffer = new char[64 * 1024];
            var builder = new StringBuilder();
            int read;
            while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
            {
                builder.Append(buffer, 0, read);
                if (builder.Length > maxBytes)
                {
                    return ("", true);
                }
            }

            return (builder.ToString(), false);
        }
    }
}

public sealed record CsvRecord(int Line, List<string> Fields);

/// <summary>RFC 4180: comma separated, double quotes around fields with commas, quotes or line breaks, "" for a quote.</summary>
public static class Csv
{
    public static List<CsvRecord> Parse(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(new CsvRecord(recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRecord(recordLine, fields));
        }

        return records;
    }
}
