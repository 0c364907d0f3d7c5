using System.Globalization;
using System.Text.Json;
using Marketplace.Portal.Api;
using Microsoft.Extensions.Localization;

namespace Marketplace.Portal.Territory;

/// <summary>A link in a hot spot's popup: a company in it.</summary>
public sealed record MapLink(string N, string H);

/// <summary>
/// One point as the page's script draws it, with its words already in the user's language: layer (<c>k</c>), latitude
/// (<c>a</c>), longitude (<c>o</c>), title, detail line, link, and for a hot spot its companies. Short names keep the page
/// small with 10,000 points.
/// </summary>
public sealed record MapPoint(string K, double A, double O, string T, string D, string? H, IReadOnlyList<MapLink>? C = null)
{
    /// <summary>A server cluster's layer (<c>L</c>), count (<c>N</c>) and extent (<c>B</c>: south, west, north, east), to zoom into.</summary>
    public string? L { get; init; }

    public int? N { get; init; }

    public double[]? B { get; init; }
}

/// <summary>An accepted exchange as the script draws it: from (<c>F</c>) the offer's site to (<c>T</c>) the want's, with its words.</summary>
public sealed record MapLine(double[] F, double[] T, string Title, string D, string H);

/// <summary>A territory's outline: its name (<c>N</c>) and GeoJSON geometry (<c>G</c>).</summary>
public sealed record MapArea(string N, JsonElement G);

/// <summary>The territory API's answer turned into the map's points and sentences (no figure is computed here).</summary>
public sealed class MapPoints(IStringLocalizer<MapTexts> texts, IStringLocalizer<Strings> strings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string ListingHref(Guid id) => $"/listings/{id}/matches";

    public static string CompanyHref(Guid id) => $"/operator/companies/{id}";

    /// <summary>The points of the layers <paramref name="filter"/> shows, as JSON safe inside a script element (&lt; is escaped).</summary>
    public string ToJson(TerritoryFlows flows, MapFilter filter) => JsonSerializer.Serialize(Build(flows, filter), Json);

    /// <summary>The accepted exchanges as lines, JSON safe inside a script element.</summary>
    public string LinesJson(TerritoryFlows flows, MapFilter filter) =>
        JsonSerializer.Serialize(filter.Shows(MapFilter.Exchanges) ? flows.Exchanges.Select(Line) : [], Json);

    /// <summary>The territories' outlines, JSON safe inside a script element.</summary>
    public static string AreasJson(IReadOnlyList<TerritoryArea> areas, MapFilter filter) =>
        JsonSerializer.Serialize(filter.Shows(MapFilter.Territories) ? areas.Select(a => new MapArea(a.Name, a.Boundary)) : [], Json);

    public string ExchangeDetail(MapExchange x) => texts["ExchangeDetail", Class(x.ResourceClass), Quantity(x.YearlyAmount, x.BaseUnit)];

    private MapLine Line(MapExchange x) => new([x.FromLat, x.FromLon], [x.ToLat, x.ToLon], x.Title, ExchangeDetail(x), ListingHref(x.OfferListingId));

    public IEnumerable<MapPoint> Build(TerritoryFlows flows, MapFilter filter)
    {
        var names = flows.Companies.ToDictionary(c => c.OrganisationId, c => c.Name);
        var declared = filter.Shows(MapFilter.Declared) ? flows.Declared.Select(Declared) : [];
        var estimated = filter.Shows(MapFilter.Estimated) ? flows.Estimated.Where(e => e.Lat is not null && e.Lon is not null).Select(Estimated) : [];
        var companies = filter.Shows(MapFilter.Companies) ? flows.Companies.Select(Company) : [];
        var hotSpots = filter.Shows(MapFilter.HotSpots) ? flows.HotSpots.Select(h => HotSpot(h, names)) : [];
        var clusters = (flows.Clusters ?? []).Where(c => filter.Shows(c.Layer)).Select(Cluster);
        return declared.Concat(estimated).Concat(companies).Concat(hotSpots).Concat(clusters);
    }

    public string Kind(string kind) => strings["Kind_" + kind];

    public string Class(string resourceClass) => strings["Class_" + resourceClass];

    public string Quantity(decimal amount, string unit) => texts["YearlyQuantity", amount.ToString("#,0.##", CultureInfo.CurrentCulture), unit];

    public string Range(MapEstimatedFlow e) => e.Reported
        ? texts["ReportedQuantity", Number(e.Central), e.Unit]
        : texts["EstimatedRange", Number(e.Low), Number(e.Central), Number(e.High), e.Unit];

    public string HotSpotTitle(MapHotSpot h) => texts["HotSpotTitle", h.Family, texts["HotSpot_" + h.Kind]];

    public string HotSpotDetail(MapHotSpot h) => texts["HotSpotDetail", h.OrganisationCount, Number(h.RangeKm), Number(h.SupplyQuantity), h.Unit];

    public static string Number(double value) => value.ToString("#,0", CultureInfo.CurrentCulture);

    private MapPoint Declared(MapDeclaredFlow d) =>
        new("declared", d.Lat, d.Lon, d.Title, $"{Kind(d.Kind)} · {Class(d.ResourceClass)} · {Quantity(d.YearlyAmount, d.BaseUnit)}", ListingHref(d.ListingId));

    private MapPoint Estimated(MapEstimatedFlow e) =>
        new(e.Reported ? "reported" : "estimated", e.Lat!.Value, e.Lon!.Value, texts[e.Reported ? "ReportedTitle" : "EstimatedTitle", e.Label, e.OrganisationName ?? ""],
            $"{Range(e)} · {texts["EstimateBasis", e.Basis, e.Source]}", CompanyHref(e.OrganisationId));

    private MapPoint Cluster(MapCluster c) =>
        new("cluster", c.Lat, c.Lon, texts["ClusterTitle", Number(c.Count), texts["Layer_" + c.Layer]], texts["ClusterDetail"], null)
        {
            L = c.Layer, N = c.Count, B = [c.MinLat, c.MinLon, c.MaxLat, c.MaxLon],
        };

    private MapPoint Company(MapCompany c) =>
        new("company", c.Lat, c.Lon, c.Name, texts["CompanyDetail", c.NaceCode ?? "–", c.DeclaredFlows, c.EstimatedFlows], CompanyHref(c.OrganisationId));

    private MapPoint HotSpot(MapHotSpot h, Dictionary<Guid, string> names) =>
        new("hotspot", h.Lat, h.Lon, HotSpotTitle(h), HotSpotDetail(h), null,
            [.. h.Organisations.Select(id => new MapLink(names.GetValueOrDefault(id, id.ToString()), CompanyHref(id)))]);
}
