using Marketplace.Brokerage.Billing;

namespace Marketplace.Brokerage.Tests;

/// <summary>The VAT treatment of the operator's services, decided from the two parties alone (no host).</summary>
public sealed class VatTests
{
    private static readonly Dictionary<string, decimal> Rates = new BillingOptions().VatRates;
    private static readonly VatParty Operator = new("DK", "DK12345678");

    [Theory]
    [InlineData("DK", "DK87654321", 25, false, null)]            // domestic, registered or not
    [InlineData("DK", null, 25, false, null)]
    [InlineData(null, null, 25, false, null)]                    // unknown country: domestic, never left out
    [InlineData("DE", "DE811907980", 0, true, "Reverse charge")] // both registered, different member states
    [InlineData("DE", null, 25, false, null)]                    // not registered: the seller's place and VAT (Art. 45)
    [InlineData("DE", " ", 25, false, null)]
    [InlineData("NO", "NO923609016MVA", 0, false, "Outside the scope")]
    [InlineData("US", null, 0, false, "Outside the scope")]
    public void The_treatment_follows_countries_and_registration(string? country, string? vatId, decimal rate, bool reverseCharge, string? note)
    {
        var treatment = Vat.For(Operator, new VatParty(country, vatId), Rates);
        Assert.Equal(rate, treatment.Rate);
        Assert.Equal(reverseCharge, treatment.ReverseCharge);
        if (note is null)
        {
            Assert.Null(treatment.Note);
        }
        else
        {
            Assert.Contains(note, treatment.Note);
        }
    }

    [Fact]
    public void An_operator_without_a_VAT_number_never_shifts_the_VAT_to_its_customer()
    {
        var treatment = Vat.For(new VatParty("DK", null), new VatParty("DE", "DE811907980"), Rates);
        Assert.False(treatment.ReverseCharge);
        Assert.Equal(25m, treatment.Rate);
    }

    [Fact]
    public void Rates_are_the_sellers_and_amounts_round_half_away_from_zero()
    {
        Assert.Equal(19m, Vat.For(new VatParty("DE", "DE811907980"), new VatParty("DE", null), Rates).Rate);
        Assert.Equal(2.47m, Vat.Amount(9.87m, 25m)); // 2.4675 → 2.47
    }
}
