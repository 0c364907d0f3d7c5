using System.Text.RegularExpressions;
using Marketplace.Listings.Contracts;

namespace Marketplace.Listings.Catalogue;

/// <summary>Where: coordinates, country, address, how far the owner will transport, and whether strangers see the place.</summary>
public static partial class ListingRules
{
    public static void CheckLocation(ListingInput x, Dictionary<string, string[]> errors)
    {
        if (x.Lat is null or < -90 or > 90 || double.IsNaN(x.Lat ?? 0))
        {
            Error(errors, "location.lat", "location.lat is required, between -90 and 90.");
        }

        if (x.Lon is null or < -180 or > 180 || double.IsNaN(x.Lon ?? 0))
        {
            Error(errors, "location.lon", "location.lon is required, between -180 and 180.");
        }

        if (x.Country is null || !CountryRegex().IsMatch(x.Country))
        {
            Error(errors, "location.country", "location.country must be an ISO 3166-1 alpha-2 code such as DK.");
        }

        if (x.Address is { Length: > 300 })
        {
            Error(errors, "location.address", "location.address must be at most 300 characters long.");
        }

        if (x.MaxTransportKm is < 0 or > 20000)
        {
            Error(errors, "maxTransportKm", "maxTransportKm must be between 0 and 20000.");
        }
    }

    public static void CheckVisibility(ListingInput x, Dictionary<string, string[]> errors)
    {
        if (x.Visibility is not null && x.Visibility is not (Visibilities.Public or Visibilities.Anonymous))
        {
            Error(errors, "visibility", "visibility must be 'public' or 'anonymous'.");
        }
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryRegex();
}
