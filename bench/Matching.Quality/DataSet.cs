using System.Globalization;
using System.Text.Json;

namespace Marketplace.Matching.Quality;

/// <summary>One side of a pair or a distractor, as the data set describes it, and what the run assigned to it.</summary>
internal sealed class Side
{
    public required string Key { get; init; }
    public required string Kind { get; init; }
    public required string ResourceClass { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public string? EwcCode { get; init; }
    public string? Nace { get; init; }
    public decimal Quantity { get; init; }
    public required string Unit { get; init; }
    public required string Frequency { get; init; }
    public bool AcceptsHazardous { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ListingId { get; set; }
}

internal sealed record Pair(string Id, Side Offer, Side Want);

internal sealed class DataSet
{
    public required List<Pair> Pairs { get; init; }
    public required List<Side> Distractors { get; init; }

    public List<Side> AllSides() => [.. Pairs.SelectMany(p => new[] { p.Offer, p.Want }), .. Distractors];

    public static DataSet Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var pairs = new List<Pair>();
        foreach (var p in doc.RootElement.GetProperty("pairs").EnumerateArray())
        {
            var id = p.GetProperty("id").GetString()!;
            var cls = p.GetProperty("resource_class").GetString()!;
            var offer = Read(id, "offer", cls, p.GetProperty("offer"));
            var want = Read(id, "want", cls, p.GetProperty("want"));
            want.AcceptsHazardous = offer.EwcCode?.EndsWith('*') ?? false; // the receiver holds the permit
            pairs.Add(new Pair(id, offer, want));
        }

        var distractors = new List<Side>();
        foreach (var d in doc.RootElement.GetProperty("distractors").EnumerateArray())
        {
            var kind = d.GetProperty("kind").GetString()!;
            distractors.Add(Read(d.GetProperty("id").GetString()!, kind, d.GetProperty("resource_class").GetString()!, d.GetProperty(kind)));
        }

        return new DataSet { Pairs = pairs, Distractors = distractors };
    }

    private static Side Read(string id, string kind, string resourceClass, JsonElement e) => new()
    {
        Key = id,
        Kind = kind,
        ResourceClass = resourceClass,
        Title = e.GetProperty("title").GetString()!,
        Description = e.GetProperty("description").GetString() ?? "",
        EwcCode = e.TryGetProperty("ewc_code", out var ewc) && ewc.ValueKind == JsonValueKind.String ? ewc.GetString() : null,
        Nace = (e.TryGetProperty("supplier_sector_nace", out var s) ? s : e.GetProperty("buyer_sector_nace")).GetString(),
        Quantity = e.GetProperty("quantity").ValueKind == JsonValueKind.Number ? e.GetProperty("quantity").GetDecimal() : decimal.Parse(e.GetProperty("quantity").GetString()!, CultureInfo.InvariantCulture),
        Unit = e.GetProperty("unit").GetString()!,
        Frequency = e.GetProperty("frequency").GetString()!,
    };
}
