using System.Security.Claims;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Data;
using Marketplace.Listings.Organisations;
using Marketplace.Listings.Taxonomy;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Listings.Catalogue;

public sealed record ImportRowReport(int Line, string? ExternalRef, Guid? Id, string Result, IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>What an import did, row by row; with <c>DryRun</c> what it would do (nothing stored, no ids for rows it would create).</summary>
public sealed record ImportReport(bool Atomic, int Total, int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<ImportRowReport> Rows, bool DryRun = false);

/// <summary>
/// POST /api/v1/listings/import: a CSV of resource flows (columns in docs/api.md). Every row goes through the
/// same rules as a create; a row whose (organisation, externalRef) exists updates that listing. Valid rows are
/// stored in one transaction, or none with <c>?atomic=true</c> when any row is rejected. <c>?dryRun=true</c> checks
/// the file the same way and stores nothing: the preview a person reads before committing.
/// </summary>
public static class ImportListings
{
    public static async Task<IResult> Handle(
        HttpContext http, ClaimsPrincipal user, ListingsDbContext db, EwcCatalog catalog, TimeProvider clock,
        IOptions<ListingsOptions> options, CancellationToken cancellationToken, bool atomic = false, string? separator = null, string? encoding = null, bool dryRun = false)
    {
        var (file, problem) = await ReadAsync(http.Request, options.Value, separator, encoding, cancellationToken);
        if (file is null)
        {
            return problem!;
        }

        var (dialect, columns, rows) = file;
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = await ImportBatch.LoadAsync(db, user, catalog, columns, dialect, rows, now, cancellationToken);
        var reports = rows.Select(batch.Row).ToList();
        var report = Summarise(atomic, reports);
        var rejected = report.Rejected;
        if (dryRun)
        {
            return TypedResults.Ok(report with { DryRun = true, Rows = [.. reports.Select(r => r.Result == "created" ? r with { Id = null } : r)] });
        }

        if (atomic && rejected > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Import rejected",
                detail: $"{rejected} of {reports.Count} rows are invalid; with atomic=true nothing was stored.",
                extensions: new Dictionary<string, object?> { ["report"] = report });
        }

        return await StoreAsync(db, batch.Pending, now, report, cancellationToken);
    }

    /// <summary>
    /// The upload as rows under a known header, in its dialect; or the problem that stops the import before any row is
    /// read (too large, unreadable charset, unknown separator, empty file, unknown columns, too many rows).
    /// </summary>
    private static async Task<(CsvFile? File, IResult? Problem)> ReadAsync(HttpRequest request, ListingsOptions settings, string? separator, string? encoding,
        CancellationToken cancellationToken)
    {
        var (upload, tooLarge, encodingError) = await CsvUpload.ReadAsync(request, settings.MaxImportBytes, encoding, cancellationToken);
        if (tooLarge)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "CSV too large",
                detail: $"An import is limited to {settings.MaxImportBytes / (1024 * 1024)} MB; split the file."));
        }

        if (encodingError is not null)
        {
            return (null, Problems.Invalid("encoding", encodingError));
        }

        var (dialect, text, dialectError) = CsvDialect.Detect(upload, separator);
        if (dialect is null)
        {
            return (null, Problems.Invalid("separator", dialectError!));
        }

        var records = Csv.Parse(text, dialect.Separator);
        if (records.Count == 0)
        {
            return (null, Problems.Invalid("file", "The CSV is empty; the first line must name the columns."));
        }

        if (ListingCsvColumns.ReadHeader(records[0], out var columns) is { } columnError)
        {
            return (null, Problems.Invalid("columns", columnError));
        }

        var rows = records.Skip(1).Where(r => r.Fields.Any(f => f.Length > 0)).ToList();
        if (rows.Count > settings.MaxImportRows)
        {
            return (null, Problems.Invalid("file", $"At most {settings.MaxImportRows:N0} rows per import."));
        }

        return (new CsvFile(dialect, columns, rows), null);
    }

    private sealed record CsvFile(CsvDialect Dialect, Dictionary<string, int> Columns, List<CsvRecord> Rows);

    /// <summary>The counts of a report; an atomic import with a rejected row creates and updates nothing.</summary>
    private static ImportReport Summarise(bool atomic, List<ImportRowReport> reports)
    {
        var rejected = reports.Count(r => r.Result == "rejected");
        return new ImportReport(atomic, reports.Count,
            atomic && rejected > 0 ? 0 : reports.Count(r => r.Result == "created"),
            atomic && rejected > 0 ? 0 : reports.Count(r => r.Result == "updated"),
            reports.Count(r => r.Result == "unchanged"), rejected, reports);
    }

    private static async Task<IResult> StoreAsync(ListingsDbContext db, IEnumerable<ImportBatch.Change> pending, DateTime now,
        ImportReport report, CancellationToken cancellationToken)
    {
        foreach (var (listing, isNew, changed) in pending)
        {
            if (isNew)
            {
                db.Listings.Add(listing);
                if (listing.Status == ListingStatuses.Published)
                {
                    db.AddEvent(new ListingPublished(listing.ToPublishedSnapshot()), listing.Id.ToString());
                }
            }
            else if (changed)
            {
                listing.Touch(now);
                if (listing.Status == ListingStatuses.Published)
                {
                    db.AddEvent(new ListingUpdated(listing.ToPublishedSnapshot()), listing.Id.ToString());
                }
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            var unknown = pending.Where(c => c.IsNew && c.Listing.NaceCode is null).Select(c => c.Listing.OrganisationId).Distinct().ToList();
            if (unknown.Count > 0)
            {
                await NaceBackfill.CatchUpAsync(db, unknown, cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("Concurrent change",
                "Listings in the file changed while importing; nothing was stored. Retry the import.");
        }

        return TypedResults.Ok(report);
    }
}
