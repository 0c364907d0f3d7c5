using Marketplace.Identity.Organisations;
using Marketplace.Identity.Tokens;
using Marketplace.ServiceDefaults;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity;

/// <summary>Scopes, the operator organisation and the portal's client always; the demo API client only in Development or with <c>--demo</c>.</summary>
public static class IdentitySeeder
{
    public static readonly Guid OperatorOrganisationId = Guid.Parse("0199a000-0000-7000-8000-000000000001");
    public const string DemoClientId = "demo-operator";
    public const string DemoClientSecret = "demo-operator-secret";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<IdentityDataContext>();
        var scopes = sp.GetRequiredService<IOpenIddictScopeManager>();
        var applications = sp.GetRequiredService<IOpenIddictApplicationManager>();
        var demo = sp.GetRequiredService<IConfiguration>().IsDemo(sp.GetRequiredService<IHostEnvironment>());

        foreach (var name in Scopes.All)
        {
            if (await scopes.FindByNameAsync(name, cancellationToken) is null)
            {
                await scopes.CreateAsync(new OpenIddictScopeDescriptor { Name = name, Resources = { Scopes.AudienceOf(name) } }, cancellationToken);
            }
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == OperatorOrganisationId, cancellationToken))
        {
            db.Organisations.Add(new Organisation
            {
                Id = OperatorOrganisationId,
                Name = "Marketplace operator",
                Kind = OrganisationKinds.Operator,
                Country = "EU",
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        var settings = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityServiceOptions>>().Value;
        var configuration = sp.GetRequiredService<IConfiguration>();
        if (!settings.PublicClients.Any(c => c.ClientId == PortalClient.ClientId))
        {
            var portal = PortalClient.For(settings.PortalUrls, configuration[$"{MarketplaceOptions.Section}:PublicUrl"], configuration["urls"]);
            await EnsurePublicClientAsync(applications, portal, cancellationToken);
        }

        foreach (var client in settings.PublicClients.Where(c => !string.IsNullOrWhiteSpace(c.ClientId)))
        {
            await EnsurePublicClientAsync(applications, client, cancellationToken);
        }

        await EnsureDemoClientAsync(applications, demo, cancellationToken);
    }

    /// <summary>
    /// The demo API client, acting for the operator, exists only in Development or with <c>--demo</c>; elsewhere a host
    /// that still has it with its published secret refuses to start.
    /// </summary>
    private static async Task EnsureDemoClientAsync(IOpenIddictApplicationManager applications, bool demo, CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(DemoClientId, cancellationToken);
        if (!demo)
        {
            if (existing is not null && await applications.ValidateClientSecretAsync(existing, DemoClientSecret, cancellationToken))
            {
                throw new InvalidOperationException(
                    $"The API client '{DemoClientId}' still has its published demo secret. Outside Development and --demo the " +
                    "host refuses to start with it: rotate or delete that client, or run with --demo.");
            }

            return;
        }

        if (existing is null)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = DemoClientId,
                ClientSecret = DemoClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "Demo operator client",
                Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
            };
            foreach (var name in Scopes.All)
            {
                descriptor.Permissions.Add(Permissions.Prefixes.Scope + name);
            }

            new ClientBinding(OperatorOrganisationId, [Roles.Operator]).WriteTo(descriptor);
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }

    /// <summary>A first-party app: public (no secret), authorization code with PKCE required, refresh tokens; kept in step with configuration.</summary>
    private static async Task EnsurePublicClientAsync(IOpenIddictApplicationManager applications, PublicClientOptions client, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = string.IsNullOrWhiteSpace(client.DisplayName) ? client.ClientId : client.DisplayName,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Prefixes.Scope + OpenIddictConstants.Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var name in Scopes.All)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + name);
        }

        foreach (var uri in client.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        foreach (var uri in client.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }

        var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }
}
