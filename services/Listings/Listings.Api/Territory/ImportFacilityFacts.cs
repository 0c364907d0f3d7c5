using Marketplace.Listings.Catalogue;
using Marketplace.Listings.Data;
using Marketplace.Listings.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Listings.Territory;

public sealed record FacilityFactReportRow(int Line, string? FacilityName, Guid? OrganisationId, string Result, IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>What a facility-facts import did row by row; with <c>DryRun</c> what it would do (nothing stored).</summary>
public sealed record FacilityFactReport(int Total, int Created, int Updated, int Unchanged, int Unmatched, int Rejected,
    IReadOnlyList<string> IgnoredColumns, IReadOnlyList<FacilityFactReportRow> Rows, bool DryRun);

/// <summary>
/// POST /api/v1/facility-facts/import (operators): a CSV of facilities' reported flows (industrial-emissions register
/// waste transfers, excess-heat surveys), each given to the registered organisation it belongs to (<see cref="FacilityOwner"/>).
/// A fact replaces the estimate of the stream it covers. Importing the same file again changes nothing.
/// </summary>
public static class ImportFacilityFacts
{
    public static async Task<IResult> Handle(HttpContext http, ListingsDbContext db, EwcCatalog catalog, TimeProvider clock,
        IOptions<ListingsOptions> options, CancellationToken cancellationToken, string? source = null, string? separator = null, string? encoding = null,
        bool dryRun = false)
    {
        (Dictionary<string, int> Columns, List<string> Ignored, string? Error) header = ([], [], null);
        var (file, problem) = await CsvFile.ReadAsync(http.Request, options.Value, separator, encoding,
            line => (header = FacilityFactRow.ReadHeader(line)).Error, cancellationToken);
        if (file is null)
        {
            return problem!;
        }

        var (dialect, _, rows) = file;
        var (columns, ignored, _) = header;
        var now = clock.GetUtcNow();
        var owners = await db.Organisations.AsNoTracking().Select(o => new OwnerCandidate(o.Id, o.Name, o.Lat, o.Lon)).ToListAsync(cancellationToken);
        var stored = (await db.FacilityFacts.ToListAsync(cancellationToken)).ToDictionary(f => (f.OrganisationId, f.Key));
        var reports = new List<FacilityFactReportRow>(rows.Count);
        foreach (var record in rows)
        {
            reports.Add(Apply(record, columns, dialect, source, now, catalog, owners, stored, db, dryRun));
        }

        if (!dryRun)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(new FacilityFactReport(reports.Count, Count("created"), Count("updated"), Count("unchanged"), Count("unmatched"), Count("rejected"),
            ignored, reports, dryRun));

        int Count(string result) => reports.Count(r => r.Result == result);
    }

    private static FacilityFactReportRow Apply(CsvRecord record, Dictionary<string, int> columns, CsvDialect dialect, string? source, DateTimeOffset now,
        EwcCatalog catalog, List<OwnerCandidate> owners, Dictionary<(Guid, string), FacilityFact> stored, ListingsDbContext db, bool dryRun)
    {
        var (row, errors) = FacilityFactRow.Read(record, columns, dialect, source, now.Year, catalog);
        if (row is null)
        {
            return new(record.Line, null, null, "rejected", errors);
        }

        var (owner, why) = FacilityOwner.Find(row, owners);
        if (owner is not { } organisationId)
        {
            return new(row.Line, row.FacilityName, null, "unmatched", new Dictionary<string, string[]> { ["facility_name"] = [why!] });
        }

        if (stored.TryGetValue((organisationId, row.Key), out var fact))
        {
            var same = fact.Quantity == row.Quantity && fact.Unit == row.Unit && fact.Year == row.Year && fact.Source == row.Source
                && fact.FacilityName == row.FacilityName && fact.Hazardous == row.Hazardous;
            if (!same && !dryRun)
            {
                (fact.Quantity, fact.Unit, fact.Year, fact.Source, fact.FacilityName, fact.Hazardous, fact.ImportedAt) =
                    (row.Quantity, row.Unit, row.Year, row.Source, row.FacilityName, row.Hazardous, now.UtcDateTime);
            }

            return new(row.Line, row.FacilityName, organisationId, same ? "unchanged" : "updated", null);
        }

        var created = new FacilityFact
        {
            Id = Guid.CreateVersion7(), OrganisationId = organisationId, Key = row.Key, FacilityName = row.FacilityName, Kind = row.Kind,
            ResourceClass = row.ResourceClass, EwcCode = row.EwcCode, Hazardous = row.Hazardous, Quantity = row.Quantity, Unit = row.Unit, Year = row.Year,
            Source = row.Source, ImportedAt = now.UtcDateTime,
        };
        stored[(organisationId, row.Key)] = created; // a second row of the same stream in the file updates this one
        if (!dryRun)
        {
            db.FacilityFacts.Add(created);
        }

        return new(row.Line, row.FacilityName, organisationId, "created", null);
    }
}
