using System.Security.Claims;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Data;
using Marketplace.Listings.Taxonomy;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Listings.Catalogue.ListingCsvColumns;

namespace Marketplace.Listings.Catalogue;

/// <summary>
/// One import file: what it needs from the database is loaded up front (two queries, not one per row), then
/// each row is judged on its own and, when valid, becomes a pending create or update of a listing.
/// </summary>
internal sealed class ImportBatch
{
    public sealed record Change(Listing Listing, bool IsNew, bool Changed);

    private readonly ClaimsPrincipal user;
    private readonly EwcCatalog catalog;
    private readonly Dictionary<string, int> columns;
    private readonly CsvDialect dialect;
    private readonly DateTime now;
    private readonly Dictionary<(Guid, string), Listing> existing;
    private readonly Dictionary<Guid, string?> nace;
    private readonly HashSet<(Guid, string)> seenRefs = [];

    private ImportBatch(ClaimsPrincipal user, EwcCatalog catalog, Dictionary<string, int> columns, CsvDialect dialect, DateTime now,
        Dictionary<(Guid, string), Listing> existing, Dictionary<Guid, string?> nace)
    {
        this.user = user;
        this.catalog = catalog;
        this.columns = columns;
        this.dialect = dialect;
        this.now = now;
        this.existing = existing;
        this.nace = nace;
    }

    public List<Change> Pending { get; } = [];

    /// <summary>Resolves organisations and existing listings (by externalRef) for the whole file.</summary>
    public static async Task<ImportBatch> LoadAsync(ListingsDbContext db, ClaimsPrincipal user, EwcCatalog catalog,
        Dictionary<string, int> columns, CsvDialect dialect, List<CsvRecord> rows, DateTime now, CancellationToken cancellationToken)
    {
        var viewer = Viewer.Of(user);
        var parsedOrgs = rows.Select(r => Cell(r, columns, "organisationId")).ToList();
        var refs = rows.Select(r => Cell(r, columns, "externalRef")).OfType<string>().Distinct().ToList();
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
        return new ImportBatch(user, catalog, columns, dialect, now, existing, nace);
    }

    public ImportRowReport Row(CsvRecord row)
    {
        var errors = new Dictionary<string, string[]>();
        var externalRef = Cell(row, columns, "externalRef");
        var organisationId = Organisation(row, errors);
        var current = Existing(organisationId, externalRef, errors);
        var input = current is null ? new ListingInput() : ListingInput.From(current);
        Fill(input, row, columns, dialect, current is null, errors);
        input.ExternalRef = externalRef;
        if (current is not null)
        {
            input.EwcChanged = ListingRules.WasteCodeChanged(input, current.EwcCode);
        }

        var normalised = errors.Count == 0 ? input.Validate(catalog, DateOnly.FromDateTime(now), creating: current is null, errors) : null;
        if (normalised is null || organisationId is null)
        {
            return new ImportRowReport(row.Line, externalRef, current?.Id, "rejected",
                errors.ToDictionary(e => FieldToColumn.GetValueOrDefault(e.Key, e.Key), e => e.Value));
        }

        if (current is null)
        {
            var listing = Listing.Create(organisationId.Value,
                input.Status == ListingStatuses.Draft ? ListingStatuses.Draft : ListingStatuses.Published, now);
            listing.NaceCode = nace.GetValueOrDefault(organisationId.Value);
            input.ApplyTo(listing, normalised);
            Pending.Add(new Change(listing, true, true));
            return new ImportRowReport(row.Line, externalRef, listing.Id, "created", null);
        }

        var before = current.ToSnapshot();
        input.ApplyTo(current, normalised);
        var changed = before with { Attributes = [] } != current.ToSnapshot() with { Attributes = [] } || !before.Attributes.SequenceEqual(current.Attributes);
        Pending.Add(new Change(current, false, changed));
        return new ImportRowReport(row.Line, externalRef, current.Id, changed ? "updated" : "unchanged", null);
    }

    private Guid? Organisation(CsvRecord row, Dictionary<string, string[]> errors)
    {
        Guid? requestedOrg = null;
        if (Cell(row, columns, "organisationId") is { } orgText)
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

        return organisationId;
    }

    private Listing? Existing(Guid? organisationId, string? externalRef, Dictionary<string, string[]> errors)
    {
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

        return current;
    }
}
