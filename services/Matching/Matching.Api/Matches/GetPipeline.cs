using System.Globalization;
using System.Text.Json;
using Marketplace.Listings.Contracts;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Persistence;

namespace Marketplace.Matching.Matches;

/// <summary>
/// GET /api/v1/pipeline (operator): matches by stage, least recently touched first (so stalled ones lead), with both
/// sides' listings and organisations, filtered by organisation, resource class, sector (NACE division of either side) and country.
/// The filters read Matching's own copies of listings and organisations, so a page scans at most
/// <see cref="ScanLimit"/> matches and then hands back a cursor: a page may hold fewer than <c>limit</c> items and still
/// have a next one.
/// </summary>
public static class GetPipeline
{
    public const int ScanLimit = 2000;
    private const int Batch = 200;

    public sealed record Query(
        string? Stage, string? ResourceClass, string? Sector, string? Country, Guid? OrganisationId, bool? StalledOnly, int? StalledDays, int? Limit, string? Cursor);

    public static async Task<Results<Ok<PipelinePageDto>, ValidationProblem>> Handle(
        [AsParameters] Query query, MatchingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Validate(query) is { } invalid)
        {
            return invalid;
        }

        var stalledDays = query.StalledDays ?? PipelineRules.DefaultStalledDays;
        var take = query.Limit ?? 25;
        var statuses = PipelineRules.StatusesOf(query.Stage ?? "open");
        var (afterTicks, afterSequence) = ParseCursor(query.Cursor) ?? (long.MinValue, long.MinValue);
        var now = clock.GetUtcNow();
        var items = new List<PipelineItemDto>();
        var scanned = 0;
        string? next = null;
        while (scanned < ScanLimit)
        {
            var after = afterTicks == long.MinValue ? DateTime.MinValue : new DateTime(afterTicks, DateTimeKind.Utc);
            var batch = await Selected(db, statuses, query.OrganisationId)
                .Where(m => m.UpdatedAt > after || (m.UpdatedAt == after && m.Sequence > afterSequence))
                .OrderBy(m => m.UpdatedAt).ThenBy(m => m.Sequence).Take(Batch).ToListAsync(cancellationToken);
            var sides = await SidesAsync(db, batch, cancellationToken);
            foreach (var match in batch)
            {
                scanned++;
                (afterTicks, afterSequence) = (match.UpdatedAt.Ticks, match.Sequence);
                if (Item(match, sides, now, stalledDays) is { } item && Fits(item, query))
                {
                    items.Add(item);
                }

                if (items.Count == take || scanned == ScanLimit)
                {
                    break;
                }
            }

            if (items.Count == take || scanned == ScanLimit)
            {
                next = batch.Count > 0 ? Cursor(afterTicks, afterSequence) : null;
                break;
            }

            if (batch.Count < Batch)
            {
                break;
            }
        }

