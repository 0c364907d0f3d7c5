using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Tests.Platform;

/// <summary>A token counts from its start (with a minute's grace for clocks) until the second it expires, and must expire.</summary>
public sealed class TokenLifetimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTime NowUtc = Now.UtcDateTime;

    [Fact]
    public void A_token_inside_its_lifetime_is_current() =>
        Assert.True(TokenLifetime.IsCurrent(NowUtc.AddMinutes(-5), NowUtc.AddMinutes(5), Now));

    [Fact]
    public void A_token_is_refused_from_the_second_it_expires_without_the_start_grace() =>
        Assert.False(TokenLifetime.IsCurrent(NowUtc.AddMinutes(-5), NowUtc, Now));

    [Fact]
    public void A_token_one_second_past_expiry_is_refused() =>
        Assert.False(TokenLifetime.IsCurrent(null, NowUtc.AddSeconds(-1), Now));

    [Fact]
    public void A_token_without_an_expiry_is_refused() =>
        Assert.False(TokenLifetime.IsCurrent(NowUtc.AddMinutes(-5), null, Now));

    [Theory]
    [InlineData(30, true)]
    [InlineData(60, true)]
    [InlineData(61, false)]
    [InlineData(600, false)]
    public void A_start_ahead_is_accepted_only_within_a_minute(int secondsAhead, bool current) =>
        Assert.Equal(current, TokenLifetime.IsCurrent(NowUtc.AddSeconds(secondsAhead), NowUtc.AddMinutes(30), Now));

    [Fact]
    public void Times_without_a_kind_are_read_as_utc() =>
        Assert.True(TokenLifetime.IsCurrent(null, DateTime.SpecifyKind(NowUtc.AddSeconds(10), DateTimeKind.Unspecified), Now));
}
