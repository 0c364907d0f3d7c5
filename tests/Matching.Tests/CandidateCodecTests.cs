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
}
