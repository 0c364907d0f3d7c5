using System.Net.Sockets;

namespace Marketplace.Identity.Webhooks;

/// <summary>What a webhook URL must be at registration. Deliveries check the resolved addresses again at every connection.</summary>
internal static class WebhookUrlRules
{
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// HTTPS, no credentials, and a host whose every address is public (<see cref="WebhookAddressPolicy"/>). A name
    /// that does not resolve yet is accepted: the check at connect time still stands between it and our network.
    /// </summary>
    public static async Task<string?> ProblemAsync(string url, bool allowLocal, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "url must be an absolute https:// URL.";
        }

        if (allowLocal)
        {
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return "url must use https.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "url must not contain credentials.";
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(LookupTimeout);
        try
        {
            await WebhookHttp.CheckedAddressesAsync(uri.IdnHost, timeout.Token);
            return null;
        }
        catch (WebhookTargetRefusedException refused)
        {
            return $"url must point to a public host: {refused.Message}";
        }
        catch (Exception ex) when (ex is SocketException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }
}
