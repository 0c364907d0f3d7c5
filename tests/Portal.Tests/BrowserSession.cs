using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>One headless Chromium with one page on the portal host, and the checks every visited page must pass.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string Password = "Demo-password-1";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, ITestOutputHelper output)
    {
        (this.playwright, this.browser, Context, Page) = (playwright, browser, context, page);
        Checks = new PageChecks(page, output);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public PageChecks Checks { get; }

    public static Task<BrowserSession> StartAsync(PortalHost host, ITestOutputHelper output, string? locale = null) => StartAsync(host.BaseUrl, output, locale);

    /// <summary>
    /// A browser on the portal at <paramref name="baseUrl"/> (the standalone host, or the gateway in distributed mode),
    /// set to <paramref name="locale"/> (its Accept-Language) when given, else to Playwright's en-US.
    /// </summary>
    public static async Task<BrowserSession> StartAsync(string baseUrl, ITestOutputHelper output, string? locale = null)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 900 }, Locale = locale });
        return new BrowserSession(playwright, browser, context, await context.NewPageAsync(), output);
    }

    /// <summary>
    /// Opens <paramref name="path"/>, which sends a stranger to Identity's sign-in (English); signs in and lands back on
    /// it, where the portal's sign-out button reads <paramref name="signOut"/> in the browser's language.
    /// </summary>
    public async Task SignInAsync(string email, string path, string heading, string signOut = "Sign out")
    {
        await Checks.VisitAsync("sign-in", "Sign in", () => Page.GotoAsync(path));
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(Password);
        await Checks.VisitAsync(heading, heading, () => Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync());
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = signOut })).ToBeVisibleAsync();
    }

    /// <summary>The portal's session cookie (chunked when large: the chunks joined).</summary>
    public async Task<string> PortalCookieAsync() =>
        string.Concat((await Context.CookiesAsync()).Where(c => c.Name.StartsWith("symbiosis.portal", StringComparison.Ordinal)).OrderBy(c => c.Name).Select(c => c.Value));

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
