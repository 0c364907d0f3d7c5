using System.Security.Claims;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Data;
using Marketplace.Listings.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Territory;

public sealed record DeclaredFlowDto(Guid ListingId, Guid? OrganisationId, string Kind, string ResourceClass, string? Family, string Title,
    string? EwcCode, bool Hazardous, decimal YearlyAmount, string BaseUnit, double Lat, double Lon, string Status);

public sealed record CompanyDto(Guid OrganisationId, string Name, string? NaceCode, int? Employees, double Lat, double Lon, int DeclaredFlows, int EstimatedFlows);

public sealed record TerritoryFlowsDto(BoundingBox Bbox, IReadOnlyList<DeclaredFlowDto> Declared, IReadOnlyList<EstimatedFlowDto> Estimated,
    IReadOnlyList<CompanyDto> Companies, IReadOnlyList<HotSpot> HotSpots, IReadOnlyList<ExchangeDto> Exchanges, IReadOnlyList<MapCluster> Clusters,
    string EstimateSource);

/// <summary>
/// GET /api/v1/territory/flows: the map's data. Declared flows are published listings as any reader sees them (an
/// anonymous one at its grid cell, without owner); estimated flows, companies and hot spots are about other
/// organisations' unposted data, so an operator sees the territory's and a company only its own (and no hot spots).
/// </summary>
public static class GetTerritoryFlows
{
    private sealed record Row(Guid Id, Guid OrganisationId, string Kind, string ResourceClass, string Title, string? EwcCode, bool Hazardous,
        decimal YearlyAmount, string BaseUnit, double Lat, double Lon, double PublicLat, double PublicLon, string Visibility);

    public static async Task<Results<Ok<TerritoryFlowsDto>, ValidationProblem>> Handle(
        HttpContext http, ClaimsPrincipal user, ListingsDbContext db, FlowCoefficients coefficients, ResourceFamilies families, BoundaryCache boundaries,
        TerritoryAnswers answers, CancellationToken cancellationToken,
        string? bbox = null, string? layer = null, [FromQuery(Name = "class")] string? resourceClass = null, string? chapter = null,
        string? family = null, bool? hazardous = null, double? minQuantity = null, int? zoom = null, int? maxPoints = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (TerritoryQuery.Parse(bbox, layer, resourceClass, chapter, family, hazardous, minQuantity, errors, zoom, maxPoints) is not { } query)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var viewer = Viewer.Of(user);
        var key = (viewer.IsOperator ? "operator" : viewer.OrganisationId?.ToString() ?? "none") + http.Request.QueryString.Value;
        if (answers.Find(key) is { } kept)
        {
            return TypedResults.Ok(kept);
        }

        var version = TerritoryAnswers.Version;
        var answer = await ComputeAsync(query, viewer, db, coefficients, families, boundaries, cancellationToken);
        answers.Keep(key, version, answer);
        return TypedResults.Ok(answer);
    }

