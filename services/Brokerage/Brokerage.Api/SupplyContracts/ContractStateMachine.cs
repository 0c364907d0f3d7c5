namespace Marketplace.Brokerage.SupplyContracts;

/// <summary>The contract's transitions as pure functions: a new status, or the reason the step is illegal.</summary>
public static class ContractStateMachine
{
    public readonly record struct Outcome(string? Status, string? Error)
    {
        public static Outcome To(string status) => new(status, null);

        public static Outcome Refuse(string error) => new(null, error);
    }

    public static Outcome Sign(string status, string side, DateOnly today, DateOnly endDate)
    {
        if (ContractStatuses.IsFinal(status) || status == ContractStatuses.Active)
        {
            return Outcome.Refuse($"The contract is {status}; only a draft or half-signed contract can be signed.");
        }

        if (today > endDate)
        {
            return Outcome.Refuse($"The contract's end date {endDate:yyyy-MM-dd} has passed; it can no longer be signed.");
        }

        return (status, side) switch
        {
            (ContractStatuses.Draft, "supplier") => Outcome.To(ContractStatuses.SignedBySupplier),
            (ContractStatuses.Draft, "receiver") => Outcome.To(ContractStatuses.SignedByReceiver),
            (ContractStatuses.SignedByReceiver, "supplier") => Outcome.To(ContractStatuses.Active),
            (ContractStatuses.SignedBySupplier, "receiver") => Outcome.To(ContractStatuses.Active),
            (ContractStatuses.SignedBySupplier, "supplier") or (ContractStatuses.SignedByReceiver, "receiver") =>
                Outcome.Refuse($"The {side} has already signed this contract; it waits for the other party."),
            _ => Outcome.Refuse($"Unknown side '{side}'."),
        };
    }

    public static Outcome Terminate(string status) => ContractStatuses.IsFinal(status)
        ? Outcome.Refuse($"The contract is already {status}; a final contract cannot be terminated.")
        : Outcome.To(ContractStatuses.Terminated);

    /// <summary>On or after the end date: an active contract has run its course, an unsigned one never came into force.</summary>
    public static string? AtEnd(string status, DateOnly today, DateOnly endDate) => today <= endDate
        ? null
        : status switch
        {
            ContractStatuses.Active => ContractStatuses.Completed,
            ContractStatuses.Draft or ContractStatuses.SignedBySupplier or ContractStatuses.SignedByReceiver => ContractStatuses.Expired,
            _ => null,
        };

    public static string? CanRecordDelivery(string status) => status == ContractStatuses.Active
        ? null
        : $"Deliveries are recorded against an active contract; this one is {status}.";
}
