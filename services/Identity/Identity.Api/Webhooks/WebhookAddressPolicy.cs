using System.Net;
using System.Net.Sockets;

namespace Marketplace.Identity.Webhooks;

/// <summary>
/// Which addresses a webhook may be delivered to: public unicast only. Loopback, unspecified, private (RFC 1918,
/// ULA, site-local), carrier-grade NAT, link-local (with the cloud metadata services), multicast, broadcast and
/// reserved ranges are refused; an IPv4 address embedded in IPv6 (mapped, compatible, NAT64, 6to4) is judged as IPv4.
/// </summary>
public static class WebhookAddressPolicy
{
    private static readonly IPAddress Ec2MetadataV6 = IPAddress.Parse("fd00:ec2::254");

    /// <summary>Why <paramref name="address"/> is refused, or <c>null</c> when deliveries may go there.</summary>
    public static string? Refusal(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedIPv4(address) is { } v4)
        {
            return Refusal(v4);
        }

        return address.AddressFamily == AddressFamily.InterNetwork ? RefusalV4(address.GetAddressBytes()) : RefusalV6(address);
    }

    /// <summary>Names that always mean this machine (RFC 6761), refused before any lookup.</summary>
    public static bool IsLocalName(string host)
    {
        var name = host.TrimEnd('.');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    private static string? RefusalV4(byte[] b) => b switch
    {
        [169, 254, 169, 254] => "cloud metadata",
        [0, ..] => "unspecified",
        [127, ..] => "loopback",
        [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] => "private",
        [100, >= 64 and <= 127, ..] => "carrier-grade NAT",
        [169, 254, ..] => "link-local",
        [192, 0, 0, ..] or [198, 18 or 19, ..] => "reserved",
        [>= 224 and <= 239, ..] => "multicast",
        [>= 240, ..] => "reserved",
        _ => null,
    };

    private static string? RefusalV6(IPAddress ip)
    {
        var b = ip.GetAddressBytes();
        if (ip.Equals(IPAddress.IPv6Any))
        {
            return "unspecified";
        }

        if (ip.Equals(IPAddress.IPv6Loopback))
        {
            return "loopback";
        }

        if (ip.Equals(Ec2MetadataV6))
        {
            return "cloud metadata";
        }

        return b switch
        {
            [>= 0xfc and <= 0xfd, ..] => "private",
            [0xfe, >= 0x80 and <= 0xbf, ..] => "link-local",
            [0xfe, >= 0xc0, ..] => "private",
            [0xff, ..] => "multicast",
            [0x01, 0x00, 0, 0, 0, 0, 0, 0, ..] => "reserved",
            [0x20, 0x01, 0x0d, 0xb8, ..] => "reserved",
            _ => null,
        };
    }

    /// <summary>The IPv4 address carried by an IPv4-mapped (::ffff:a.b.c.d), -compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address.</summary>
    private static IPAddress? EmbeddedIPv4(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6)
        {
            return ip.MapToIPv4();
        }

        var b = ip.GetAddressBytes();
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !ip.Equals(IPAddress.IPv6Any) && !ip.Equals(IPAddress.IPv6Loopback))
        {
            return new IPAddress(b.AsSpan(12, 4));
        }

        if (b is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..])
        {
            return new IPAddress(b.AsSpan(12, 4));
        }

        return b is [0x20, 0x02, ..] ? new IPAddress(b.AsSpan(2, 4)) : null;
    }
}