    private static async Task<TerritoryFlowsDto> ComputeAsync(TerritoryQuery query, Viewer viewer, ListingsDbContext db, FlowCoefficients coefficients,
        ResourceFamilies families, BoundaryCache boundaries, CancellationToken cancellationToken)
    {
        var box = query.Box;
        var published = db.Listings.AsNoTracking()
            .Where(l => l.Status == ListingStatuses.Published && l.PublicLat >= box.MinLat && l.PublicLat <= box.MaxLat
                && l.PublicLon >= box.MinLon && l.PublicLon <= box.MaxLon);
        // The filters the database can apply read fewer rows; the rest (family, chapter, quantity) are applied below.
        if (query.ResourceClass is { } only)
        {
            published = published.Where(l => l.ResourceClass == only);
        }

        if (query.Hazardous is { } hazard)
        {
            published = published.Where(l => l.Hazardous == hazard);
        }

        var rows = await published
            .Select(l => new Row(l.Id, l.OrganisationId, l.Kind, l.ResourceClass, l.Title, l.EwcCode, l.Hazardous, l.YearlyAmount, l.BaseUnit,
                l.Lat, l.Lon, l.PublicLat, l.PublicLon, l.Visibility))
            .ToListAsync(cancellationToken);
        var declared = rows.Select(r => Declared(r, viewer, families))
            .Where(d => query.Keeps(d.ResourceClass, Chapter(d.EwcCode), d.Family, d.Hazardous, (double)d.YearlyAmount)).ToList();

        var inBox = Organisations(db, viewer, box);
        var organisations = await inBox.ToListAsync(cancellationToken);
        var offers = (await db.Listings.AsNoTracking()
                .Where(l => l.Status == ListingStatuses.Published && l.Kind == ListingKinds.Offer && inBox.Select(o => o.Id).Contains(l.OrganisationId))
                .Select(l => new { l.OrganisationId, l.ResourceClass, l.EwcCode }).ToListAsync(cancellationToken))
            .ToLookup(l => l.OrganisationId, l => new DeclaredOffer(l.ResourceClass, l.EwcCode));
        var local = await LocalKnowledge.LoadAsync(db, boundaries, families, inBox.Select(o => o.Id), cancellationToken);
        var estimated = organisations
            .SelectMany(o => FlowEstimator.Estimate(new(o.Id, o.NaceCode, o.Country, o.Employees), coefficients, [.. offers[o.Id]],
                    local.For(o.Id, o.NaceCode, coefficients, o.Lat, o.Lon))
                .Select(f => f.AsDto(o.Name, o.Lat, o.Lon)))
            .Where(f => EstimateAccess.MaySee(f.OrganisationId, viewer.OrganisationId, viewer.IsOperator))
            .Where(f => query.Keeps(f.ResourceClass, f.Chapter, f.Family, f.Hazardous, f.Central)).ToList();

        var hotSpots = viewer.IsOperator && query.Wants(TerritoryQuery.HotSpots) ? HotSpots.Find(Points(declared, estimated), coefficients.Families) : [];
        var declaredCount = declared.Where(d => d.OrganisationId is not null).CountBy(d => d.OrganisationId!.Value).ToDictionary();
        var estimatedCount = estimated.CountBy(f => f.OrganisationId).ToDictionary();
        var companies = query.Wants(TerritoryQuery.Companies)
            ? organisations.Select(o => new CompanyDto(o.Id, o.Name, o.NaceCode, o.Employees, o.Lat!.Value, o.Lon!.Value,
                declaredCount.GetValueOrDefault(o.Id), estimatedCount.GetValueOrDefault(o.Id))).ToList()
            : [];
        var exchanges = query.Wants(TerritoryQuery.Exchanges) ? await Exchanges.InAsync(db, viewer, box, query, families, cancellationToken) : [];
        declared = query.Wants(TerritoryQuery.Declared) ? declared : [];
        estimated = query.Wants(TerritoryQuery.Estimated) ? estimated : [];
        var clusters = new List<MapCluster>();
        List<T> PointsOrClusters<T>(List<T> items, string layer, Func<T, (double Lat, double Lon)?> at)
        {
            var located = items.Select(at).OfType<(double Lat, double Lon)>().ToList();
            if (!query.Clusters(located.Count))
            {
                return items;
            }

            clusters.AddRange(MapClusters.Cluster(layer, located, query.Zoom!.Value));
            return [];
        }

        declared = PointsOrClusters(declared, TerritoryQuery.Declared, d => (d.Lat, d.Lon));
        estimated = PointsOrClusters(estimated, TerritoryQuery.Estimated, e => e.Lat is { } lat && e.Lon is { } lon ? (lat, lon) : null);
        companies = PointsOrClusters(companies, TerritoryQuery.Companies, c => (c.Lat, c.Lon));

        return new TerritoryFlowsDto(box, declared, estimated, companies, hotSpots, exchanges, clusters, coefficients.Source);
    }

    private static DeclaredFlowDto Declared(Row r, Viewer viewer, ResourceFamilies families)
    {
        var full = r.Visibility != Visibilities.Anonymous || viewer.IsOperator || viewer.OrganisationId == r.OrganisationId;
        return new DeclaredFlowDto(r.Id, full ? r.OrganisationId : null, r.Kind, r.ResourceClass, families.Of(r.ResourceClass, r.EwcCode), r.Title,
            r.EwcCode, r.Hazardous, r.YearlyAmount, r.BaseUnit, full ? r.Lat : r.PublicLat, full ? r.Lon : r.PublicLon, "declared");
    }

    /// <summary>The organisations in the box the viewer may see, as a query (it also selects their offers, in one statement).</summary>
    private static IQueryable<Organisations.KnownOrganisation> Organisations(ListingsDbContext db, Viewer viewer, BoundingBox box)
    {
        var query = db.Organisations.AsNoTracking()
            .Where(o => o.Lat != null && o.Lon != null && o.Lat >= box.MinLat && o.Lat <= box.MaxLat && o.Lon >= box.MinLon && o.Lon <= box.MaxLon);
        if (!viewer.IsOperator)
        {
            var own = viewer.OrganisationId ?? Guid.Empty;
            query = query.Where(o => o.Id == own);
        }

        return query;
    }

    private static List<FlowPoint> Points(List<DeclaredFlowDto> declared, List<EstimatedFlowDto> estimated) =>
    [
        .. declared.Where(d => d.Family is not null && d.OrganisationId is not null)
            .Select(d => new FlowPoint(d.OrganisationId!.Value, d.Family!, d.Kind == ListingKinds.Offer, true, d.Lat, d.Lon, (double)d.YearlyAmount)),
        .. estimated.Where(f => f.Lat is not null && f.Lon is not null)
            .Select(f => new FlowPoint(f.OrganisationId, f.Family, true, false, f.Lat!.Value, f.Lon!.Value, f.Central)),
    ];

    private static string? Chapter(string? ewcCode) => ewcCode is { Length: >= 2 } ? ewcCode[..2] : null;
}
