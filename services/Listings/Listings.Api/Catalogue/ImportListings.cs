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
        Dictionary<string, int> columns = [];
        var (file, problem) = await CsvFile.ReadAsync(http.Request, options.Value, separator, encoding,
            header => ListingCsvColumns.ReadHeader(header, out columns), cancellationToken);
        if (file is null)
        {
            return problem!;
        }

        var (dialect, _, rows) = file;
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
