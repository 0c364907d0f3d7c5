using System.Net;
using System.Net.Sockets;

namespace Marketplace.Identity.Webhooks;

/// <summary>
/// The dispatcher's HTTP handler. Unless local receivers are allowed, every connection resolves the host itself,
/// checks every address with <see cref="WebhookAddressPolicy"/> and connects to exactly those checked addresses, so
/// a name that re-resolves between registration and delivery (DNS rebinding) cannot reach our own network. No
/// proxy (it would connect for us), no redirects (an endpoint cannot bounce a signed delivery elsewhere).
/// </summary>
internal static class WebhookHttp
{
    public static SocketsHttpHandler CreateHandler(WebhookOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = options.AllowInsecureUrls == true ? null : ConnectCheckedAsync,
    };

    /// <summary>The addresses of <paramref name="host"/> (a literal or a name), refused with the reason when any of them is not public.</summary>
    public static async Task<IPAddress[]> CheckedAddressesAsync(string host, CancellationToken cancellationToken)
    {
        if (WebhookAddressPolicy.IsLocalName(host))
        {
            throw new WebhookTargetRefusedException($"{host} names this machine.");
        }

        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new HttpRequestException($"{host} has no address.");
        }

        foreach (var address in addresses)
        {
            if (WebhookAddressPolicy.Refusal(address) is { } reason)
            {
                throw new WebhookTargetRefusedException($"{host} resolves to {address}, a {reason} address: webhooks go to public addresses only.");
            }
        }

        return addresses;
    }

    private static async ValueTask<Stream> ConnectCheckedAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await CheckedAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A webhook target resolved to an address deliveries may not go to.</summary>
internal sealed class WebhookTargetRefusedException(string message) : Exception(message);
