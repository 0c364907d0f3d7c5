namespace Marketplace.Listings.Taxonomy;

public sealed record EwcEntryDto(
    string Code, string Label, string Hazard, bool? Hazardous, IReadOnlyList<string> Mirror, IReadOnlyList<string> CommonNames,
    string? Chapter, string? Subchapter, double? Score);

public sealed record EwcHeadingDto(string Code, string Label, string Level, IReadOnlyList<EwcEntryDto> Entries);

public sealed record EwcSuggestions(string Query, IReadOnlyList<EwcEntryDto> Items);

internal static class EwcMapping
{
    public static EwcEntryDto AsDto(this EwcEntry e, EwcCatalog catalog, double? score)
    {
        var digits = new string([.. e.Code.Where(char.IsAsciiDigit)]);
        return new EwcEntryDto(e.Code, e.Label, e.Hazard, e.Hazard switch { "AH" => true, "ANH" => false, _ => null }, e.Mirror, e.CommonNames,
            catalog.FindHeading(digits[..2])?.Label, catalog.FindHeading(digits[..4])?.Label, score);
    }
}
