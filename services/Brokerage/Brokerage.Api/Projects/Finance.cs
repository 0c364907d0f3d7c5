namespace Marketplace.Brokerage.Projects;

/// <summary>Simple payback and net present value of an investment followed by equal yearly net cash flows.</summary>
public static class Finance
{
    /// <summary>Years until the yearly net repays the capital: capex / yearly net; null when the yearly net is not positive (never).</summary>
    public static decimal? PaybackYears(decimal capex, decimal yearlyNet) => yearlyNet <= 0 ? null : capex / yearlyNet;

    /// <summary>NPV = −capex + Σ_{t=1..n} yearly net / (1 + r)^t.</summary>
    public static decimal NetPresentValue(decimal capex, decimal yearlyNet, decimal rate, int years) => -capex + (yearlyNet * AnnuityFactor(rate, years));

    /// <summary>Σ_{t=1..n} 1 / (1 + r)^t (equals n at r = 0).</summary>
    public static decimal AnnuityFactor(decimal rate, int years)
    {
        var factor = 0m;
        var discount = 1m;
        for (var t = 1; t <= years; t++)
        {
            discount /= 1 + rate;
            factor += discount;
        }

        return factor;
    }
}
