using System.Diagnostics;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace Marketplace.Portal.Tests;

/// <summary>What every visited page must pass: axe-core with no serious or critical violation; and its timing, printed.</summary>
public sealed class PageChecks(IPage page, ITestOutputHelper output)
{
    public List<(string Page, long Milliseconds, int Serious)> Visited { get; } = [];

    /// <summary>Runs <paramref name="navigate"/>, waits for the page's h1 to read <paramref name="heading"/>, then checks it.</summary>
    public async Task VisitAsync(string name, string heading, Func<Task> navigate)
    {
        var clock = Stopwatch.StartNew();
        await navigate();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        clock.Stop();
        await CheckAsync(name, clock.ElapsedMilliseconds);
    }

    public async Task CheckAsync(string name, long milliseconds)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Visited.Add((name, milliseconds, serious.Count));
        output.WriteLine($"page {name,-22} {milliseconds,5} ms  axe: {result.Violations.Length} violations{(result.Violations.Length == 0 ? "" : " (" + string.Join(", ", result.Violations.Select(v => $"{v.Id} {v.Impact}")) + ")")}, {serious.Count} serious/critical ({page.Url})");
        Assert.True(serious.Count == 0, $"{name}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
    }

    /// <summary>The page at desktop and phone width, kept as CI artifacts; at 360 px nothing may stick out sideways.</summary>
    public async Task ScreenshotsAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("MARKETPLACE_ARTIFACTS_DIR") ?? Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + "-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(360, 800);
        if (!await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"))
        {
            // Name the widest culprits, so the failure says what to fix.
            var wide = await page.EvaluateAsync<string[]>(
                "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361 && !e.closest('.table-scroll')).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
            Assert.Fail($"{name} scrolls sideways at 360 px: {string.Join("; ", wide)}");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + "-360.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);
        output.WriteLine($"{name}: screenshots in {folder}");
    }
}
