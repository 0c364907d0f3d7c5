namespace Marketplace.ServiceDefaults.Auth;

/// <summary>A record that its parties (organisations) and the operator may see, and nobody else: a deal, a contract, a match.</summary>
public interface IPartyRecord
{
    Guid Id { get; }

    bool IsParty(Guid organisationId);
}
