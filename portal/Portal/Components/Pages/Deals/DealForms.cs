using System.Globalization;
using Marketplace.Listings.Contracts;
using Marketplace.Portal.Api;
using Marketplace.Portal.Components.Pages.Listings;

namespace Marketplace.Portal.Components.Pages.Deals;

/// <summary>A proposal or counter-proposal of terms as posted; <see cref="ToRequest"/> makes the API's JSON body.</summary>
public sealed class TermsForm
{
    public string? Amount { get; set; }
    public string Unit { get; set; } = Units.Tonne;
    public string Period { get; set; } = "month";
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? PricePerUnit { get; set; }
    public string Currency { get; set; } = "EUR";
    public string DeliveryTerms { get; set; } = "collected";
    public string? Note { get; set; }

    /// <summary>A counter starts from the proposal on the table; a first proposal from the deal's yearly quantity, for a year from today.</summary>
    public static TermsForm From(Deal deal, Terms? latest, DateOnly today) => latest is { } t
        ? new()
        {
            Amount = Text(t.Quantity.Amount), Unit = t.Quantity.Unit, Period = t.Quantity.Period, Start = Date(t.Quantity.Start),
            End = Date(t.Quantity.End), PricePerUnit = Text(t.Price.PerUnit), Currency = t.Price.Currency, DeliveryTerms = t.DeliveryTerms,
        }
        : new()
        {
            Amount = deal.YearlyAmount is { } yearly ? Text(Math.Round(yearly / 12, 3)) : null, Unit = deal.BaseUnit ?? Units.Tonne,
            Start = Date(today), End = Date(today.AddYears(1).AddDays(-1)), PricePerUnit = "0",
        };

    public object ToRequest() => new
    {
        quantity = new { amount = ListingForm.Number(Amount), unit = Unit, period = Period, start = Blank(Start), end = Blank(End) },
        price = new { perUnit = ListingForm.Number(PricePerUnit) ?? 0m, currency = Currency.Trim().ToUpperInvariant() },
        deliveryTerms = DeliveryTerms,
        note = Blank(Note),
    };

    internal static string Text(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    internal static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A delivery as recorded by one party: date, quantity in the contract's unit (or one convertible), weighbridge ticket.</summary>
public sealed class DeliveryForm
{
    public string? Date { get; set; }
    public string? Quantity { get; set; }
    public string? Unit { get; set; }
    public string? DocumentRef { get; set; }

    /// <summary>Made when the form is first shown, so a repeated submit records the delivery once.</summary>
    public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");

    public object ToRequest() => new
    {
        date = TermsForm.Blank(Date),
        quantity = ListingForm.Number(Quantity),
        unit = Unit ?? "",
        documentRef = TermsForm.Blank(DocumentRef),
    };
}

/// <summary>The counterparty's answer to a recorded delivery: <c>confirm:{id}</c> or <c>dispute:{id}</c>, with a reason to dispute.</summary>
public sealed class ReviewForm
{
    public string? Act { get; set; }
    public string? Reason { get; set; }

    public (string Action, Guid Delivery)? Parsed =>
        Act?.Split(':') is [var action and ("confirm" or "dispute"), var id] && Guid.TryParse(id, out var delivery) ? (action, delivery) : null;
}
