namespace Marketplace.Security.Tests;

/// <summary>The standalone host in process with a fresh SQLite data directory and <see cref="MarketplaceUnderTest.Settings"/>.</summary>
public sealed class SecurityFactory() : StandaloneFactory("marketplace-security")
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => MarketplaceUnderTest.Settings;
}
