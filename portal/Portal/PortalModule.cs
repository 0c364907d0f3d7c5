using Marketplace.Portal.Api;
using Marketplace.Portal.Auth;
using Marketplace.Portal.Billing;
using Marketplace.Portal.Components;
using Marketplace.Portal.Conversations;
using Marketplace.Portal.Impact;
using Marketplace.Portal.Listings;
using Marketplace.Portal.Matches;
using Marketplace.Portal.Notifications;
using Marketplace.Portal.OperatorConsole;
using Marketplace.Portal.Projects;
using Marketplace.Portal.Settings;
using Marketplace.Portal.Territory;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Marketplace.Portal;

/// <summary>The company web portal as a module: any host adds it with <c>AddPortal()</c> and serves it at <c>/</c> with <c>UsePortal()</c> and <c>MapPortal()</c>.</summary>
public static class PortalModule
{
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        if (builder.Environment is IWebHostEnvironment web)
        {
            // Serve the portal's files from a build (dotnet run, tests) as well as from a publish, in every environment.
            StaticWebAssetsLoader.UseStaticWebAssets(web, builder.Configuration);
        }

        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateOnStart();
        builder.Services.AddRazorComponents();
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddExceptionHandler<PortalErrors>();
        builder.Services.AddSingleton<PortalAddresses>();
        builder.Services.AddPortalAuthentication();
        builder.Services.AddTransient<UserTokenHandler>();
        AddApi<ListingsApi>(builder.Services);
        AddApi<MatchingApi>(builder.Services);
        AddApi<BrokerageApi>(builder.Services);
        AddApi<ProjectsApi>(builder.Services);
        AddApi<ListingImportApi>(builder.Services);
        AddApi<ApiClientsApi>(builder.Services);
        AddApi<OrganisationsApi>(builder.Services);
        AddApi<NotificationsApi>(builder.Services);
        AddApi<MembersApi>(builder.Services);
        AddApi<WebhooksApi>(builder.Services);
        AddApi<ConversationsApi>(builder.Services);
        AddApi<BillingApi>(builder.Services);
        AddApi<OperatorApi>(builder.Services);
        AddApi<TerritoryApi>(builder.Services);
        builder.Services.AddSingleton(_ => ImportSession.Store());
        builder.Services.AddSingleton(_ => FactSession.Store());
        builder.Services.AddSingleton(_ => ApiClientActions.SecretStore());
        builder.Services.AddSingleton(_ => MemberActions.NoteStore());
        builder.Services.AddSingleton(_ => WebhookActions.SecretStore());
        builder.Services.AddSingleton(_ => ConversationActions.NoteStore());
        builder.Services.AddSingleton(_ => BillingActions.NoteStore());
        builder.Services.AddSingleton(_ => ProjectForms.NoteStore());
        return builder;
    }

    /// <summary>
    /// The portal's middleware, after the host's <c>UseServiceDefaults()</c> (routing, authentication, authorization):
    /// its headers and the person's language on its own paths, antiforgery for its forms, and its "page not found" for a
    /// portal address that no endpoint answers.
    /// </summary>
    public static WebApplication UsePortal(this WebApplication app)
    {
        var languages = PortalLanguages.Options();
        app.UseWhen(context => IsPortalPath(context.Request.Path), portal => portal.UseRequestLocalization(languages).Use(PortalHeaders));
        app.UseAntiforgery();
        app.Use(OperatorPagesAsync);
        app.Use(NotFoundAsync);
        return app;
    }

    /// <summary>The portal's pages, static files and sign-out (mapping only; <see cref="UsePortal"/> adds its middleware).</summary>
    public static WebApplication MapPortal(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().RequireAuthorization(PortalAuthentication.Policy);
        app.MapMatchDecisions();
        app.MapProjectActions();
        app.MapCreateProjectActions();
        app.MapProjectSetupActions();
        app.MapProjectAgreementActions();
        app.MapProjectFollowUpActions();
        app.MapListingImportActions();
        app.MapTerritoryActions();
        app.MapMapData();
        app.MapApiClientActions();
        app.MapMemberActions();
        app.MapWebhookActions();
        app.MapConversationActions();
        app.MapCompanyActions();
        app.MapEstimateDrafts();
        app.MapNotificationActions();
        app.MapBillingActions();
        app.MapImpactActions();
        app.MapLanguageAction();
        app.MapPost("/signout", SignOut).RequireAuthorization(PortalAuthentication.Policy).ExcludeFromDescription();
        return app;
    }

    /// <summary>Ends the portal session and Identity's sign-in, then comes back to <c>/signed-out</c>.</summary>
    private static async Task<IResult> SignOut(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Redirect("/");
        }

        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/signed-out" },
            [PortalAuthentication.CookieScheme, PortalAuthentication.OidcScheme]);
    }

    /// <summary>
    /// A GET of a portal address that routing matched to nothing: the portal's "page not found" (404, HTML, in the
    /// signed-in user's shell when there is a session) instead of the API's JSON. An API path, or a request routing
    /// answers itself (a 405 for a wrong method), goes on unchanged. A middleware rather than a fallback route: a
    /// catch-all route would take the API's 405s away.
    /// </summary>
    private static async Task NotFoundAsync(HttpContext http, Func<Task> next)
    {
        if (http.GetEndpoint() is not null || !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            || !IsPortalPath(http.Request.Path) || Path.HasExtension(http.Request.Path.Value))
        {
            await next();
            return;
        }

        await PortalAuthentication.UseSessionUserAsync(http);
        await new RazorComponentResult<App> { StatusCode = StatusCodes.Status404NotFound }.ExecuteAsync(http);
    }

    /// <summary>
    /// The operator's console (<c>/operator/…</c>) is the operator's only: anyone else meets the same "page not found" as
    /// for an address that does not exist, so the console's pages are not revealed. The API refuses their calls anyway.
    /// </summary>
    private static async Task OperatorPagesAsync(HttpContext http, Func<Task> next)
    {
        if (!http.Request.Path.StartsWithSegments(OperatorPath))
        {
            await next();
            return;
        }

        // The portal's session, not the API's bearer scheme (the host's default), says who asks for a page.
        await PortalAuthentication.UseSessionUserAsync(http);
        if (http.User.Identity?.IsAuthenticated != true || CurrentUser.IsOperator(http.User))
        {
            await next();
            return;
        }

        // The router renders by the request's path: an existing console page would render itself, so it is asked for the not-found page.
        http.SetEndpoint(null);
        http.Request.Path = "/not-found";
        await new RazorComponentResult<App> { StatusCode = StatusCodes.Status404NotFound }.ExecuteAsync(http);
    }

    internal const string OperatorPath = "/operator";

    /// <summary>The API's paths keep the edge's strict headers; pages need a base URL for enhanced navigation.</summary>
    private static Task PortalHeaders(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
            context.Response.Headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next();
    }

    internal static bool IsPortalPath(PathString path) =>
        !(path.StartsWithSegments("/api") || path.StartsWithSegments("/connect") || path.StartsWithSegments("/.well-known")
          || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/scalar")
          || path.StartsWithSegments("/account"));

    private static void AddApi<TClient>(IServiceCollection services)
        where TClient : class =>
        services.AddHttpClient<TClient>((sp, http) => http.BaseAddress = sp.GetRequiredService<PortalAddresses>().ApiBase)
            .AddHttpMessageHandler<UserTokenHandler>();
}
