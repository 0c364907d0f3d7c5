using Marketplace.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// The portal session over time. The host refreshes on every request (Portal:RefreshBefore beyond the token lifetime),
/// so what happens shortly before a token expires happens here at once.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SessionTests(PortalHost host, ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task A_session_refreshes_its_access_token_before_expiry_and_keeps_reading_the_API()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        await session.SignInAsync("farm@demo.symbiosis.local", "/", "Dashboard");
        var (refreshTokens, cookie) = (await TokenCountAsync("farm@demo.symbiosis.local"), await session.PortalCookieAsync());

        await session.Checks.VisitAsync("dashboard (refreshed)", "Dashboard", () => session.Page.ReloadAsync());

        await Expect(session.Page.GetByTestId("wants")).ToHaveTextAsync("1"); // the pig farm's demo want, read with the new token
        Assert.True(await TokenCountAsync("farm@demo.symbiosis.local") > refreshTokens, "No new refresh token was issued for the reload.");
        Assert.NotEqual(cookie, await session.PortalCookieAsync()); // the new tokens are written back into the session
    }

    [ChromiumFact]
    public async Task A_session_whose_refresh_is_refused_signs_in_again_through_Identity_and_returns_to_the_page()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        await session.SignInAsync("greenhouse@demo.symbiosis.local", "/listings?kind=want", "My listings");
        await RevokeTokensAsync("greenhouse@demo.symbiosis.local");
        var navigations = new List<string>();
        session.Page.Request += (_, request) =>
        {
            if (request.IsNavigationRequest)
            {
                navigations.Add(request.Url);
            }
        };

        await session.Checks.VisitAsync("my listings (re-signed)", "My listings", () => session.Page.GotoAsync("/listings?kind=want&status=published"));

        Assert.EndsWith("/listings?kind=want&status=published", session.Page.Url);
        Assert.Contains(navigations, url => url.Contains("/connect/authorize", StringComparison.Ordinal)); // Identity's sign-in still stood: no password asked
        await Expect(session.Page.GetByTestId("listings").Locator(".card")).ToHaveCountAsync(2); // the greenhouse's two demo wants
    }

    [ChromiumFact]
    public async Task A_lost_session_asks_for_the_password_and_returns_to_the_page_asked_for()
    {
        await using var session = await BrowserSession.StartAsync(host, output);
        await session.SignInAsync("boards@demo.symbiosis.local", "/", "Dashboard");
        await session.Context.ClearCookiesAsync();

        await session.SignInAsync("boards@demo.symbiosis.local", "/listings/new", "Post a listing");

        Assert.EndsWith("/listings/new", session.Page.Url);
    }

    private async Task<int> TokenCountAsync(string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var count = 0;
        await foreach (var token in tokens.FindBySubjectAsync(await UserIdAsync(scope, email)))
        {
            count++; // the authorization code and one refresh token per redemption (rolling refresh tokens)
        }

        return count;
    }

    private async Task RevokeTokensAsync(string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        await foreach (var token in tokens.FindBySubjectAsync(await UserIdAsync(scope, email)))
        {
            await tokens.TryRevokeAsync(token);
        }
    }

    private static async Task<string> UserIdAsync(AsyncServiceScope scope, string email) =>
        (await scope.ServiceProvider.GetRequiredService<UserManager<MarketplaceUser>>().FindByEmailAsync(email))!.Id.ToString();
}