        return TypedResults.Ok(new PipelinePageDto(items, next, stalledDays));
    }

    /// <summary>One organisation's matches (either side) are an index seek each; the other filters need the snapshots.</summary>
    private static IQueryable<Match> Selected(MatchingDbContext db, IReadOnlyList<string> statuses, Guid? organisationId)
    {
        var matches = db.Matches.AsNoTracking().Where(m => statuses.Contains(m.Status));
        return organisationId is { } org ? matches.Where(m => m.OfferOrganisationId == org || m.WantOrganisationId == org) : matches;
    }

    private static ValidationProblem? Validate(Query q)
    {
        if (q.Stage is not null && !PipelineRules.Stages.Contains(q.Stage))
        {
            return Problems.Invalid("stage", $"stage must be one of: {string.Join(", ", PipelineRules.Stages)}.");
        }

        if (q.ResourceClass is not null && !ResourceClasses.All.Contains(q.ResourceClass))
        {
            return Problems.Invalid("resourceClass", $"resourceClass must be one of: {string.Join(", ", ResourceClasses.All)}.");
        }

        if (q.Sector is not null && !(q.Sector.Length == 2 && q.Sector.All(char.IsAsciiDigit)))
        {
            return Problems.Invalid("sector", "sector is a NACE division: two digits, e.g. 10 for food products.");
        }

        if (q.Country is not null && !(q.Country.Length == 2 && q.Country.All(char.IsAsciiLetterUpper)))
        {
            return Problems.Invalid("country", "country is an ISO 3166-1 alpha-2 code in capitals, e.g. DK.");
        }

        if (q.StalledDays is < 1 or > 365)
        {
            return Problems.Invalid("stalledDays", "stalledDays must be between 1 and 365.");
        }

        if (q.Limit is < 1 or > 100)
        {
            return Problems.Invalid("limit", "limit must be between 1 and 100.");
        }

        return q.Cursor is not null && ParseCursor(q.Cursor) is null ? Problems.Invalid("cursor", "cursor must be a value returned as nextCursor.") : null;
    }

    private static bool Fits(PipelineItemDto item, Query q) =>
        (q.ResourceClass is null || item.Offer.ResourceClass == q.ResourceClass || item.Want.ResourceClass == q.ResourceClass)
        && (q.Sector is null || Division(item.Offer.NaceCode) == q.Sector || Division(item.Want.NaceCode) == q.Sector)
        && (q.Country is null || item.Offer.Country == q.Country || item.Want.Country == q.Country)
        && (q.StalledOnly != true || item.Stalled);

    private static string? Division(string? nace) => nace is { Length: >= 2 } ? nace[..2] : null;

    private static PipelineItemDto? Item(Match m, Sides sides, DateTimeOffset now, int stalledDays)
    {
        if (Side(m.OfferListingId, m.OfferOrganisationId, sides) is not { } offer || Side(m.WantListingId, m.WantOrganisationId, sides) is not { } want)
        {
            return null; // a listing Matching no longer knows: nothing the operator could act on
        }

        var idle = PipelineRules.IdleDays(m.UpdatedAt, m.NudgedAt, now);
        return new PipelineItemDto(m.Id, m.Kind, m.Status, m.OfferInterest, m.WantInterest, PipelineRules.Waiting(m), m.Score,
            MatchMapping.Reasons(m).FirstOrDefault()?.Text, offer, want, MatchMapping.Members(m)?.Count ?? 0, idle,
            PipelineRules.IsStalled(m.Status, idle, stalledDays), m.CreatedAt.AsOffset(), m.UpdatedAt.AsOffset(), m.NudgedAt?.AsOffset());
    }

    private static PipelineSideDto? Side(Guid listingId, Guid organisationId, Sides sides)
    {
        if (!sides.Listings.TryGetValue(listingId, out var listing))
        {
            return null;
        }

        sides.Organisations.TryGetValue(organisationId, out var org);
        return new PipelineSideDto(listingId, listing.Title, organisationId, org?.Name ?? "", org?.NaceCode ?? listing.NaceCode, listing.ResourceClass,
            listing.Location.Country, listing.Quantity.YearlyAmount, listing.Quantity.BaseUnit);
    }

    private sealed record Sides(Dictionary<Guid, ListingSnapshot> Listings, Dictionary<Guid, KnownOrganisation> Organisations);

    private static async Task<Sides> SidesAsync(MatchingDbContext db, List<Match> batch, CancellationToken cancellationToken)
    {
        var listingIds = batch.SelectMany(m => new[] { m.OfferListingId, m.WantListingId }).Distinct().ToList();
        var orgIds = batch.SelectMany(m => new[] { m.OfferOrganisationId, m.WantOrganisationId }).Distinct().ToList();
        var snapshots = await db.Listings.AsNoTracking().Where(l => listingIds.Contains(l.Id)).Select(l => new { l.Id, l.SnapshotJson }).ToListAsync(cancellationToken);
        var listings = snapshots.Where(s => s.SnapshotJson.Length > 0)
            .Select(s => (s.Id, Snapshot: JsonSerializer.Deserialize<ListingSnapshot>(s.SnapshotJson, MatchMapping.Json)))
            .Where(s => s.Snapshot is not null).ToDictionary(s => s.Id, s => s.Snapshot!);
        var organisations = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        return new Sides(listings, organisations);
    }

    private static string Cursor(long ticks, long sequence) => $"{ticks.ToString(CultureInfo.InvariantCulture)}.{sequence.ToString(CultureInfo.InvariantCulture)}";

    private static (long Ticks, long Sequence)? ParseCursor(string? cursor) =>
        cursor?.Split('.') is [var t, var s] && long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
        && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && ticks is >= 0 and <= 3155378975999999999
            ? (ticks, sequence) : null;
}
