using Marketplace.Listings.Contracts;
using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Matching.Matches;

/// <summary>Matching's own copy of a published listing: the snapshot it last saw, for scoring and ownership checks.</summary>
public sealed class KnownListing
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public required string Kind { get; set; }
    public required string Status { get; set; }
    public int Version { get; set; }
    public required string SnapshotJson { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A suggested pairing of one offer and one want, and where each side stands on it.</summary>
public sealed class Match : IPartyRecord
{
    public Guid Id { get; set; }

    /// <summary>Insertion order, for cursor pagination of the operators' pipeline.</summary>
    public long Sequence { get; set; }
    public string Kind { get; set; } = MatchKinds.Pair;
    public Guid OfferListingId { get; set; }
    public Guid WantListingId { get; set; }
    public Guid OfferOrganisationId { get; set; }
    public Guid WantOrganisationId { get; set; }
    public double Score { get; set; }
    public required string ReasonsJson { get; set; }
    public double? DistanceKm { get; set; }
    public double? TransportEurPerYear { get; set; }
    public double? TransportCo2eKgPerYear { get; set; }
    public double? TransportEurPerUnit { get; set; }
    public string? TransportMode { get; set; }

    /// <summary>Synergy patterns behind the suggestion, best first: what acceptance and decline teach.</summary>
    public string PatternIdsJson { get; set; } = "[]";

    /// <summary>Terms the text fit rested on (<c>th:</c> thesaurus concepts, <c>st:</c> stems): decisions teach these too.</summary>
    public string TermsJson { get; set; } = "[]";

    /// <summary>For a bundle: every pooled listing with its share (<see cref="BundleMember"/>).</summary>
    public string? MembersJson { get; set; }

    public string Status { get; set; } = MatchStatuses.Suggested;
    public string OfferInterest { get; set; } = MatchStatuses.Suggested;
    public string WantInterest { get; set; } = MatchStatuses.Suggested;
    public string? DeclineReason { get; set; }

    /// <summary>When the facilitator last reminded both sides (the pipeline's nudge); null if never.</summary>
    public DateTime? NudgedAt { get; set; }
    public int Version { get; set; } = 1;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsParty(Guid organisationId) => organisationId == OfferOrganisationId || organisationId == WantOrganisationId;
}

public static class MatchKinds
{
    public const string Pair = "pair";
    public const string Bundle = "bundle";
}

public static class MatchStatuses
{
    public const string Suggested = "suggested";
    public const string Interested = "interested";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Withdrawn = "withdrawn";
}

public sealed record BundleMember(Guid ListingId, Guid OrganisationId, string Kind, decimal YearlyAmount, string BaseUnit, double Share);

/// <summary>An organisation as Identity announced it: Matching needs its sector (NACE) to read its wants.</summary>
public sealed class KnownOrganisation
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? NaceCode { get; set; }
    public string Country { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A weight the platform learns from decisions on matches (1 = neutral), with the decisions counted.</summary>
public abstract class LearnedWeight
{
    public double Weight { get; set; } = 1.0;
    public int Accepted { get; set; }
    public int Declined { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>One more decision: the weight moves a step up or down within its bounds.</summary>
    public void Record(bool accepted, DateTime now)
    {
        Weight = Learning.Next(Weight, accepted);
        if (accepted)
        {
            Accepted++;
        }
        else
        {
            Declined++;
        }

        UpdatedAt = now;
    }
}

/// <summary>What the platform learned about a synergy pattern from accepted and declined matches.</summary>
public sealed class PatternWeight : LearnedWeight
{
    public required string PatternId { get; set; }
}

/// <summary>
/// What the platform learned about a term (a thesaurus concept <c>th:…</c> or a stem <c>st:…</c>) from accepted and
/// declined matches whose descriptions shared it (1 = neutral).
/// </summary>
public sealed class TermWeight : LearnedWeight
{
    public required string Term { get; set; }
}

public sealed record MatchReason(string Component, string Text, double Contribution);

internal static class Geo
{
    public static double GreatCircleKm(LocationSnapshot a, LocationSnapshot b)
    {
        const double R = 6371.0088;
        var dLat = double.DegreesToRadians(b.Lat - a.Lat);
        var dLon = double.DegreesToRadians(b.Lon - a.Lon);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) +
                Math.Cos(double.DegreesToRadians(a.Lat)) * Math.Cos(double.DegreesToRadians(b.Lat)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
