using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Portal.OperatorConsole;

/// <summary>
/// The pipeline page's filters, as its GET form sends them: the same query goes to the API (<see cref="ApiQuery"/>) and
/// into the page's own links (<see cref="Link"/>: the next page, the way back after an action). Empty values are left
/// out, so the API applies its defaults and names what it refuses.
/// </summary>
public sealed record PipelineQuery(string? Stage, Guid? OrganisationId, string? ResourceClass, string? Sector, string? Country, int? StalledDays, bool? StalledOnly)
{
    public const string PagePath = "/operator/pipeline";

    public static readonly IReadOnlyList<string> Stages = ["open", "suggested", "interested", "accepted"];

    public string ApiQuery(string? cursor) => QueryHelpers.AddQueryString("", Values(cursor));

    public string Link(string? cursor) => QueryHelpers.AddQueryString(PagePath, Values(cursor));

    private Dictionary<string, string?> Values(string? cursor)
    {
        var values = new Dictionary<string, string?>
        {
            ["stage"] = Stage,
            ["organisationId"] = OrganisationId?.ToString(),
            ["resourceClass"] = ResourceClass,
            ["sector"] = Sector?.Trim(),
            ["country"] = Country?.Trim().ToUpperInvariant(),
            ["stalledDays"] = StalledDays?.ToString(CultureInfo.InvariantCulture),
            ["stalledOnly"] = StalledOnly == true ? "true" : null,
            ["cursor"] = cursor,
        };
        return values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value);
    }
}
