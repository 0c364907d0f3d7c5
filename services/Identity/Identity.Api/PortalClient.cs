namespace Marketplace.Identity;

/// <summary>
/// The company portal's OpenID Connect client, registered in every mode: public (no secret), authorization code with
/// PKCE. Its addresses are the portal's base URLs from <c>Identity:PortalUrls</c>; without them the public URL
/// (<c>Marketplace:PublicUrl</c>), else the host's own listening URLs (<c>urls</c>, as the standalone host serves the
/// portal itself), else <c>http://localhost:5080</c>. An entry with the same id under <c>Identity:PublicClients</c> replaces it.
/// </summary>
public static class PortalClient
{
    public const string ClientId = "portal";
    public const string DefaultUrl = "http://localhost:5080";

    public static PublicClientOptions For(IReadOnlyList<string> portalUrls, string? publicUrl, string? listenUrls)
    {
        IEnumerable<string> bases = portalUrls.Count > 0 ? portalUrls
            : !string.IsNullOrWhiteSpace(publicUrl) ? [publicUrl]
            : (listenUrls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } listening ? listening
            : [DefaultUrl];
        var all = bases.Select(Normalise).SelectMany(WithLoopbackTwin).Distinct(StringComparer.Ordinal).ToList();
        return new PublicClientOptions
        {
            ClientId = ClientId,
            DisplayName = "Company portal",
            RedirectUris = [.. all.Select(b => b + "/signin-oidc")],
            PostLogoutRedirectUris = [.. all.Select(b => b + "/signout-callback-oidc")],
        };
    }

    private static string Normalise(string url) =>
        url.Trim().TrimEnd('/')
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal);

    /// <summary>A browser may open a local run as localhost or as 127.0.0.1: both come back to the portal.</summary>
    private static IEnumerable<string> WithLoopbackTwin(string url)
    {
        yield return url;
        if (url.Contains("://localhost", StringComparison.Ordinal))
        {
            yield return url.Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal);
        }
    }
}
