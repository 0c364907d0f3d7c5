using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;
using Marketplace.Matching.Matches;
using Marketplace.Matching.Search;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

public sealed class BulkIndexingTests
{
    [Fact]
    public void Annotating_a_batch_on_every_core_gives_each_listing_in_order_the_annotation_it_gets_alone()
    {
        var batch = Varied(600);

        var alone = new Annotator(Kb);
        var expected = batch.Select(b => alone.Annotate(b.Listing, b.Nace)).ToList();
        var indexed = Reindexer.AnnotateMany(batch, new Annotator(Kb));

        Assert.Equal(batch.Count, indexed.Length);
        Assert.Contains(expected, a => a.Patterns.Count > 0);
        Assert.Contains(expected, a => a.Language != "en");
        for (var i = 0; i < batch.Count; i++)
        {
            var (want, got) = (expected[i], indexed[i].Annotation!);
            Assert.Same(batch[i].Listing, indexed[i].Listing);
            Assert.Equal(want.Concepts, got.Concepts);
            Assert.Equal(want.Concepts, indexed[i].Concepts);
            Assert.Equal(want.Text.Stems, indexed[i].Stems);
            Assert.Equal(want.Patterns.Keys, got.Patterns.Keys);
            Assert.Equal(want.Patterns.Values.Select(p => (p.Value, string.Join(" / ", p.Evidence))), got.Patterns.Values.Select(p => (p.Value, string.Join(" / ", p.Evidence))));

            // everything the index stores, byte for byte and in its order: snapshot, stems, groups, fits, evidence, concepts
            Assert.Equal(CandidateCodec.Encode(batch[i].Listing, want), CandidateCodec.Encode(batch[i].Listing, got));
            Assert.Equal(AnnotationCodec.Encode(want), indexed[i].AnnotationJson);
        }
    }

    [Fact]
    public void Annotating_past_the_memo_gives_what_the_memo_holds()
    {
        var annotator = new Annotator(Kb);
        foreach (var (listing, nace) in Varied(50))
        {
            Assert.Equal(AnnotationCodec.Encode(annotator.Annotate(listing, nace)), AnnotationCodec.Encode(annotator.AnnotateOnce(listing, nace)));
        }
    }

    [Fact]
    public async Task A_bulk_write_finds_what_the_same_listings_written_one_by_one_find()
    {
        var batch = Varied(300);
        var indexed = Reindexer.AnnotateMany(batch, new Annotator(Kb));
        var paths = new[] { "bulk", "single" }.Select(p => Path.Combine(Path.GetTempPath(), $"matching-bulk-tests-{p}-{Guid.NewGuid():N}")).ToList();
        try
        {
            using var bulk = new LuceneListingIndex(paths[0], backgroundReopen: false);
            using var single = new LuceneListingIndex(paths[1], backgroundReopen: false);
            await bulk.UpsertManyAsync(indexed, CancellationToken.None);
            foreach (var listing in indexed)
            {
                await single.UpsertAsync(listing, CancellationToken.None);
            }

            bulk.Refresh();
            single.Refresh();
            foreach (var source in indexed.Take(40))
            {
                var query = SuggestionService.QueryFor(source.Listing, source.Annotation!, 50);
                var fromBulk = await bulk.FindCandidatesAsync(query, CancellationToken.None);
                var fromSingle = await single.FindCandidatesAsync(query, CancellationToken.None);
                Assert.Equal(fromSingle.Select(h => (h.Listing.ListingId, h.TextScore)), fromBulk.Select(h => (h.Listing.ListingId, h.TextScore)));
                Assert.Equal(
                    fromSingle.Select(h => CandidateCodec.Encode(h.Listing, h.Annotation!)),
                    fromBulk.Select(h => CandidateCodec.Encode(h.Listing, h.Annotation!)));
            }
        }
        finally
        {
            paths.ForEach(p => Directory.Delete(p, recursive: true));
        }
    }

    /// <summary>
    /// Offers and wants made of each pattern's own terms and codes, some in the thesaurus's other languages, some with a
    /// temperature or a sector: listings that fit many patterns each, with evidence of every kind.
    /// </summary>
    private static List<(ListingSnapshot Listing, string? Nace)> Varied(int count)
    {
        var random = new Random(7);
        var foreign = Kb.Thesaurus.SelectMany(g => g.Terms).Where(t => t.Language != "en").ToList();
        var batch = new List<(ListingSnapshot, string?)>(count);
        for (var i = 0; i < count; i++)
        {
            var p = Kb.Patterns[random.Next(Kb.Patterns.Count)];
            var offer = i % 2 == 0;
            var side = offer ? p.Resource : p.Use;
            var terms = side.Terms.Concat(p.Resource.Terms).OrderBy(_ => random.Next()).Take(3).ToList();
            var title = terms.FirstOrDefault() ?? p.Name;
            var description = i % 3 == 0 && foreign.Count > 0
                ? $"{foreign[random.Next(foreign.Count)].Term} und {foreign[random.Next(foreign.Count)].Term} für das ganze Jahr"
                : $"We {(offer ? "offer" : "need")} {string.Join(", ", terms)}, not hazardous, about {random.Next(20, 400)} °C.";
            var listing = Listing(
                offer ? ListingKinds.Offer : ListingKinds.Want, title, description,
                ewc: offer && p.Resource.Ewc.Count > 0 ? p.Resource.Ewc[random.Next(p.Resource.Ewc.Count)] : null,
                resourceClass: p.ResourceClass, language: i % 3 == 0 ? null : "en", temperature: i % 5 == 0 ? random.Next(30, 300) : null);
            var nace = side.Nace.Count > 0 && i % 4 != 0 ? side.Nace[random.Next(side.Nace.Count)] : null;
            batch.Add((listing, nace));
        }

        return batch;
    }
}
