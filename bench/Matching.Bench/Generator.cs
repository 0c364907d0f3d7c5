using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;

namespace Marketplace.Matching.Bench;

/// <summary>Synthetic but plausible listings: each drawn from a random synergy pattern's resource or use side.</summary>
internal sealed class Generator(KnowledgeBase knowledge, int seed)
{
    private static readonly string[] Fillers =
    [
        "available all year", "stored on site", "collected weekly", "delivered by truck", "quality certificate on request",
        "moisture varies with season", "long-term contract preferred", "sample available", "continuous operation", "looking for a partner",
    ];

    private readonly Random random = new(seed);

    public Dictionary<Guid, string?> Naces { get; } = [];

    public ListingSnapshot Next(string? kind = null, Guid? organisation = null)
    {
        var p = knowledge.Patterns[random.Next(knowledge.Patterns.Count)];
        kind ??= random.Next(2) == 0 ? "offer" : "want";
        var side = kind == "offer" ? p.Resource : p.Use;
        var terms = side.Terms.Count > 0 ? side.Terms : p.Resource.Terms;
        var term = terms.Count > 0 ? terms[random.Next(terms.Count)] : p.Name;
        var other = terms.Count > 0 ? terms[random.Next(terms.Count)] : p.Name;
        var org = organisation ?? Guid.NewGuid();
        Naces[org] = side.Nace.Count > 0 ? side.Nace[random.Next(side.Nace.Count)] : null;
        var unit = p.ResourceClass switch { "energy" => "MWh", "water" => "m3", _ => "t" };
        var yearly = (decimal)Math.Round(Math.Exp(random.NextDouble() * 9) * 10);
        var (lat, lon) = (50 + (random.NextDouble() * 4), 6 + (random.NextDouble() * 8));
        var ewc = kind == "offer" && p.Resource.Ewc.Count > 0 ? p.Resource.Ewc[random.Next(p.Resource.Ewc.Count)] : null;
        return new ListingSnapshot
        {
            ListingId = Guid.NewGuid(),
            OrganisationId = org,
            Version = 1,
            Kind = kind,
            ResourceClass = p.ResourceClass,
            Status = "published",
            Title = kind == "offer" ? $"{Cap(term)} {Fillers[random.Next(Fillers.Length)]}" : $"Need {term}",
            Description = $"{Cap(other)}, {Fillers[random.Next(Fillers.Length)]}; {Fillers[random.Next(Fillers.Length)]}.",
            EwcCode = ewc,
            Quantity = new QuantitySnapshot(yearly, unit, "year", yearly, unit),
            Location = new LocationSnapshot(lat, lon, "DE", null),
            MaxTransportKm = random.Next(3) == 0 ? 150 : null,
            UpdatedAt = DateTime.UtcNow,
        };
    }

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
