namespace Marketplace.Portal.Tests;

/// <summary>
/// Browser tests drive Debian's Chromium (Playwright cannot download its own browsers here). Without it they are
/// skipped with a message; CI sets MARKETPLACE_REQUIRE_CHROMIUM=1, which turns a missing browser into a failure.
/// </summary>
public static class Chromium
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("MARKETPLACE_CHROMIUM") ?? "/usr/bin/chromium";

    public static bool Required => Environment.GetEnvironmentVariable("MARKETPLACE_REQUIRE_CHROMIUM") == "1";

    public static string? SkipReason() =>
        File.Exists(ExecutablePath) || Required
            ? null
            : $"Skipped: no Chromium at {ExecutablePath} (apt-get install chromium, as .ci/run does; or set MARKETPLACE_CHROMIUM).";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"], // CI runs as root in a container
        });
        return (playwright, browser);
    }
}

public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        Skip = Chromium.SkipReason();
    }
}
