using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Identity;
using Marketplace.Listings.Contracts;
using Marketplace.ServiceDefaults;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Marketplace.Standalone;

/// <summary>
/// First start of a demo run: demo companies and users in Identity, then realistic listings posted through the
/// public API with the demo operator client, so they travel the same path (outbox, bus, index) as real ones.
/// </summary>
internal static class DemoSeeder
{
    private const string Marker = "demo-seeded";

    public static void ScheduleAfterStart(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            var baseUrl = BaseUrl(app);
            var demo = app.Configuration.IsDemo(app.Environment);
            try
            {
                if (demo && app.Configuration.GetValue("Marketplace:SeedDemoData", true))
                {
                    await SeedAsync(app, baseUrl);
                }
            }
            catch (Exception ex)
            {
                app.Logger.LogError(ex, "Seeding demo data failed");
            }

            var dataDir = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MarketplaceOptions>>().Value.ResolveDataDir();
            PrintBanner(baseUrl, demo, demoPeople: demo && File.Exists(Path.Combine(dataDir, Marker)));
        }));
    }

    private static async Task SeedAsync(WebApplication app, string baseUrl)
    {
        var dataDir = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MarketplaceOptions>>().Value.ResolveDataDir();
        var marker = Path.Combine(dataDir, Marker);
        if (File.Exists(marker))
        {
            return;
        }

        await DemoCompanies.SeedAsync(app.Services, app.Lifetime.ApplicationStopping);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var tokenResponse = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = IdentitySeeder.DemoClientId,
            ["client_secret"] = IdentitySeeder.DemoClientSecret,
        }));
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var ids = new List<Guid>();
        foreach (var listing in DemoListings.All)
        {
            using var response = await http.PostAsJsonAsync("/api/v1/listings", listing);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Demo listing: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        // The banner follows seeding: by then every demo listing has reached Matching, so a reader's first want
        // is matched against them, not against an index still catching up.
        await WaitUntilMatchedAsync(http, ids, app.Lifetime.ApplicationStopping);

        // A fee plan in force today under the default code, so terms, contracts and billing runs work at once.
        using (var plan = await http.PostAsJsonAsync("/api/v1/fee-plans", DemoFeePlan(DateOnly.FromDateTime(DateTime.UtcNow))))
        {
            if (!plan.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Demo fee plan: {(int)plan.StatusCode} {await plan.Content.ReadAsStringAsync()}");
            }
        }

        // The territory's outline and what the demo companies' facilities reported, for the operator's map and estimates.
        await DemoTerritory.SeedAsync(http, app.Lifetime.ApplicationStopping);

        // One deal with deliveries and an invoice, so the deal pages and the dashboard have something to show.
        try
        {
            await DemoDeal.SeedAsync(http, baseUrl, offer: ids[DemoListings.SpentGrain], want: ids[DemoListings.PigFeed],
                app.Services.GetRequiredService<TimeProvider>(), app.Lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TimeoutException)
        {
            app.Logger.LogWarning("The demo deal was not seeded: {Reason}", ex.Message);
        }

        await File.WriteAllTextAsync(marker, DateTime.UtcNow.ToString("O"));
        app.Logger.LogInformation("Demo data seeded: {Companies} companies, {Listings} listings", DemoCompanies.All.Count, DemoListings.All.Count);
    }

    private static async Task WaitUntilMatchedAsync(HttpClient http, List<Guid> ids, CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        foreach (var id in ids)
        {
            while (true)
            {
                using var response = await http.GetAsync($"/api/v1/listings/{id}/matches?limit=1", timeout.Token);
                if (response.StatusCode != System.Net.HttpStatusCode.NotFound)
                {
                    response.EnsureSuccessStatusCode();
                    break;
                }

                await Task.Delay(50, timeout.Token);
            }
        }
    }

    /// <summary>The <c>standard</c> plan of docs/api.md, in force from the first of this year.</summary>
    internal static object DemoFeePlan(DateOnly today) => new
    {
        code = "standard", name = $"Standard {today.Year}", currency = "EUR", effectiveFrom = new DateOnly(today.Year, 1, 1),
        percentOfValue = 2.0m, amountPerUnit = 1.0m, perUnit = Units.Tonne, successFee = 250m, monthlyMembership = 49m,
        minimumPerInvoice = 25m, maximumPerInvoice = 5000m, payer = "split", supplierShare = 0.5m,
    };

    private static string BaseUrl(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = addresses.FirstOrDefault() ?? "http://localhost:5080";
        return first.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal);
    }

    /// <summary>What is true of this run: the demo client only in demo mode, the demo people only where they were seeded.</summary>
    private static void PrintBanner(string baseUrl, bool demo, bool demoPeople)
    {
        Console.WriteLine();
        Console.WriteLine("  Symbiosis Marketplace is running (standalone)");
        Console.WriteLine($"    Portal:         {baseUrl}/   (open it in a browser and sign in)");
        Console.WriteLine($"    API base URL:   {baseUrl}");
        Console.WriteLine($"    Health:         {baseUrl}/health/ready");
        Console.WriteLine($"    Token endpoint: {baseUrl}/connect/token");
        Console.WriteLine($"    API reference:  {baseUrl}/scalar/v1  (OpenAPI: {baseUrl}/openapi/v1.json)");
        Console.WriteLine("    Docs:           README.md, docs/api.md, docs/partners.md, docs/operations.md");
        if (!demo)
        {
            Console.WriteLine("  No demo client. First run? Create the operator: setup operator --email ... --organisation ... (docs/operations.md)");
        }
        else
        {
            Console.WriteLine("  Demo API client (client credentials grant, operator role, all scopes):");
            Console.WriteLine($"    client_id={IdentitySeeder.DemoClientId}  client_secret={IdentitySeeder.DemoClientSecret}");
        }

        if (demoPeople)
        {
            Console.WriteLine("  Demo sign-ins (password for all: " + DemoCompanies.DemoPassword + "):");
            Console.WriteLine($"    {DemoCompanies.OperatorEmail,-36} operator");
            foreach (var company in DemoCompanies.All)
            {
                Console.WriteLine($"    {company.UserEmail,-36} admin of {company.Name}");
            }
        }

        Console.WriteLine();
    }
}
