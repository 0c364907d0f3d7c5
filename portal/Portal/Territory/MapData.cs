using System.Globalization;
using System.Text.Json;
using Marketplace.Portal.Api;
using Marketplace.Portal.Auth;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Marketplace.Portal.Territory;

/// <summary>
/// GET /operator/map/data: the map's points and lines for the view the operator pans or zooms to (bbox and zoom from
/// the script, filters and layers as the page's form has them), through the territory API with the user's token. Layers
/// with more than 2,000 points in the view come as clusters, which the map opens by zooming in.
/// </summary>
internal static class MapData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapMapData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/operator/map/data", HandleAsync).RequireAuthorization(PortalAuthentication.Policy).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, TerritoryApi territory, IStringLocalizer<MapTexts> texts, IStringLocalizer<Strings> strings,
        CancellationToken cancellationToken)
    {
        var q = http.Request.Query;
        var filter = MapFilter.From(q["class"], q["chapter"], q["family"], q["hazardous"], q["minQuantity"], [.. q["layer"].OfType<string>()], q["maxPoints"]);
        var zoom = int.TryParse(q["zoom"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var z) ? Math.Clamp(z, 0, 22) : MapFilter.OverviewZoom;
        var bbox = q["bbox"].ToString();
        var query = filter.ApiQuery();
        query += (query.Length == 0 ? "?" : "&") + $"zoom={zoom}" + (bbox.Length > 0 ? "&bbox=" + Uri.EscapeDataString(bbox) : "");
        try
        {
            var flows = await territory.FlowsAsync(query, cancellationToken);
            var points = new MapPoints(texts, strings);
            return Results.Text($"{{\"points\":{points.ToJson(flows, filter)},\"lines\":{points.LinesJson(flows, filter)}}}", "application/json");
        }
        catch (ApiException e)
        {
            return Results.Json(new { e.Problem.Title, e.Problem.Errors }, Json, statusCode: e.Problem.Status);
        }
    }
}
