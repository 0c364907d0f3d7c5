using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Marketplace.ServiceDefaults.Edge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Validation;

namespace Marketplace.Tests.Platform;

/// <summary>
/// The edge remembers a token's validation only while that is still what validating it again would say: not past
/// the token's expiry or the configured age, and not once the key that signed it is no longer the issuer's.
/// </summary>
public sealed class EdgeTokenCacheTests
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly OpenIddictValidationOptions validation = new();

    private EdgeTokenCache Cache(int seconds = 300) => new(clock, Options.Create(new EdgeOptions { TokenCacheSeconds = seconds }),
        new FixedMonitor(validation), NullLogger<EdgeTokenCache>.Instance);

    [Fact]
    public async Task A_validation_is_forgotten_once_the_issuer_no_longer_publishes_the_key_that_signed_the_token()
    {
        validation.TokenValidationParameters.IssuerSigningKeys = [Key("key-1"), Key("key-2")];
        var cache = Cache();
        await cache.RefreshKeysIfStaleAsync();
        var token = Jwt("key-1");
        cache.Add(token, Principal(expiresIn: TimeSpan.FromHours(1)));
        Assert.True(cache.TryGet(token, out var hit));
        Assert.Equal("caller:partner-app/partner-app", hit.Caller.PartitionKey);

        // key-1 is withdrawn (rotated out or compromised): within a second the remembered validation is gone
        validation.TokenValidationParameters.IssuerSigningKeys = [Key("key-2")];
        await cache.RefreshKeysIfStaleAsync();
        Assert.True(cache.TryGet(token, out _), "keys are read again at most once a second");
        clock.Advance(TimeSpan.FromSeconds(1.5));
        await cache.RefreshKeysIfStaleAsync();
        Assert.False(cache.TryGet(token, out _));

        // and a token signed by a key the issuer does not publish is never remembered
        cache.Add(token, Principal(expiresIn: TimeSpan.FromHours(1)));
        Assert.False(cache.TryGet(token, out _));
    }

    [Fact]
    public async Task A_validation_lasts_until_the_token_expires_or_the_configured_age_whichever_comes_first()
    {
        validation.TokenValidationParameters.IssuerSigningKeys = [Key("key-1")];
        var cache = Cache(seconds: 300);
        await cache.RefreshKeysIfStaleAsync();
        var shortLived = Jwt("key-1", "a");
        var longLived = Jwt("key-1", "b");
        cache.Add(shortLived, Principal(expiresIn: TimeSpan.FromSeconds(60)));
        cache.Add(longLived, Principal(expiresIn: TimeSpan.FromHours(1)));

        clock.Advance(TimeSpan.FromSeconds(59));
        await cache.RefreshKeysIfStaleAsync();
        Assert.True(cache.TryGet(shortLived, out _));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet(shortLived, out _));

        clock.Advance(TimeSpan.FromSeconds(239));
        await cache.RefreshKeysIfStaleAsync();
        Assert.True(cache.TryGet(longLived, out _));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet(longLived, out _));
    }

    [Fact]
    public async Task Tokens_without_a_key_id_or_expiry_and_a_zero_cache_age_are_validated_every_time()
    {
        validation.TokenValidationParameters.IssuerSigningKeys = [Key("key-1")];
        var cache = Cache();
        await cache.RefreshKeysIfStaleAsync();
        var noKid = Jwt(null);
        cache.Add(noKid, Principal(expiresIn: TimeSpan.FromHours(1)));
        Assert.False(cache.TryGet(noKid, out _));
        var noExpiry = Jwt("key-1", "c");
        cache.Add(noExpiry, Principal(expiresIn: null));
        Assert.False(cache.TryGet(noExpiry, out _));
        Assert.Null(EdgeTokenCache.KeyIdOf("not-a-jwt"));
        Assert.Null(EdgeTokenCache.KeyIdOf("!!!.e30.sig"));

        var off = Cache(seconds: 0);
        await off.RefreshKeysIfStaleAsync();
        var token = Jwt("key-1", "d");
        off.Add(token, Principal(expiresIn: TimeSpan.FromHours(1)));
        Assert.False(off.TryGet(token, out _));
    }

    private static RsaSecurityKey Key(string id) => new RsaSecurityKey(RSA.Create(2048)) { KeyId = id };

    /// <summary>A compact JWS with the given <c>kid</c>; the cache reads only the header (the signature was checked by OpenIddict).</summary>
    private static string Jwt(string? kid, string salt = "") =>
        $"{Base64Url(kid is null ? """{"alg":"RS256","typ":"at+jwt"}""" : $$"""{"alg":"RS256","kid":"{{kid}}","typ":"at+jwt"}""")}.{Base64Url($$"""{"jti":"{{salt}}"}""")}.c2ln";

    private static string Base64Url(string json) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private ClaimsPrincipal Principal(TimeSpan? expiresIn)
    {
        // as OpenIddict's validation leaves it: the token's expiry in its private claim
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new("client_id", "partner-app"), new("sub", "partner-app")], "test"));
        return expiresIn is { } life ? principal.SetExpirationDate(clock.GetUtcNow().Add(life)) : principal;
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }

    private sealed class FixedMonitor(OpenIddictValidationOptions value) : IOptionsMonitor<OpenIddictValidationOptions>
    {
        public OpenIddictValidationOptions CurrentValue => value;

        public OpenIddictValidationOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<OpenIddictValidationOptions, string?> listener) => null;
    }
}
