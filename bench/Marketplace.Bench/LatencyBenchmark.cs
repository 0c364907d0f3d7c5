using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Bench;

/// <summary>
/// Time from POST /api/v1/listings (a want) until its complementary offer is readable in its matches. The offer is
/// posted just before the want, so Matching may still be working on it when the want arrives; with
/// <paramref name="settle"/> the clock starts only once Matching knows the offer (one listing's way, as an outside
/// probe of a single POST sees it). Besides the total it prints when the POST answered and when Matching knew the want.
/// </summary>
public static class LatencyBenchmark
{
    public static async Task<int> RunAsync(string url, int samples, bool settle = false)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "demo-operator", ["client_secret"] = "demo-operator-secret",
        }));
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());

        var supplier = await IdAsync(await http.PostAsJsonAsync("/api/v1/organisations", new { name = "Bench supplier", country = "DK", naceCode = "35.11" }));
        var receiver = await IdAsync(await http.PostAsJsonAsync("/api/v1/organisations", new { name = "Bench receiver", country = "DK", naceCode = "23.51" }));
        var (times, posted, known) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < samples + 3; i++)
        {
            var tag = $"bench{Guid.NewGuid():N}"[..14];
            var offer = await IdAsync(await http.PostAsJsonAsync("/api/v1/listings", Listing(supplier, "offer", $"Fly ash lot {tag}", $"Dry fly ash {tag}")));
            while (settle && !await KnownAsync(http, offer))
            {
                await Task.Delay(5);
            }

            var watch = Stopwatch.StartNew();
            var want = await IdAsync(await http.PostAsJsonAsync("/api/v1/listings", Listing(receiver, "want", $"Fly ash wanted {tag}", $"Pozzolan {tag} for cement")));
            var (postedAt, knownAt) = (watch.Elapsed.TotalMilliseconds, (double?)null);
            while (true)
            {
                using var response = await http.GetAsync($"/api/v1/listings/{want}/matches?limit=25");
                knownAt ??= response.IsSuccessStatusCode ? watch.Elapsed.TotalMilliseconds : null;
                if (response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")
                        .EnumerateArray().Any(x => x.GetProperty("listingId").GetGuid() == offer))
                {
                    break;
                }

                if (watch.Elapsed > TimeSpan.FromSeconds(30))
                {
                    Console.WriteLine("a sample timed out");
                    return 1;
                }

                await Task.Delay(5);
            }

            if (i >= 3)
            {
                times.Add(watch.Elapsed.TotalMilliseconds); // the first few warm up JIT, token keys and topology
                posted.Add(postedAt);
                known.Add(knownAt ?? watch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"POST want -> offer readable in its matches, {times.Count} samples against {url}" + (settle ? ", each offer known to Matching first" : ""));
        Print("POST answered", posted);
        Print("want known to Matching (matches 200)", known);
        Print("offer readable in the want's matches", times);
        return 0;
    }

    private static async Task<bool> KnownAsync(HttpClient http, Guid listing)
    {
        using var response = await http.GetAsync($"/api/v1/listings/{listing}/matches?limit=1");
        return response.IsSuccessStatusCode;
    }

    private static void Print(string phase, List<double> values)
    {
        values.Sort();
        Console.WriteLine($"  {phase}: p50 {Percentile(values, 0.50):0} ms, p95 {Percentile(values, 0.95):0} ms, max {values[^1]:0} ms");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }

    private static object Listing(Guid organisationId, string kind, string title, string description) => new
    {
        organisationId, kind, resourceClass = "material", title, description,
        quantity = new { amount = 100, unit = "t", per = "month" },
        location = new { lat = 55.6, lon = 11.1, country = "DK" },
    };
}
