using Marketplace.Brokerage.Billing;
using Marketplace.Brokerage.Fees;
using Marketplace.Brokerage.SupplyContracts;
using Marketplace.Brokerage.Terms;

namespace Marketplace.Brokerage.Tests;

/// <summary>The decision logic as pure functions, without a host.</summary>
public sealed class RulesTests
{
    private static readonly DateOnly Day = new(2026, 11, 22);

    [Theory]
    [InlineData("draft", "supplier", "signed_by_supplier")]
    [InlineData("draft", "receiver", "signed_by_receiver")]
    [InlineData("signed_by_supplier", "receiver", "active")]
    [InlineData("signed_by_receiver", "supplier", "active")]
    public void Contract_signatures_move_draft_to_active(string from, string side, string to)
    {
        Assert.Equal(to, ContractStateMachine.Sign(from, side, Day, Day.AddDays(30)).Status);
    }

    [Theory]
    [InlineData("signed_by_supplier", "supplier")]
    [InlineData("signed_by_receiver", "receiver")]
    [InlineData("active", "supplier")]
    [InlineData("terminated", "receiver")]
    [InlineData("completed", "supplier")]
    [InlineData("expired", "receiver")]
    public void Illegal_signatures_are_refused_with_a_reason(string from, string side)
    {
        var outcome = ContractStateMachine.Sign(from, side, Day, Day.AddDays(30));
        Assert.Null(outcome.Status);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Error));
    }

    [Fact]
    public void A_contract_past_its_end_date_cannot_be_signed()
    {
        Assert.NotNull(ContractStateMachine.Sign("draft", "supplier", Day, Day.AddDays(-1)).Error);
    }

    [Theory]
    [InlineData("active", "completed")]
    [InlineData("draft", "expired")]
    [InlineData("signed_by_supplier", "expired")]
    [InlineData("terminated", null)]
    public void At_the_end_date_active_contracts_complete_and_unsigned_ones_expire(string from, string? to)
    {
        Assert.Equal(to, ContractStateMachine.AtEnd(from, Day, Day.AddDays(-1)));
        Assert.Null(ContractStateMachine.AtEnd(from, Day, Day));
    }

    [Theory]
    [InlineData("terminated")]
    [InlineData("completed")]
    [InlineData("expired")]
    public void Final_contracts_cannot_be_terminated(string from)
    {
        Assert.NotNull(ContractStateMachine.Terminate(from).Error);
        Assert.Equal("terminated", ContractStateMachine.Terminate("active").Status);
        Assert.Equal("terminated", ContractStateMachine.Terminate("draft").Status);
    }

    [Fact]
    public void Terms_are_accepted_only_by_the_other_side_and_only_in_their_latest_version()
    {
        var supplier = Guid.NewGuid();
        var receiver = Guid.NewGuid();
        Assert.Null(TermsRules.CanAccept("proposed", "supplier", supplier, "receiver", receiver));
        Assert.Null(TermsRules.CanAccept("proposed", "supplier", supplier, "operator", Guid.NewGuid()));
        Assert.Null(TermsRules.CanAccept("proposed", "operator", Guid.NewGuid(), "supplier", supplier));
        Assert.Contains("other party", TermsRules.CanAccept("proposed", "supplier", supplier, "supplier", supplier));
        Assert.Contains("superseded", TermsRules.CanAccept("superseded", "supplier", supplier, "receiver", receiver));
        Assert.Contains("already accepted", TermsRules.CanAccept("accepted", "supplier", supplier, "receiver", receiver));
        Assert.NotNull(TermsRules.CanAccept("proposed", "supplier", supplier, null, Guid.NewGuid()));
    }

    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("2.675", "2.68")]
    [InlineData("1.0283055", "1.03")]
    [InlineData("2.49975", "2.50")]
    [InlineData("0.0049", "0.00")]
    public void Money_rounds_half_away_from_zero_to_cents(string amount, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Money.Round(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("0.01", "0.5", "0.01", "0.00")]
    [InlineData("100", "0.3", "30.00", "70.00")]
    [InlineData("10.01", "0.5", "5.01", "5.00")]
    [InlineData("-3.33", "0.5", "-1.67", "-1.66")]
    public void A_split_fee_adds_up_to_the_rounded_whole(string amount, string share, string supplier, string receiver)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var (s, r) = Money.Split(decimal.Parse(amount, inv), decimal.Parse(share, inv));
        Assert.Equal(decimal.Parse(supplier, inv), s);
        Assert.Equal(decimal.Parse(receiver, inv), r);
        Assert.Equal(Money.Round(decimal.Parse(amount, inv)), s + r);
    }

    [Fact]
    public void Caps_top_up_to_the_minimum_and_cut_down_to_the_maximum()
    {
        Assert.Equal((21.47m, FeeTypes.Minimum), BillingService.CapAdjustment(3.53m, 25m, null));
        Assert.Equal((-5m, FeeTypes.Maximum), BillingService.CapAdjustment(10m, null, 5m));
        Assert.Null(BillingService.CapAdjustment(10m, 5m, 20m));
        Assert.Null(BillingService.CapAdjustment(0m, 25m, null));
        Assert.Null(BillingService.CapAdjustment(-4m, 25m, null)); // only reversals: nothing to top up
    }

    [Fact]
    public void A_ledger_entry_is_reversed_once_and_a_reversal_never()
    {
        var charge = new LedgerEntry
        {
            Id = Guid.NewGuid(), SourceKey = "manual:x", Source = LedgerSources.ManualCharge, FeeType = FeeTypes.Manual,
            PayerOrganisationId = Guid.NewGuid(), Description = "Feasibility study", Amount = 1500m, Currency = "EUR", Period = "2026-10",
        };
        Assert.Null(LedgerRules.CanReverse(charge, alreadyReversed: false));
        Assert.NotNull(LedgerRules.CanReverse(charge, alreadyReversed: true));
        var reversal = LedgerRules.Reverse(charge, "Ordered by mistake", Day);
        Assert.Equal(-1500m, reversal.Amount);
        Assert.Equal(charge.Id, reversal.ReversesEntryId);
        Assert.Equal("2026-11", reversal.Period);
        Assert.Equal($"reversal:{charge.Id}", reversal.SourceKey);
        Assert.NotNull(LedgerRules.CanReverse(reversal, alreadyReversed: false));
    }

    [Fact]
    public void Invoice_numbers_are_year_and_six_digits_per_series()
    {
        Assert.Equal("2026-000001", InvoiceSeries.Format(InvoiceSeries.Invoice, 2026, 1));
        Assert.Equal("CN-2026-000042", InvoiceSeries.Format(InvoiceSeries.CreditNote, 2026, 42));
    }

    [Fact]
    public void An_issued_invoice_past_its_due_date_is_marked_overdue()
    {
        var invoice = new Invoice
        {
            Series = "INV", CustomerName = "X", Currency = "EUR", Period = "2026-11", Status = InvoiceStatuses.Issued,
            IssueDate = Day, DueDate = Day.AddDays(14),
        };
        Assert.False(invoice.AsDto(Day.AddDays(14)).Overdue);
        Assert.True(invoice.AsDto(Day.AddDays(15)).Overdue);
        invoice.Status = InvoiceStatuses.Paid;
        Assert.False(invoice.AsDto(Day.AddDays(15)).Overdue);
    }
}
