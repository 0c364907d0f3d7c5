using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Marketplace.Portal;

/// <summary>
/// Where the portal finds Identity and the API: the configured URLs, or, when the portal runs inside the standalone
/// host, this process's own listening address (known once the server has started, before the first request).
/// </summary>
internal sealed class PortalAddresses(IOptions<PortalOptions> options, IServer server)
{
    public Uri Authority => WithSlash(options.Value.Authority) ?? Self();

    public Uri ApiBase => WithSlash(options.Value.ApiBaseUrl) ?? WithSlash(options.Value.Authority) ?? Self();

    private Uri Self()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Portal:Authority is not set and the server has no listening address to use instead.");
        return WithSlash(LocalHost(first))!;
    }

    /// <summary>A wildcard listening address (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) is reached as localhost.</summary>
    internal static string LocalHost(string address) =>
        address.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal);

    private static Uri? WithSlash(string? url) =>
        string.IsNullOrWhiteSpace(url) ? null : new Uri(url.EndsWith('/') ? url : url + "/");
}
