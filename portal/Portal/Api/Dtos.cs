namespace Marketplace.Portal.Api;

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>A listing's suggestions and how many stored ones the reciprocal list leaves out (<c>hidden</c>).</summary>
public sealed record SuggestionList(IReadOnlyList<Suggestion> Items, string? NextCursor, int Hidden);

public sealed record Quantity(decimal Amount, string Unit, string Per);

public sealed record Location(double Lat, double Lon, string Country, string? Address);

/// <summary>What the portal shows of a listing (the API sends more).</summary>
public sealed record Listing(
    Guid Id, Guid? OrganisationId, string Kind, string ResourceClass, string Status, string Title, string? Description,
    string? EwcCode, bool Hazardous, Quantity Quantity, Location Location, string? AvailableFrom, string? AvailableUntil,
    DateTimeOffset CreatedAt, int Version = 0, bool EnteredByOperator = false);

public sealed record EwcSuggestion(string Code, string Label, string Hazard, bool? Hazardous, IReadOnlyList<string>? Mirror);

public sealed record EwcSuggestions(IReadOnlyList<EwcSuggestion> Items);

public sealed record MatchReason(string Component, string Text, double Contribution);

public sealed record TransportEstimate(double? EurPerYear, double? Co2eKgPerYear, double? EurPerTonne, string? Mode);

public sealed record MatchMember(Guid ListingId, string Kind, double? Share);

/// <summary>One match as GET /api/v1/matches/{id} gives it (what the portal needs of it).</summary>
public sealed record MatchView(Guid Id, string Kind, Guid OfferListingId, Guid WantListingId, IReadOnlyList<MatchMember>? Members, string Status)
{
    public IEnumerable<Guid> ListingIds() => [OfferListingId, WantListingId, .. (Members ?? []).Select(m => m.ListingId)];
}

public sealed record Suggestion(
    Guid MatchId, Guid ListingId, string Kind, double Score, IReadOnlyList<MatchReason> Reasons, double? DistanceKm,
    TransportEstimate? TransportCostEstimate, string Status, IReadOnlyList<MatchMember>? Members,
    string? Interest = null, string? CounterpartInterest = null)
{
    /// <summary>This side may still say interested or decline: nothing decided yet, or only the other side has.</summary>
    public bool AwaitsDecision => Status == "suggested" || (Status == "interested" && Interest != "interested");
}

public sealed record DealParty(Guid? OrganisationId, string? OrganisationName, string Role);

public sealed record Deal(
    Guid Id, Guid MatchId, string Status, string? ResourceTitle, DateTimeOffset OpenedAt, IReadOnlyList<DealParty>? Parties,
    string? EwcCode = null, decimal? YearlyAmount = null, string? BaseUnit = null, double? DistanceKm = null)
{
    /// <summary>The caller's side of the deal (<c>supplier</c> or <c>receiver</c>), or null for an onlooker.</summary>
    public string? RoleOf(Guid organisation) => Parties?.FirstOrDefault(p => p.OrganisationId == organisation)?.Role;
}

public sealed record ImportRow(int Line, string? ExternalRef, Guid? Id, string Result, IReadOnlyDictionary<string, string[]>? Errors);

public sealed record ImportReport(bool Atomic, int Total, int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<ImportRow> Rows, bool DryRun);

public sealed record ApiClient(string ClientId, string Name, IReadOnlyList<string> Scopes, Guid OrganisationId);

public sealed record ApiClientSecret(string ClientId, string ClientSecret);
