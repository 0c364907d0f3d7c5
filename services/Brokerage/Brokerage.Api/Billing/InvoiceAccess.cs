namespace Marketplace.Brokerage.Billing;

internal static class InvoiceAccess
{
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
