using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Listings.Taxonomy;

/// <summary>GET /api/v1/taxonomy/ewc?q=: List of Waste entries that fit a description of the waste, best first.</summary>
public static class SuggestEwc
{
    public static Results<Ok<EwcSuggestions>, ValidationProblem> Handle(EwcCatalog catalog, string? q = null, int? limit = null)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 500)
        {
            return Problems.Invalid("q", "q is required: a description of the waste (at most 500 characters).");
        }

        if (limit is < 1 or > 50)
        {
            return Problems.Invalid("limit", "limit must be between 1 and 50.");
        }

        var items = catalog.Suggest(q, limit ?? 10).Select(s => s.Entry.AsDto(catalog, Math.Round(s.Score, 3))).ToList();
        return TypedResults.Ok(new EwcSuggestions(q, items));
    }
}
