using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;

namespace Marketplace.ServiceDefaults.Edge;

/// <summary>
/// Who is calling, as far as the door can tell: the bearer token validated by OpenIddict (signature, issuer,
/// lifetime, audience), remembered per token so the signature is checked once per token rather than once per
/// request. The rate limiter partitions by it; the gateway's route policy uses this scheme too, so a request pays
/// for one validation at most, and none when its token was seen before.
/// </summary>
public static class EdgeAuthentication
{
    /// <summary>Authentication scheme that wraps OpenIddict validation with <see cref="EdgeTokenCache"/>.</summary>
    public const string Scheme = "edge-token";
}

/// <summary>The caller of the current request, set by the edge before the rate limiter runs.</summary>
internal sealed class EdgeCaller(string partitionKey)
{
    public string PartitionKey { get; } = partitionKey;

    /// <summary>The rate-limit partition of a validated principal: its client and its subject (user or client).</summary>
    public static EdgeCaller Of(ClaimsPrincipal principal)
    {
        var client = principal.GetClaim(OpenIddictConstants.Claims.ClientId) ?? principal.GetClaim(OpenIddictConstants.Claims.AuthorizedParty) ?? "";
        var subject = principal.GetClaim(OpenIddictConstants.Claims.Subject) ?? "";
        return new EdgeCaller($"caller:{client}/{subject}");
    }
}

