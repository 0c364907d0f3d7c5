using System.Text;
using Marketplace.Listings.Catalogue;

namespace Marketplace.Listings.Territory;

/// <summary>A registered organisation as the facility importer sees it.</summary>
public sealed record OwnerCandidate(Guid Id, string Name, double? Lat, double? Lon);

/// <summary>
/// Which organisation a register's facility belongs to: the one its row names by id; else the one of the same name
/// (ignoring case, punctuation and legal forms such as A/S, GmbH, Ltd), the nearest when several share it; a facility
/// more than <see cref="MaxKm"/> from every namesake is left unmatched rather than given to a stranger.
/// </summary>
public static class FacilityOwner
{
    public const double MaxKm = 25;

    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "as", "aps", "amba", "is", "ab", "oy", "oyj", "asa", "gmbh", "ag", "kg", "ohg", "ug", "ltd", "limited", "plc", "llc", "inc", "bv", "nv",
        "sa", "sas", "sarl", "srl", "spa", "sl", "slu", "co", "kft", "sp", "zoo",
    };

    public static (Guid? Owner, string? Why) Find(FacilityFactRow row, IReadOnlyList<OwnerCandidate> organisations)
    {
        if (row.OrganisationId is { } id)
        {
            return organisations.Any(o => o.Id == id) ? (id, null) : (null, $"No organisation has the id {id}.");
        }

        var key = Normalise(row.FacilityName);
        var namesakes = organisations.Where(o => Normalise(o.Name) == key).ToList();
        if (namesakes.Count == 0)
        {
            return (null, $"No registered organisation is named '{row.FacilityName}'; add organisation_id to the row, or register the company first.");
        }

        if (row.Lat is not { } lat || row.Lon is not { } lon)
        {
            return namesakes.Count == 1 ? (namesakes[0].Id, null)
                : (null, $"{namesakes.Count} organisations are named '{row.FacilityName}'; give the facility's lat and lon, or organisation_id.");
        }

        var nearest = namesakes.Where(o => o.Lat is not null && o.Lon is not null)
            .Select(o => (o.Id, Km: Geo.DistanceKm(lat, lon, o.Lat!.Value, o.Lon!.Value))).OrderBy(o => o.Km).FirstOrDefault();
        return nearest.Id != Guid.Empty && nearest.Km <= MaxKm ? (nearest.Id, null)
            : namesakes.Count == 1 && namesakes[0].Lat is null ? (namesakes[0].Id, null)
            : (null, $"'{row.FacilityName}' is registered more than {MaxKm:0} km from this facility; add organisation_id to the row if it is the same company.");
    }

    /// <summary>Lower case letters and digits, words without legal forms: "Baltic Cement A/S" and "BALTIC CEMENT" are the same name.</summary>
    public static string Normalise(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            text.Append(char.IsLetterOrDigit(c) ? c : c is '/' or '.' or '&' ? '\0' : ' ');
        }

        var words = text.ToString().Replace("\0", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Where(w => !LegalForms.Contains(w)));
    }
}
