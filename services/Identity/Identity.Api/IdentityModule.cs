using System.Security.Cryptography.X509Certificates;
using Marketplace.Identity.Account;
using Marketplace.Identity.Mail;
using Marketplace.Identity.Notifications;
using Marketplace.Identity.Organisations;
using Marketplace.Identity.Setup;
using Marketplace.Identity.Tokens;
using Marketplace.Identity.Webhooks;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;

namespace Marketplace.Identity;

public static class IdentityModule
{
    public const string Name = "identity";

    /// <summary>Call before any other service's module in a combined host: the token server lives here (checked, see <see cref="HostComposition"/>).</summary>
    public static IHostApplicationBuilder AddIdentityService(this IHostApplicationBuilder builder)
    {
        var composition = builder.Composition();
        composition.TokenServerInProcess();
        composition.AddCommand("setup", (app, args) => app.RunOperatorSetupAsync(args));
        composition.AddStartStep(app => app.SeedIdentityAsync());
        builder.Services.AddOptions<IdentityServiceOptions>().BindConfiguration(IdentityServiceOptions.Section).ValidateOnStart();
        var settings = builder.Configuration.GetSection(IdentityServiceOptions.Section).Get<IdentityServiceOptions>() ?? new IdentityServiceOptions();
        var dataDir = HostComposition.DataDirectory(builder.Configuration);
        var demo = builder.Configuration.IsDemo(builder.Environment);

        builder.AddServiceDatabase<IdentityDataContext, SqliteIdentityDataContext, SqlServerIdentityDataContext>(Name);
        builder.AddIdentityDataProtection(dataDir);

        AddPeople(builder, settings);
        AddTokenServer(builder, settings, dataDir, developmentKeys: builder.Environment.IsDevelopment() || demo);
        AddWebhooks(builder, demo);
        AddNotifications(builder);

        builder.AddMarketplaceAuthentication(Audiences.Identity);
        return builder;
    }

