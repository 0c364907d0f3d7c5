using System.Globalization;
using Marketplace.Portal.Api;
using Microsoft.Extensions.Localization;

namespace Marketplace.Portal.Notifications;

/// <summary>A notification in the person's language: the sentence for its kind, with its detail (a score as a percentage).</summary>
public static class NoticeText
{
    public static string Sentence(IStringLocalizer<Strings> texts, Notice notice)
    {
        var text = texts["Notice_" + notice.Kind, Detail(notice)];
        return text.ResourceNotFound ? texts["Notice_other"] : text;
    }

    public static string Detail(Notice notice) =>
        notice.Kind == "match.suggested" && double.TryParse(notice.Detail, NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
            ? score.ToString("P0", CultureInfo.CurrentCulture)
            : notice.Detail ?? "";
}
