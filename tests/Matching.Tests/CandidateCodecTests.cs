using System.Text.Json;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;
using Marketplace.Matching.Search;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

public sealed class CandidateCodecTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_candidate_read_back_from_its_binary_form_equals_what_was_written()
    {
        var listing = Listing("offer", "Trockene Flugasche", "Aus dem Kraftwerk, in Silos gelagert.", ewc: "10 01 02", language: "de", temperature: 35,
            from: new DateOnly(2026, 1, 1), until: new DateOnly(2027, 6, 30), price: new PriceSnapshot(12.5m, "EUR", "t"), maxKm: 120) with
        {
            CpaCode = "23.51.12",
            NaceCode = "35.11",
            Medium = "dry",
            WaterQuality = null,
            Visibility = "anonymous",
            Attributes = [new AttributeSnapshot("LOI", "4.5", "%"), new AttributeSnapshot("colour", "grey", null)],
            Location = new LocationSnapshot(55.61, 11.12, "DK", "Havnevej 1"),
            UpdatedAt = new DateTime(2026, 11, 22, 23, 0, 0, DateTimeKind.Utc),
        };
        var annotation = new Annotator(Kb).Annotate(listing, "35.11");
        Assert.NotEmpty(annotation.Patterns);

        var bytes = CandidateCodec.Encode(listing, annotation);
        var (back, read) = CandidateCodec.Decode(bytes, 0, bytes.Length);

        Assert.Equal(JsonSerializer.Serialize(listing, Web), JsonSerializer.Serialize(back, Web));
        Assert.Equal(annotation.Language, read.Language);
        Assert.Equal(annotation.Text.Stems, read.Text.Stems);
        Assert.Equal(annotation.Groups.Order(), read.Groups.Order());
        Assert.Equal(annotation.Concepts, read.Concepts);
        Assert.Equal(annotation.TemperatureC, read.TemperatureC);
        Assert.Equal(annotation.Nace, read.Nace);
        Assert.Equal(annotation.Patterns.Keys.Order(), read.Patterns.Keys.Order());
        foreach (var (id, fit) in annotation.Patterns)
        {
            Assert.Equal(fit.Value, read.Patterns[id].Value);
            Assert.Equal(fit.Evidence, read.Patterns[id].Evidence);
        }
    }

    [Fact]
    public void A_snapshot_without_optional_parts_survives_the_round_trip()
    {
        var listing = Listing("want", "Pozzolan", "");
        var annotation = new Annotator(Kb).Annotate(listing, null);
        var bytes = CandidateCodec.Encode(listing, annotation);
        var (back, _) = CandidateCodec.Decode(bytes, 0, bytes.Length);
        Assert.Equal(JsonSerializer.Serialize(listing, Web), JsonSerializer.Serialize(back, Web));
    }

    [Fact]
    public void Decoded_candidates_keep_the_fit_order_and_share_their_vocabulary_and_equal_fits()
    {
        // two wants of the same cement works: their sector gives them the same (sector-only) fits
        var annotator = new Annotator(Kb);
        var first = Listing("want", "Pozzolan for clinker substitution", "Delivered by truck.");
        var second = Listing("want", "Raw meal corrective", "Iron or alumina source.");
        var (a, b) = (Decoded(first, annotator.Annotate(first, "23.51")), Decoded(second, annotator.Annotate(second, "23.51")));

        // the order of the fits is the annotator's: ties between equal fits are broken by it
        Assert.Equal(annotator.Annotate(first, "23.51").Patterns.Keys, a.Annotation.Patterns.Keys);
        Assert.Same(a.Listing.Kind, b.Listing.Kind);
        Assert.Same(a.Listing.Quantity.Unit, b.Listing.Quantity.Unit);
        Assert.NotSame(a.Listing.Title, Decoded(first, annotator.Annotate(first, "23.51")).Listing.Title); // free text is not pooled
        var equal = a.Annotation.Patterns.Values
            .Where(f => b.Annotation.Patterns.TryGetValue(f.PatternId, out var g) && g.Value == f.Value && g.Evidence.SequenceEqual(f.Evidence))
            .ToList();
        Assert.NotEmpty(equal);
        Assert.All(equal, f => Assert.Same(f, b.Annotation.Patterns[f.PatternId]));
    }

    private static (ListingSnapshot Listing, Annotation Annotation) Decoded(ListingSnapshot listing, Annotation annotation)
    {
        var bytes = CandidateCodec.Encode(listing, annotation);
        return CandidateCodec.Decode(bytes, 0, bytes.Length);
    }
}
