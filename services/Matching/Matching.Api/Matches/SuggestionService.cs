using System.Text.Json;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Data;
using Marketplace.Matching.Knowledge;
using Marketplace.Matching.Search;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Matching.Matches;

/// <summary>Keeps Matching's copy of a listing, the index and the stored suggestions in step with Listings.</summary>
public sealed partial class SuggestionService(
    MatchingDbContext db, IListingIndex index, Annotator annotator, IListingEmbedder embedder, IOptions<SearchOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Applies a snapshot unless a newer version is already known (events may arrive twice or late). Its stages go
    /// to <see cref="MatchingTelemetry"/> (span <c>matching.apply</c>, histogram by stage).
    /// </summary>
    public async Task ApplyAsync(ListingSnapshot listing, CancellationToken cancellationToken)
    {
        using var activity = MatchingTelemetry.Source.StartActivity("matching.apply");
        var lap = System.Diagnostics.Stopwatch.GetTimestamp();
        var known = await db.Listings.FirstOrDefaultAsync(l => l.Id == listing.ListingId, cancellationToken);
        if (known is not null && known.Version > listing.Version)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (known is null)
        {
            known = new KnownListing { Id = listing.ListingId, Kind = listing.Kind, Status = listing.Status, SnapshotJson = "" };
            db.Listings.Add(known);
        }

        known.OrganisationId = listing.OrganisationId;
        known.Kind = listing.Kind;
        known.Status = listing.Status;
        known.Version = listing.Version;
        known.SnapshotJson = JsonSerializer.Serialize(listing, Json);
        known.UpdatedAt = now;

        // Upsert before search in every consumer: of two listings published at once, the later search finds the other.
        var nace = await NaceOfAsync(listing.OrganisationId, cancellationToken);
        MatchingTelemetry.Lap("read", ref lap);
        var annotation = annotator.Annotate(listing, nace);
        MatchingTelemetry.Lap("annotate", ref lap);
        annotation = embedder.WithVector(listing, annotation, annotator.Knowledge);
        MatchingTelemetry.Lap("embed", ref lap);
        await index.UpsertAsync(ToIndexed(listing, annotation), cancellationToken);
        MatchingTelemetry.Lap("upsert", ref lap);
        await WithdrawOpenSuggestionsAsync(listing.ListingId, cancellationToken);
        MatchingTelemetry.Lap("withdraw", ref lap);
        if (listing.Status == ListingStatuses.Published)
        {
            await SuggestAsync(listing, annotation, now, cancellationToken);
        }
    }

    public async Task RemoveAsync(Guid listingId, int version, string status, CancellationToken cancellationToken)
    {
        var known = await db.Listings.FirstOrDefaultAsync(l => l.Id == listingId, cancellationToken);
        if (known is not null)
        {
            if (known.Version > version)
            {
                return;
            }

            known.Status = status;
            known.Version = version;
            known.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }

        await index.RemoveAsync(listingId, cancellationToken);
        await WithdrawOpenSuggestionsAsync(listingId, cancellationToken);
    }

    /// <summary>An organisation's sector changed: its published listings are read again and re-matched.</summary>
    public async Task ReapplyOrganisationAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var listings = await db.Listings.Where(l => l.OrganisationId == organisationId && l.Status == ListingStatuses.Published)
            .Select(l => l.SnapshotJson).ToListAsync(cancellationToken);
        foreach (var json in listings)
        {
            await ApplyAsync(JsonSerializer.Deserialize<ListingSnapshot>(json, Json)!, cancellationToken);
        }
    }

    public static IndexedListing ToIndexed(ListingSnapshot listing, Annotation annotation) =>
        new(listing, annotation.Language, annotation.Text.Stems, annotation.Concepts) { Annotation = annotation }; // AnnotationJson is encoded when read

    /// <summary>
    /// The candidate's annotation as indexed, unless its organisation's sector has changed since. An organisation
    /// Matching has not heard of (<paramref name="known"/> false) is no evidence of a change: the index keeps its sector.
    /// </summary>
    public static Annotation AnnotationOf(IndexHit hit, string? nace, Annotator annotator, bool known = true)
    {
        var stored = hit.Annotation ?? AnnotationCodec.Decode(hit.AnnotationJson);
        return stored is not null && (stored.Nace == (hit.Listing.NaceCode ?? nace) || (!known && hit.Listing.NaceCode is null))
            ? stored
            : annotator.Annotate(hit.Listing, nace) with { Vector = stored?.Vector }; // the text, so its embedding, is unchanged
    }

    /// <summary>The query for a source listing: counterpart concepts weighted by how well the source fits them.</summary>
    public static CandidateQuery QueryFor(ListingSnapshot source, Annotation annotation, int limit, int vectorCandidates = 0)
    {
        var weighted = annotation.Concepts.Select(c => (c, c switch
        {
            _ when c.StartsWith("pr:", StringComparison.Ordinal) || c.StartsWith("pu:", StringComparison.Ordinal)
                => annotation.Patterns.TryGetValue(c[3..], out var fit) ? fit.Value : 0.3,
            _ when c.StartsWith("th:", StringComparison.Ordinal) => 0.5,
            _ when c.StartsWith("ewc:", StringComparison.Ordinal) => 0.3,
            _ => 0.1,
        }));
        return new CandidateQuery(source, annotation.Text.Stems, CandidateQuery.Counterparts(source.Kind, weighted), limit)
        {
            Vector = annotation.Vector,
            VectorCandidates = annotation.Vector is null ? 0 : vectorCandidates,
        };
    }

    private async Task<string?> NaceOfAsync(Guid organisationId, CancellationToken cancellationToken) =>
        await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.NaceCode).FirstOrDefaultAsync(cancellationToken);

    private async Task WithdrawOpenSuggestionsAsync(Guid listingId, CancellationToken cancellationToken)
    {
        // the status is checked in memory: in SQL it leads SQLite (without statistics) to the status index, a scan of every open match
        var open = (await db.Matches.Involving(db, listingId).ToListAsync(cancellationToken))
            .Where(m => m.Status is MatchStatuses.Suggested or MatchStatuses.Interested);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var match in open)
        {
            Withdraw(match, now);
        }
    }

    private static void Withdraw(Match match, DateTime now)
    {
        match.Status = MatchStatuses.Withdrawn;
        match.UpdatedAt = now;
        match.Version++;
    }

    private async Task SuggestAsync(ListingSnapshot source, Annotation annotation, DateTime now, CancellationToken cancellationToken)
    {
        var (scored, annotations) = await ScoreAsync(source, annotation, cancellationToken);
        if (scored.Count == 0)
        {
            return;
        }

        var lap = System.Diagnostics.Stopwatch.GetTimestamp();

        // every match this listing is in, in one query; the upserts below then work on tracked entities
        await db.Matches.Where(m => m.OfferListingId == source.ListingId || m.WantListingId == source.ListingId).LoadAsync(cancellationToken);
        var staged = new List<(Match Match, ScoredPair Pair)>();
        foreach (var s in scored.Take(options.Value.SuggestionsPerListing))
        {
            if (UpsertPair(s, now) is { } match)
            {
                staged.Add((match, s));
            }
        }

        foreach (var bundle in Bundling.Propose(source, scored, annotator.Knowledge.Factors))
        {
            await UpsertBundleAsync(bundle, now, cancellationToken);
        }

        MatchingTelemetry.Lap("stage matches", ref lap);
        await AnnounceAsync(source, staged, cancellationToken);
        MatchingTelemetry.Lap("announce", ref lap);
        await PoolAgainAsync(source, scored, annotations, now, cancellationToken);
        MatchingTelemetry.Lap("pool again", ref lap);
    }

    /// <summary>The source's candidates scored against it, best first, and each candidate's annotation by listing id.</summary>
    private async Task<(List<ScoredPair> Scored, Dictionary<Guid, Annotation> Annotations)> ScoreAsync(
        ListingSnapshot source, Annotation annotation, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var lap = System.Diagnostics.Stopwatch.GetTimestamp();
        var hits = await index.FindCandidatesAsync(QueryFor(source, annotation, o.Candidates, o.VectorCandidates), cancellationToken);
        MatchingTelemetry.Lap("search", ref lap);
        var scored = new List<ScoredPair>();
        var annotations = new Dictionary<Guid, Annotation>();
        if (hits.Count == 0)
        {
            return (scored, annotations);
        }

        var orgIds = hits.Select(h => h.Listing.OrganisationId).Distinct().ToList();
        var naces = await db.Organisations.Where(x => orgIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.NaceCode, cancellationToken);
        var learned = await Learning.LearnedAsync(db, cancellationToken);
        var rarity = await index.TermRarityAsync([.. annotation.Text.Terms], cancellationToken);
        MatchingTelemetry.Lap("read weights", ref lap);
        var self = new Side(source, annotation);
        foreach (var hit in hits)
        {
            var known = naces.TryGetValue(hit.Listing.OrganisationId, out var nace);
            var other = new Side(hit.Listing, AnnotationOf(hit, nace, annotator, known));
            annotations[hit.Listing.ListingId] = other.Annotation;
            var pair = source.Kind == ListingKinds.Offer
                ? Scoring.Score(self, other, annotator.Knowledge, learned, rarity)
                : Scoring.Score(other, self, annotator.Knowledge, learned, rarity);
            if (pair is not null && pair.Score >= o.MinimumScore)
            {
                scored.Add(pair);
            }
        }

        scored.Sort((a, b) => b.Score.CompareTo(a.Score));
        MatchingTelemetry.Lap("score", ref lap);
        return (scored, annotations);
    }

    /// <summary>The pair's match, created or re-scored; null when a decision on it stands (a changed listing does not reopen it).</summary>
    private Match? UpsertPair(ScoredPair s, DateTime now)
    {
        var match = Find(s.Offer.ListingId, s.Want.ListingId, MatchKinds.Pair);
        if (match is null)
        {
            match = New(s.Offer, s.Want, MatchKinds.Pair, now);
        }
        else if (match.Status is MatchStatuses.Accepted or MatchStatuses.Declined)
        {
            return null;
        }

        Fill(match, s.Score, s.Reasons, s.DistanceKm, s.Transport, s.PatternIds, now);
        match.TermsJson = JsonSerializer.Serialize(s.Terms, Json);
        match.MembersJson = null;
        return match;
    }

    /// <summary>Among the tracked matches: <see cref="SuggestAsync"/> has loaded every match of the source listing.</summary>
    private Match? Find(Guid offerId, Guid wantId, string kind) =>
        db.Matches.Local.FirstOrDefault(m => m.OfferListingId == offerId && m.WantListingId == wantId && m.Kind == kind);

    private Match New(ListingSnapshot offer, ListingSnapshot want, string kind, DateTime now)
    {
        var match = new Match
        {
            Id = Guid.CreateVersion7(),
            Sequence = NextSequence(now),
            Kind = kind,
            OfferListingId = offer.ListingId,
            WantListingId = want.ListingId,
            OfferOrganisationId = offer.OrganisationId,
            WantOrganisationId = want.OrganisationId,
            ReasonsJson = "[]",
            CreatedAt = now,
        };
        db.Matches.Add(match);
        return match;
    }

    private static long lastSequence;

    /// <summary>Monotonic within the process, close to insertion time across processes (ticks).</summary>
    private static long NextSequence(DateTime now)
    {
        long last, next;
        do
        {
            last = Interlocked.Read(ref lastSequence);
            next = Math.Max(last + 1, now.Ticks);
        }
        while (Interlocked.CompareExchange(ref lastSequence, next, last) != last);
        return next;
    }

    private static void Fill(Match match, double score, IReadOnlyList<MatchReason> reasons, double distanceKm, TransportCostEstimate? transport,
        IReadOnlyList<string> patternIds, DateTime now)
    {
        match.Status = match.OfferInterest == MatchStatuses.Interested || match.WantInterest == MatchStatuses.Interested
            ? MatchStatuses.Interested
            : MatchStatuses.Suggested;
        match.Score = score;
        match.ReasonsJson = JsonSerializer.Serialize(reasons, Json);
        match.DistanceKm = distanceKm;
        match.TransportEurPerYear = transport?.EurPerYear;
        match.TransportCo2eKgPerYear = transport?.Co2eKgPerYear;
        match.TransportEurPerUnit = transport?.EurPerTonne;
        match.TransportMode = transport?.Mode;
        match.PatternIdsJson = JsonSerializer.Serialize(patternIds, Json);
        match.UpdatedAt = now;
    }
}
