using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Marketplace.Standalone;

/// <summary>
/// The demo territory: its outline (knowledge/demo/kalundborg-holbaek.geojson, drawn by hand) and a small extract of
/// facility facts for the demo companies (knowledge/demo/facility-facts.csv, illustrative figures), through the public API
/// as an operator would upload them.
/// </summary>
internal static class DemoTerritory
{
    public static readonly Guid Id = Guid.Parse("0199a000-0000-7000-8000-000000000901");

    public static async Task SeedAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var boundary = JsonDocument.Parse(Read("demo-territory.geojson"));
        using (var territory = await http.PutAsJsonAsync($"/api/v1/territories/{Id}", new { name = "Kalundborg-Holbæk", boundary = boundary.RootElement },
            cancellationToken))
        {
            await EnsureAsync(territory, "Demo territory");
        }

        using var facts = await http.PostAsync("/api/v1/facility-facts/import", new StringContent(Read("demo-facility-facts.csv"), Encoding.UTF8, "text/csv"),
            cancellationToken);
        await EnsureAsync(facts, "Demo facility facts");
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static string Read(string name)
    {
        using var stream = typeof(DemoTerritory).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
