namespace Marketplace.ServiceDefaults.Auth;

public static class Scopes
{
    public const string ListingsRead = "listings.read";
    public const string ListingsWrite = "listings.write";
    public const string MatchesRead = "matches.read";
    public const string MatchesWrite = "matches.write";
    public const string BrokerageRead = "brokerage.read";
    public const string BrokerageWrite = "brokerage.write";
    public const string Billing = "billing";
    public const string Admin = "admin";
    /// <summary>A person's own notifications and e-mail choice; a partner app's token has no person behind it.</summary>
    public const string Notifications = "notifications";

    public static readonly IReadOnlyList<string> All =
        [ListingsRead, ListingsWrite, MatchesRead, MatchesWrite, BrokerageRead, BrokerageWrite, Billing, Admin, Notifications];

    /// <summary>The API (audience) each scope grants access to.</summary>
    public static string AudienceOf(string scope) => scope switch
    {
        ListingsRead or ListingsWrite => Audiences.Listings,
        MatchesRead or MatchesWrite => Audiences.Matching,
        BrokerageRead or BrokerageWrite or Billing => Audiences.Brokerage,
        Admin or Notifications => Audiences.Identity,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown scope."),
    };
}

public static class Audiences
{
    public const string Listings = "listings";
    public const string Matching = "matching";
    public const string Brokerage = "brokerage";
    public const string Identity = "identity";
}

public static class Roles
{
    public const string Member = "member";
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string PlatformAdmin = "platform-admin";
}

public static class MarketplaceClaims
{
    public const string OrganisationId = "org_id";
    public const string Role = "role";
}
