using System.Diagnostics;
using Marketplace.Listings.Data;
using Marketplace.Listings.Organisations;
using Marketplace.Listings.Territory;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The resource map's data endpoint (<c>GET /api/v1/territory/flows</c>) for a territory of 10,000 published listings and
/// 5,000 companies with NACE code, size and place (so each has estimated flows and hot spots are searched), as the
/// operator asks for it: the whole territory with every layer, and filtered to heat. Goal: p95 ≤ 200 ms.
/// </summary>
internal static class TerritoryBench
{
    private static readonly string[] NaceCodes = ["01.11", "10.51", "11.05", "16.10", "17.12", "20.13", "23.51", "24.10", "25.11", "35.11", "38.21", "41.20", "46.90", "56.10"];

    public static async Task<int> RunAsync(IServiceProvider services, HttpClient client, int listings, int companies, int queries)
    {
        var random = new Random(7);
        Console.WriteLine($"Seeding {companies:N0} companies and {listings:N0} listings in the territory...");
        var organisations = await SeedCompaniesAsync(services, companies, random);
        await CatalogueSeeder.SeedAsync(services, organisations, listings, random);

        const string Territory = "/api/v1/territory/flows?bbox=8.0,54.5,13.0,57.8";
        var size = 0L;
        for (var i = 0; i < 5; i++)
        {
            using var warm = await client.GetAsync(Territory);
            warm.EnsureSuccessStatusCode();
            size = (await warm.Content.ReadAsByteArrayAsync()).LongLength;
        }

        // Cold: the territory's data changed before every request (TerritoryAnswers retired), so each answer is computed;
        // warm: the same view again with nothing changed, answered from the kept answer.
        long overviewSize;
        using (var overview = await client.GetAsync(Territory + "&zoom=7"))
        {
            overviewSize = (await overview.Content.ReadAsByteArrayAsync()).LongLength;
        }

        var rows = new List<(string Name, (double P50, double P95, double CpuMs) Cold, (double P50, double P95, double CpuMs) Warm)>();
        foreach (var (name, query) in new[] { ($"every layer, {size / 1024.0 / 1024.0:F1} MB", Territory), ("class=energy", Territory + "&class=energy"),
            ($"zoom=7 overview (clusters over 2,000 points), {overviewSize / 1024.0:F0} KB", Territory + "&zoom=7") })
        {
            var cold = await MeasureAsync(queries, () => { TerritoryAnswers.Changed(); return client.GetAsync(query); });
            var warm = await MeasureAsync(queries, () => client.GetAsync(query));
            rows.Add((name, cold, warm));
        }

        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[..3] : ["?", "?", "?"];
        Console.WriteLine($"Machine load average at the end (1/5/15 min): {string.Join(" / ", load)} — latencies scale with it on a shared machine; process CPU per request less so");
        Console.WriteLine($"Territory benchmark — {listings:N0} listings, {companies:N0} companies, SQLite, in-process host, {Environment.ProcessorCount} cores, n={queries} each (goal p95 ≤ 200 ms)");
        foreach (var (name, cold, warm) in rows)
        {
            Console.WriteLine($"  map data, {name}:");
            Console.WriteLine($"    computed (data changed): p50 {cold.P50:F1} ms   p95 {cold.P95:F1} ms   process CPU {cold.CpuMs:F1} ms/request");
            Console.WriteLine($"    kept (unchanged):        p50 {warm.P50:F1} ms   p95 {warm.P95:F1} ms   process CPU {warm.CpuMs:F1} ms/request");
        }

        return 0;
    }

    private static async Task<List<Guid>> SeedCompaniesAsync(IServiceProvider services, int count, Random random)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ListingsDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var ids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7();
            ids.Add(id);
            db.Organisations.Add(new KnownOrganisation
            {
                Id = id, Name = $"Territory company {i}", NaceCode = NaceCodes[random.Next(NaceCodes.Length)], Country = "DK",
                Employees = 5 + random.Next(400), Lat = Math.Round(54.8 + (random.NextDouble() * 2.6), 4),
                Lon = Math.Round(8.2 + (random.NextDouble() * 4.3), 4), UpdatedAt = DateTime.UtcNow,
            });
        }

        await db.SaveChangesAsync();
        return ids;
    }

    private static async Task<(double P50, double P95, double CpuMs)> MeasureAsync(int n, Func<Task<HttpResponseMessage>> request)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var samples = new double[n];
        for (var i = 0; i < n; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await request();
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        var cpuPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / n;
        return (samples[n / 2], samples[Math.Min(n - 1, (int)(n * 0.95))], cpuPerRequest);
    }
}
