using System.Diagnostics;
using System.Globalization;
using System.Net;
using Marketplace.Identity;
using Marketplace.Portal.Bench;

// The company portal's pages as a signed-in company user sees them: the real standalone host on Kestrel with the demo
// data, the OpenID Connect sign-in done as a browser does it (cookies, redirects, the login form), then every page
// fetched in turn, timed from request to the last byte of HTML. Usage:
//   dotnet run -c Release --project bench/Portal.Bench -- [--existing 100000] [--rounds 40] [--operator]
// --operator measures the operator console's pages instead, signed in as the demo operator.
// --existing adds that many published listings of 20 other companies to Listings' database first (straight through
// its DbContext, as bench/Listings.Bench does: Matching does not learn of them).
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var existing = int.Parse(Option("--existing") ?? "0", CultureInfo.InvariantCulture);
var rounds = int.Parse(Option("--rounds") ?? "40", CultureInfo.InvariantCulture);
var console = args.Contains("--operator");

await using var host = new PortalBenchHost();
await host.StartAsync();
if (existing > 0)
{
    Console.WriteLine($"Seeding {existing:N0} listings...");
    var seeding = Stopwatch.StartNew();
    await CatalogueSeeder.SeedAsync(host.Services, [.. Enumerable.Range(0, 20).Select(_ => Guid.CreateVersion7())], existing, new Random(42));
    Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:F1} s");
}

// The demo company with the most to show: the first whose deals page lists a deal (every page then has content).
HttpClient? browser = null;
IReadOnlyList<string> pages = [];
if (console)
{
    browser = await PortalBrowser.SignInAsync(host.BaseUrl, DemoCompanies.OperatorEmail, DemoCompanies.DemoPassword);
    pages = await PortalBrowser.OperatorPagesAsync(browser);
    Console.WriteLine($"Signed in as {DemoCompanies.OperatorEmail}; {pages.Count} console pages");
}

foreach (var company in console ? [] : DemoCompanies.All)
{
    browser?.Dispose();
    browser = await PortalBrowser.SignInAsync(host.BaseUrl, company.UserEmail, DemoCompanies.DemoPassword);
    pages = await PortalBrowser.PagesAsync(browser);
    Console.WriteLine($"Signed in as {company.UserEmail}; {pages.Count} pages");
    if (pages.Any(p => p.StartsWith("/deals/", StringComparison.Ordinal)))
    {
        break;
    }
}

Console.WriteLine($"{rounds} rounds (+3 warm-up) of every page");

var timings = pages.ToDictionary(p => p, _ => new List<double>());
for (var round = 0; round < rounds + 3; round++)
{
    foreach (var page in pages)
    {
        var clock = Stopwatch.StartNew();
        using var response = await browser!.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        clock.Stop();
        if (response.StatusCode != HttpStatusCode.OK || !html.Contains("<h1", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{page} answered {(int)response.StatusCode} without a page heading.");
        }

        if (round >= 3)
        {
            timings[page].Add(clock.Elapsed.TotalMilliseconds);
        }
    }
}

var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[..3] : ["?", "?", "?"];
Console.WriteLine();
Console.WriteLine($"Portal pages{(console ? " (operator console)" : "")} — demo data{(existing > 0 ? $" + {existing:N0} listings" : "")}, standalone on Kestrel, {Environment.ProcessorCount} cores, load average {string.Join(" / ", load)}");
Console.WriteLine($"{"page",-34} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
foreach (var (page, samples) in timings)
{
    samples.Sort();
    Console.WriteLine($"{PortalBrowser.Name(page),-34} {Percentile(samples, 0.50),8:F1} {Percentile(samples, 0.95),8:F1} {samples[^1],8:F1}");
}

var all = timings.Values.SelectMany(v => v).Order().ToList();
Console.WriteLine($"{"all pages",-34} {Percentile(all, 0.50),8:F1} {Percentile(all, 0.95),8:F1} {all[^1],8:F1}");
browser?.Dispose();
return 0;

static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
