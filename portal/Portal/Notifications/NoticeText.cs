using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.Portal.Api;
using Microsoft.Extensions.Localization;

namespace Marketplace.Portal.Notifications;

/// <summary>
/// A notification in the person's language: the sentence for its kind, with its detail (a score as a percentage; a
/// delivery's quantity and date, which Identity stores invariant, as the person's culture writes them).
/// </summary>
public static partial class NoticeText
{
    public static string Sentence(IStringLocalizer<Strings> texts, Notice notice)
    {
        var text = texts["Notice_" + notice.Kind, Detail(notice)];
        return text.ResourceNotFound ? texts["Notice_other"] : text;
    }

    public static string Detail(Notice notice)
    {
        if (notice.Kind == "match.suggested" && double.TryParse(notice.Detail, NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
        {
            return score.ToString("P0", CultureInfo.CurrentCulture);
        }

        if (notice.Kind.StartsWith("delivery.", StringComparison.Ordinal) && notice.Detail is { } detail && DeliveryDetail().Match(detail) is { Success: true } m
            && decimal.TryParse(m.Groups["quantity"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var quantity)
            && DateOnly.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return $"{quantity.ToString("#,0.###", CultureInfo.CurrentCulture)} {m.Groups["unit"].Value} {date.ToString("d", CultureInfo.CurrentCulture)}";
        }

        return notice.Detail ?? "";
    }

    [GeneratedRegex(@"^(?<quantity>-?[0-9.]+) (?<unit>.+) (?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})$")]
    private static partial Regex DeliveryDetail();
}
