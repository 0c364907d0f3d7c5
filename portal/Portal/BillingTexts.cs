using System.Globalization;

namespace Marketplace.Portal;

/// <summary>The billing pages' texts: <c>Resources/BillingTexts.resx</c> (English), read through <c>IStringLocalizer&lt;BillingTexts&gt;</c>.</summary>
public sealed class BillingTexts
{
    /// <summary>An amount with its currency, in the reader's culture (1.234,50 EUR in German).</summary>
    public static string Money(decimal amount, string currency) => $"{amount.ToString("#,0.00", CultureInfo.CurrentCulture)} {currency}";

    /// <summary>A day in the reader's culture; a missing one as a dash.</summary>
    public static string Day(DateOnly? day) => day?.ToString("d", CultureInfo.CurrentCulture) ?? "–";

    /// <summary>The last month that has ended (UTC): the one a billing run usually closes.</summary>
    public static string LastMonth(DateTimeOffset now) => now.UtcDateTime.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
