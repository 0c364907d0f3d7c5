namespace Marketplace.Brokerage.Contracts;

/// <summary>
/// A participant signed a letter of intent or a supply agreement of a project. The quantity is left out: the
/// recipients (<see cref="OrganisationIds"/>, the joined participants) see another's quantity only with its consent.
/// </summary>
public sealed record ProjectCommitmentSigned(
    Guid ProjectId,
    Guid CommitmentId,
    Guid OrganisationId,
    string Kind,
    int Version,
    bool CoversMinimumViableScale,
    IReadOnlyList<Guid> OrganisationIds,
    DateTime SignedAt);
