using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Listings.Taxonomy;

public sealed record EwcEntryDto(
    string Code, string Label, string Hazard, bool? Hazardous, IReadOnlyList<string> Mirror, IReadOnlyList<string> CommonNames,
    string? Chapter, string? Subchapter, double? Score);

public sealed record EwcHeadingDto(string Code, string Label, string Level, IReadOnlyList<EwcEntryDto> Entries);

public sealed record EwcSuggestions(string Query, IReadOnlyList<EwcEntryDto> Items);

public static class TaxonomyEndpoints
{
    public static IEndpointRouteBuilder MapTaxonomyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/taxonomy").WithTags("Taxonomy");
        group.MapGet("/ewc", SuggestEwc).WithName(nameof(SuggestEwc)).RequireScope(Scopes.ListingsRead);
        group.MapGet("/ewc/{code}", GetEwc).WithName(nameof(GetEwc)).RequireScope(Scopes.ListingsRead);
        return app;
    }

    public static Results<Ok<EwcSuggestions>, ValidationProblem> SuggestEwc(EwcCatalog catalog, string? q = null, int? limit = null)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["q is required: a description of the waste (at most 500 characters)."] });
        }

        if (limit is < 1 or > 50)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit must be between 1 and 50."] });
        }

        var items = catalog.Suggest(q, limit ?? 10).Select(s => Dto(catalog, s.Entry, Math.Round(s.Score, 3))).ToList();
        return TypedResults.Ok(new EwcSuggestions(q, items));
    }

    /// <summary>Accepts "030305", "03 03 05" and "03 03 05*"; a two- or four-digit heading answers with its entries.</summary>
    public static Results<Ok<EwcEntryDto>, Ok<EwcHeadingDto>, NotFound, ValidationProblem> GetEwc(string code, EwcCatalog catalog)
    {
        var (kind, digits, _) = EwcCatalog.Parse(Uri.UnescapeDataString(code));
        switch (kind)
        {
            case EwcCodeKind.Entry:
                return catalog.Find(digits) is { } entry ? TypedResults.Ok(Dto(catalog, entry, null)) : TypedResults.NotFound();
            case EwcCodeKind.Chapter or EwcCodeKind.Subchapter:
                if (catalog.FindHeading(digits) is not { } heading)
                {
                    return TypedResults.NotFound();
                }

                var entries = catalog.Suggest(digits, 1000).Select(s => Dto(catalog, s.Entry, null)).ToList();
                return TypedResults.Ok(new EwcHeadingDto(heading.Code, heading.Label, kind == EwcCodeKind.Chapter ? "chapter" : "subchapter", entries));
            default:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["code must be a List of Waste code such as '03 03 05', '030305' or '16 06 01*'."] });
        }
    }

    private static EwcEntryDto Dto(EwcCatalog catalog, EwcEntry e, double? score)
    {
        var digits = new string([.. e.Code.Where(char.IsAsciiDigit)]);
        return new EwcEntryDto(e.Code, e.Label, e.Hazard, e.Hazard switch { "AH" => true, "ANH" => false, _ => null }, e.Mirror, e.CommonNames,
            catalog.FindHeading(digits[..2])?.Label, catalog.FindHeading(digits[..4])?.Label, score);
    }
}
