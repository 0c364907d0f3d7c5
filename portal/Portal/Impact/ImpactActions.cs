using System.Globalization;
using System.Text;
using Marketplace.Portal.Api;
using Marketplace.Portal.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Portal.Impact;

/// <summary>The impact page's choices and its CSV download: the figures the page shows, one row per group, numbers in invariant culture.</summary>
internal static class ImpactActions
{
    public const string Page = "/operator/impact";

    /// <summary>The API's <c>groupBy</c> dimensions the page offers (organisation is left to the API: a delivery counts for both sides there).</summary>
    public static readonly string[] Dimensions = ["period", "resourceClass", "country"];

    public static readonly string[] Metrics = ["tonnes", "co2e", "water", "energy", "money"];

    public static IEndpointRouteBuilder MapImpactActions(this IEndpointRouteBuilder app)
    {
        app.MapGet(Page + "/export", ExportAsync).RequireAuthorization(PortalAuthentication.Policy).ExcludeFromDescription();
        return app;
    }

    public static string Dimension(string? groupBy) => Dimensions.Contains(groupBy) ? groupBy! : "period";

    public static string Metric(string? metric) => Metrics.Contains(metric) ? metric! : "co2e";

    /// <summary>A month such as <c>2026-11</c>, or null for anything else (the API's filters compare periods as text).</summary>
    public static string? Month(string? value) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? value : null;

    public static decimal Value(ImpactTotals f, string metric) => metric switch
    {
        "tonnes" => f.TonnesDiverted,
        "water" => f.WaterSavedM3,
        "energy" => f.EnergyRecoveredMWh,
        "money" => f.MoneySavedEur,
        _ => f.Co2eAvoidedKg / 1000,
    };

    /// <summary>The page's choices as a query string, for the CSV, the report and the way back.</summary>
    public static string Query(string dimension, string metric, string? from, string? to) =>
        QueryString.Create(new Dictionary<string, string?> { ["groupBy"] = dimension, ["metric"] = metric, ["from"] = from, ["to"] = to }
            .Where(p => p.Value is not null)).ToUriComponent();

    public static string Label(ImpactGroup group, string dimension) => group.Key.GetValueOrDefault(dimension) ?? "–";

    public static string Csv(ImpactReport report, string dimension)
    {
        var csv = new StringBuilder($"{dimension},deliveries,tonnes_diverted,co2e_substitution_kg,co2e_transport_kg,co2e_avoided_kg,water_saved_m3,energy_recovered_mwh,money_saved_eur\r\n");
        foreach (var (label, f) in report.Groups.Select(g => (Label(g, dimension), g.Figures)).Append(("total", report.Totals)))
        {
            decimal[] numbers = [f.TonnesDiverted, f.Co2eSubstitutionKg, f.Co2eTransportKg, f.Co2eAvoidedKg, f.WaterSavedM3, f.EnergyRecoveredMWh, f.MoneySavedEur];
            csv.Append(Cell(label)).Append(',').Append(f.Deliveries.ToString(CultureInfo.InvariantCulture));
            foreach (var n in numbers)
            {
                csv.Append(',').Append(n.ToString("0.###", CultureInfo.InvariantCulture));
            }

            csv.Append("\r\n");
        }

        return csv.ToString();
    }

    private static async Task<FileContentHttpResult> ExportAsync(string? groupBy, string? from, string? to, BillingApi api, CancellationToken cancellationToken)
    {
        var dimension = Dimension(groupBy);
        var report = await api.ImpactAsync(dimension, Month(from), Month(to), cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(Csv(report, dimension)), "text/csv; charset=utf-8", $"impact-by-{dimension}.csv");
    }

    /// <summary>RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled; a leading formula sign is defused for spreadsheets.</summary>
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
