namespace Marketplace.Brokerage.Contracts;

public sealed record InvoiceIssued(Guid InvoiceId, string Number, Guid OrganisationId, decimal Total, string Currency, DateOnly DueDate);
