using System.Net;
using Marketplace.Identity.Webhooks;

namespace Marketplace.Security.Tests;

public sealed class WebhookAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("fc00::1", "private")]
    [InlineData("fec0::1", "private")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("100.127.255.254", "carrier-grade NAT")]
    [InlineData("169.254.1.1", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("169.254.169.254", "cloud metadata")]
    [InlineData("fd00:ec2::254", "cloud metadata")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:169.254.169.254", "cloud metadata")]
    [InlineData("::127.0.0.1", "loopback")]
    [InlineData("64:ff9b::a00:1", "private")]
    [InlineData("2002:c0a8:101::1", "private")]
    public void Refused(string address, string reason) =>
        Assert.Equal(reason, WebhookAddressPolicy.Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Allowed(string address) => Assert.Null(WebhookAddressPolicy.Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LOCALHOST.", true)]
    [InlineData("api.localhost", true)]
    [InlineData("localhost.example.com", false)]
    [InlineData("erp.example.com", false)]
    public void Local_names(string host, bool local) => Assert.Equal(local, WebhookAddressPolicy.IsLocalName(host));

    [Theory]
    [InlineData(null, false, false)]
    [InlineData(true, false, false)]
    [InlineData(false, false, false)]
    [InlineData(null, true, true)]
    [InlineData(true, true, true)]
    [InlineData(false, true, false)]
    public void Local_receivers_only_in_demo_mode_and_Development(bool? configured, bool demo, bool allowed) =>
        Assert.Equal(allowed, WebhookOptions.LocalReceiversAllowed(configured, demo));
}
