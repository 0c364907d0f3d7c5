using System.Text.RegularExpressions;

namespace Marketplace.Listings.Catalogue;

/// <summary>What people read: title, description, language, free attributes and the owner's own reference.</summary>
public static partial class ListingRules
{
    public static void CheckText(ListingInput x, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(x.Title))
        {
            Error(errors, "title", "title is required.");
        }
        else if (x.Title.Trim().Length is < 3 or > Listing.MaxTitle)
        {
            Error(errors, "title", $"title must be 3 to {Listing.MaxTitle} characters long.");
        }

        if (x.Description is { Length: > Listing.MaxDescription })
        {
            Error(errors, "description", $"description must be at most {Listing.MaxDescription:N0} characters long.");
        }

        if (x.Language is not null && !LanguageRegex().IsMatch(x.Language))
        {
            Error(errors, "language", "language must be an ISO 639-1 code such as 'en' or 'da'.");
        }
    }

    public static void CheckAttributes(ListingInput x, Dictionary<string, string[]> errors)
    {
        if (x.Attributes.Count > ListingInput.MaxAttributes)
        {
            Error(errors, "attributes", $"at most {ListingInput.MaxAttributes} attributes.");
        }

        for (var i = 0; i < x.Attributes.Count; i++)
        {
            var a = x.Attributes[i];
            if (string.IsNullOrWhiteSpace(a.Name) || a.Name.Length > 60)
            {
                Error(errors, $"attributes[{i}].name", "an attribute needs a name of at most 60 characters.");
            }

            if (string.IsNullOrWhiteSpace(a.Value) || a.Value.Length > 200)
            {
                Error(errors, $"attributes[{i}].value", "an attribute needs a value of at most 200 characters.");
            }

            if (a.Unit is { Length: > 20 })
            {
                Error(errors, $"attributes[{i}].unit", "an attribute unit has at most 20 characters.");
            }
        }
    }

    public static void CheckExternalRef(ListingInput x, Dictionary<string, string[]> errors)
    {
        if (x.ExternalRef is { Length: > 100 })
        {
            Error(errors, "externalRef", "externalRef must be at most 100 characters long.");
        }
    }

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageRegex();
}
