using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Security.Tests;

/// <summary>
/// Tokens minted with the server's own signing key (from the data directory): a well-formed one is accepted, which
/// proves the minting, and each defect on its own is refused with 401.
/// </summary>
public abstract class TokenTests(MarketplaceUnderTest factory)
{
    private static readonly Guid Operator = Guid.Parse("0199a000-0000-7000-8000-000000000001");

    [ModeFact]
    public async Task A_well_formed_minted_token_is_accepted()
    {
        Assert.Equal(HttpStatusCode.OK, await CallAsync(await MintAsync()));
    }

    [ModeFact]
    public async Task An_expired_token_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(await MintAsync(expires: DateTime.UtcNow.AddMinutes(-10))));
    }

    [ModeFact]
    public async Task A_token_without_an_expiry_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(await MintAsync(withExpiry: false)));
    }

    [ModeFact]
    public async Task A_token_not_valid_before_a_time_ahead_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(await MintAsync(notBefore: DateTime.UtcNow.AddMinutes(5))));
    }

    [ModeFact]
    public void The_generated_token_keys_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no Unix file modes
        }

        var keys = Path.Combine(factory.IdentityDataDir, "keys");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        foreach (var file in new[] { "signing.pem", "encryption.pem" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(keys, file)));
        }
    }

    [ModeFact]
    public async Task A_token_for_another_audience_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(await MintAsync(audience: "some-other-api")));
    }

    [ModeFact]
    public async Task A_token_from_another_issuer_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(await MintAsync(issuer: "https://evil.example.test/")));
    }

    [ModeFact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        using var other = RSA.Create(2048);
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(await MintAsync(key: other)));
    }

    [ModeFact]
    public async Task A_real_token_with_a_tampered_payload_is_refused()
    {
        var token = await factory.OperatorTokenAsync();
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload["org_id"] = JsonSerializer.SerializeToElement(Guid.NewGuid().ToString());
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}";
        Assert.Equal(HttpStatusCode.OK, await CallAsync(token));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(tampered));
    }

    private async Task<HttpStatusCode> CallAsync(string token)
    {
        using var client = factory.WithToken(token);
        using var response = await client.GetAsync($"/api/v1/organisations/{Operator}");
        return response.StatusCode;
    }

    private async Task<string> MintAsync(DateTime? expires = null, string audience = "identity", string? issuer = null, RSA? key = null,
        bool withExpiry = true, DateTime? notBefore = null)
    {
        using var anonymous = factory.CreateClient();
        var discovery = await anonymous.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        issuer ??= discovery.GetProperty("issuer").GetString()!;
        using var signing = RSA.Create();
        signing.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(factory.IdentityDataDir, "keys", "signing.pem")));
        var exp = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = withExpiry }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            IssuedAt = DateTime.UtcNow.AddMinutes(-1),
            NotBefore = notBefore ?? exp.AddMinutes(-20),
            Expires = withExpiry ? exp : null,
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "minted-client",
                ["aud"] = audience,
                ["scope"] = "admin",
                ["org_id"] = Operator.ToString(),
                ["role"] = "operator",
                ["jti"] = Guid.NewGuid().ToString(),
                ["client_id"] = "minted-client",
            },
            // No cached signature provider: it would keep the RSA instance this method disposes.
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? signing) { KeyId = "signing-1" }, SecurityAlgorithms.RsaSha256)
            {
                CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
            },
        });
    }
}

[Collection(InProcessCollection.Name)]
public sealed class TokenInProcessTests(InProcessMarketplace marketplace) : TokenTests(marketplace);

[Collection(DistributedCollection.Name)]
public sealed class TokenDistributedTests(DistributedMarketplace marketplace) : TokenTests(marketplace), IDistributedMode;