/// <summary>
/// Successful validations by token, each kept until the token expires (at most <see cref="EdgeOptions.TokenCacheSeconds"/>), and only while
/// the key that signed it is still one of the issuer's signing keys. Bounded: past <see cref="MaxEntries"/> it first
/// drops expired entries and otherwise stops adding, so a flood of tokens costs validations, not memory.
/// </summary>
internal sealed class EdgeTokenCache(
    TimeProvider clock, IOptions<EdgeOptions> edge, IOptionsMonitor<OpenIddictValidationOptions> validation, ILogger<EdgeTokenCache> log)
{
    public const int MaxEntries = 10_000;
    private readonly TimeSpan maxAge = TimeSpan.FromSeconds(edge.Value.TokenCacheSeconds);
    private static readonly TimeSpan KeyRefresh = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private KeySnapshot keys = new([], DateTimeOffset.MinValue);

    /// <summary>Reads the issuer's current signing keys when the last look is over a second old.</summary>
    public ValueTask RefreshKeysIfStaleAsync()
    {
        var now = clock.GetUtcNow();
        return keys.TakenAt + KeyRefresh > now ? ValueTask.CompletedTask : new ValueTask(RefreshKeysAsync(now));
    }

    /// <summary>A remembered validation of this token, unless it has expired or its signing key is gone.</summary>
    public bool TryGet(ReadOnlySpan<char> token, out Entry entry)
    {
        if (!entries.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(token, out var key, out entry!))
        {
            return false;
        }

        if (entry.ValidUntil <= clock.GetUtcNow() || !keys.KeyIds.Contains(entry.KeyId))
        {
            entries.TryRemove(key, out _);
            return false;
        }

        return true;
    }

    /// <summary>Remembers a validation that just succeeded, when the token is a signed JWT with an expiry and a known key.</summary>
    public Entry Add(string token, ClaimsPrincipal principal)
    {
        var entry = new Entry(principal, EdgeCaller.Of(principal), KeyIdOf(token) ?? "", DateTimeOffset.MinValue);
        var now = clock.GetUtcNow();
        if (maxAge <= TimeSpan.Zero || principal.GetExpirationDate() is not { } expires || entry.KeyId.Length == 0 || !keys.KeyIds.Contains(entry.KeyId))
        {
            return entry;
        }

        if (entries.Count >= MaxEntries)
        {
            foreach (var (stale, _) in entries.Where(e => e.Value.ValidUntil <= now))
            {
                entries.TryRemove(stale, out _);
            }

            if (entries.Count >= MaxEntries)
            {
                return entry;
            }
        }

        var cached = entry with { ValidUntil = expires < now + maxAge ? expires : now + maxAge };
        entries[token] = cached;
        return cached;
    }

    private async Task RefreshKeysAsync(DateTimeOffset now)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var options = validation.CurrentValue;
        try
        {
            if (options.ConfigurationManager is { } manager)
            {
                var configuration = await manager.GetConfigurationAsync(CancellationToken.None);
                AddIds(ids, configuration.SigningKeys);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or OperationCanceledException or IOException)
        {
            // Without the issuer's keys nothing is trusted from memory; validation itself reports the outage.
            log.LogWarning(ex, "The issuer's signing keys could not be read; cached token validations are not used");
            ids.Clear();
        }

        if (options.TokenValidationParameters.IssuerSigningKeys is { } configured)
        {
            AddIds(ids, configured);
        }

        keys = new KeySnapshot(ids, now);

        static void AddIds(HashSet<string> into, IEnumerable<SecurityKey> from)
        {
            foreach (var key in from)
            {
                if (!string.IsNullOrEmpty(key.KeyId))
                {
                    into.Add(key.KeyId);
                }
            }
        }
    }

    /// <summary>The <c>kid</c> of a signed JWT (three parts); null for anything else, e.g. an encrypted token.</summary>
    internal static string? KeyIdOf(string token)
    {
        var first = token.IndexOf('.', StringComparison.Ordinal);
        if (first <= 0 || first > 4096 || token.AsSpan(first + 1).Count('.') != 1)
        {
            return null;
        }

        var header = token.AsSpan(0, first);
        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(header.Length));
        try
        {
            if (Base64Url.DecodeFromChars(header, buffer, out _, out var written) != OperationStatus.Done)
            {
                return null;
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(0, written));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isKid = reader.ValueTextEquals("kid"u8);
                reader.Read();
                if (isKid && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A remembered validation. The principal is shared by the requests that present the token: read it, never change it.</summary>
    internal sealed record Entry(ClaimsPrincipal Principal, EdgeCaller Caller, string KeyId, DateTimeOffset ValidUntil);

    private sealed record KeySnapshot(HashSet<string> KeyIds, DateTimeOffset TakenAt);
}

/// <summary>
/// The edge scheme: a remembered validation when the token was seen before, otherwise OpenIddict's validation of it
/// (whose outcome, success or failure, is what this scheme answers). Challenges and forbids go to OpenIddict.
/// </summary>
internal sealed class EdgeTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, EdgeTokenCache cache, IAuthenticationHandlerProvider handlers)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization;
        var bearer = header.Count == 1 && header[0] is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !value.AsSpan(7).Trim().IsEmpty ? value : null;
        if (bearer is not null)
        {
            await cache.RefreshKeysIfStaleAsync();
            if (cache.TryGet(bearer.AsSpan(7).Trim(), out var hit))
            {
                Context.Features.Set(hit.Caller);
                return AuthenticateResult.Success(new AuthenticationTicket(hit.Principal, Scheme.Name));
            }
        }

        // Everything else is OpenIddict's to judge, a missing token included: its challenge (401 with the reason in
        // WWW-Authenticate) relies on having seen the request's authentication.
        // OpenIddict keeps its per-request state in a transaction its request step creates (normally run by
        // UseAuthentication, which comes later in the pipeline or, in the gateway, not at all).
        if (Context.Features.Get<OpenIddictValidationAspNetCoreFeature>()?.Transaction is null
            && await handlers.GetHandlerAsync(Context, OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme) is IAuthenticationRequestHandler openIddict
            && await openIddict.HandleRequestAsync())
        {
            return AuthenticateResult.NoResult();
        }

        var result = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            return result.None ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(result.Failure ?? new InvalidOperationException("The token was refused."), result.Properties);
        }

        Context.Features.Set(bearer is null ? EdgeCaller.Of(result.Principal) : cache.Add(bearer.AsSpan(7).Trim().ToString(), result.Principal).Caller);
        return AuthenticateResult.Success(new AuthenticationTicket(result.Principal, result.Properties, Scheme.Name));
    }
}
