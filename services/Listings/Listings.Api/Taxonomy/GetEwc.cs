using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Listings.Taxonomy;

/// <summary>GET /api/v1/taxonomy/ewc/{code}: accepts "030305", "03 03 05" and "03 03 05*"; a two- or four-digit heading answers with its entries.</summary>
public static class GetEwc
{
    public static Results<Ok<EwcEntryDto>, Ok<EwcHeadingDto>, NotFound, ValidationProblem> Handle(string code, EwcCatalog catalog)
    {
        var (kind, digits, _) = EwcCatalog.Parse(Uri.UnescapeDataString(code));
        switch (kind)
        {
            case EwcCodeKind.Entry:
                return catalog.Find(digits) is { } entry ? TypedResults.Ok(entry.AsDto(catalog, null)) : TypedResults.NotFound();
            case EwcCodeKind.Chapter or EwcCodeKind.Subchapter:
                if (catalog.FindHeading(digits) is not { } heading)
                {
                    return TypedResults.NotFound();
                }

                var entries = catalog.Suggest(digits, 1000).Select(s => s.Entry.AsDto(catalog, null)).ToList();
                return TypedResults.Ok(new EwcHeadingDto(heading.Code, heading.Label, kind == EwcCodeKind.Chapter ? "chapter" : "subchapter", entries));
            default:
                return Problems.Invalid("code", "code must be a List of Waste code such as '03 03 05', '030305' or '16 06 01*'.");
        }
    }
}