    /// <summary>People: ASP.NET Core Identity with confirmed email and lockout, the sign-in cookie, and the mail that invites and confirms.</summary>
    private static void AddPeople(IHostApplicationBuilder builder, IdentityServiceOptions settings)
    {
        builder.Services.AddIdentityCore<MarketplaceUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Password.RequiredLength = 10;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<IdentityDataContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        builder.Services.Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o =>
        {
            o.SignIn.RequireConfirmedEmail = true;
            o.Lockout.AllowedForNewUsers = true;
        });
        builder.Services.AddAuthentication().AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.Cookie.Name = "symbiosis.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = settings.SessionLifetime;
            o.SlidingExpiration = true;
        });
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "symbiosis.antiforgery");
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        builder.Services.AddSingleton<IMailSender, MailSender>();
    }

    /// <summary>The OpenIddict token server: client credentials for partners, authorization code with PKCE and rolling refresh tokens for people.</summary>
    private static void AddTokenServer(IHostApplicationBuilder builder, IdentityServiceOptions settings, string dataDir, bool developmentKeys)
    {
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDataContext>())
            .AddServer(o =>
            {
                if (!string.IsNullOrWhiteSpace(settings.Issuer))
                {
                    o.SetIssuer(new Uri(settings.Issuer));
                }

                o.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetEndSessionEndpointUris("connect/logout");

                o.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow();

                o.RegisterScopes([.. Scopes.All, OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Profile,
                    OpenIddictConstants.Scopes.Email, OpenIddictConstants.Scopes.OfflineAccess]);
                o.SetAccessTokenLifetime(settings.AccessTokenLifetime);
                o.SetRefreshTokenLifetime(settings.RefreshTokenLifetime);
                // Rolling refresh tokens are OpenIddict's default: each use returns a new one, and a replay of a used
                // one after this leeway revokes the whole authorization (reuse detection).
                o.SetRefreshTokenReuseLeeway(settings.RefreshTokenReuseLeeway);

                // Resource servers validate with the published keys alone; they hold no decryption key.
                o.DisableAccessTokenEncryption();
                AddKeys(o, settings, dataDir, developmentKeys);

                var aspnet = o.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (settings.AllowHttp)
                {
                    aspnet.DisableTransportSecurityRequirement();
                }
            });
    }

    /// <summary>Webhooks: the consumers that queue an organisation's events and the dispatcher that delivers them.</summary>
    private static void AddWebhooks(IHostApplicationBuilder builder, bool demo)
    {
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .PostConfigure(o => o.AllowInsecureUrls = WebhookOptions.LocalReceiversAllowed(o.AllowInsecureUrls, demo));
        builder.Services.AddHostedService<WebhookDispatcher>();
        builder.AddConsumer<MatchSuggestedWebhookConsumer>(Name);
        builder.AddConsumer<MatchAcceptedWebhookConsumer>(Name);
        builder.AddConsumer<DealOpenedWebhookConsumer>(Name);
        builder.AddConsumer<InvoiceIssuedWebhookConsumer>(Name);
        builder.AddConsumer<ContractSignedWebhookConsumer>(Name);
        builder.AddConsumer<DeliveryRecordedWebhookConsumer>(Name);
        builder.AddConsumer<ProjectStageChangedWebhookConsumer>(Name);
        builder.AddConsumer<ProjectCommitmentSignedWebhookConsumer>(Name);
    }

    /// <summary>Notifications: the consumers that note what each person should know and the mailer that applies their e-mail choice.</summary>
    private static void AddNotifications(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Notifications:TimeZone must be a known time zone, e.g. Europe/Copenhagen.")
            .ValidateOnStart();
        builder.Services.AddHostedService<NotificationMailer>();
        builder.AddConsumer<MatchSuggestedNotificationConsumer>(Name);
        builder.AddConsumer<MatchMessageNotificationConsumer>(Name);
        builder.AddConsumer<MatchNudgedNotificationConsumer>(Name);
        builder.AddConsumer<DealMessageNotificationConsumer>(Name);
        builder.AddConsumer<MatchInterestNotificationConsumer>(Name);
        builder.AddConsumer<MatchAcceptedNotificationConsumer>(Name);
        builder.AddConsumer<DealOpenedNotificationConsumer>(Name);
        builder.AddConsumer<DealTermsProposedNotificationConsumer>(Name);
        builder.AddConsumer<ContractSignedNotificationConsumer>(Name);
        builder.AddConsumer<DeliveryRecordedNotificationConsumer>(Name);
        builder.AddConsumer<InvoiceIssuedNotificationConsumer>(Name);
    }

    public static IEndpointRouteBuilder MapIdentityService(this IEndpointRouteBuilder app)
    {
        app.MapTokenEndpoints();
        app.MapAccountEndpoints();
        app.MapOrganisationEndpoints();
        app.MapClientEndpoints();
        app.MapMemberEndpoints();
        app.MapRoleEndpoints();
        app.MapWebhookEndpoints();
        app.MapNotificationEndpoints();
        return app;
    }

    public static Task SeedIdentityAsync(this WebApplication app) => IdentitySeeder.SeedAsync(app.Services);

    /// <summary>
    /// Development and demo runs generate RSA keys once and keep them under the data directory, so tokens
    /// survive a restart; everywhere else the keys are certificates named in configuration.
    /// </summary>
    private static void AddKeys(OpenIddictServerBuilder o, IdentityServiceOptions settings, string dataDir, bool development)
    {
        if (!string.IsNullOrWhiteSpace(settings.SigningCertificatePath))
        {
            o.AddSigningCertificate(LoadCertificate("Identity:SigningCertificatePath", settings.SigningCertificatePath, settings.SigningCertificatePassword));
            o.AddEncryptionCertificate(settings.EncryptionCertificatePath is null
                ? LoadCertificate("Identity:SigningCertificatePath", settings.SigningCertificatePath, settings.SigningCertificatePassword)
                : LoadCertificate("Identity:EncryptionCertificatePath", settings.EncryptionCertificatePath, settings.EncryptionCertificatePassword));
            return;
        }

        if (!development)
        {
            throw new InvalidOperationException(
                "Identity:SigningCertificatePath is required outside Development and demo runs (a PFX with the token signing key).");
        }

        var keyDir = KeyFiles.OwnerOnlyDirectory(Path.Combine(dataDir, "keys")).FullName;
        o.AddSigningKey(new RsaSecurityKey(KeyFiles.LoadOrCreateRsa(Path.Combine(keyDir, "signing.pem"))) { KeyId = "signing-1" });
        o.AddEncryptionKey(new RsaSecurityKey(KeyFiles.LoadOrCreateRsa(Path.Combine(keyDir, "encryption.pem"))) { KeyId = "encryption-1" });
    }

    private static X509Certificate2 LoadCertificate(string setting, string path, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"{setting} '{path}' could not be read: {e.Message}", e);
        }
    }
}
