using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace EndToEnd.Tests;

/// <summary>
/// <c>kill -9</c> of the standalone host in the middle of a burst of listing writes, then a restart on the same data
/// directory: every write that was answered 201 must reach Matching (issue 11, point 1), and every key of the burst,
/// retried, answers without duplicating anything: none stays "still being processed" (point 2).
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Writes = 240;
    private const int KillAfter = 100;

    [Fact]
    public async Task After_a_kill_9_mid_burst_every_acknowledged_listing_reaches_matching_and_no_key_is_stuck_or_duplicated()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "standalone-crash-" + Guid.NewGuid().ToString("N"));
        var dll = Repo.Dll("standalone/Marketplace.Standalone", "Marketplace.Standalone");
        var environment = new Dictionary<string, string> { ["Edge__RateLimit__Enabled"] = "false" };
        var acknowledged = new ConcurrentDictionary<int, Guid>();
        Guid supplier, receiver;
        using (var host = new HostProcess("crash-before", dll, $"http://127.0.0.1:{Repo.FreePort()}", environment, dataDir, "--demo", "--no-demo", "--data-dir", dataDir))
        {
            host.Start();
            await host.WaitReadyAsync(TimeSpan.FromSeconds(180));
            using var client = await Api.OperatorClientAsync(host.Url);
            supplier = await Api.RegisterAsync(client, "Crash Steel", "24.10");
            receiver = await Api.RegisterAsync(client, "Crash Cement", "23.51");

            using var killed = new CancellationTokenSource();
            await Parallel.ForEachAsync(Enumerable.Range(0, Writes), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            {
                if (killed.IsCancellationRequested)
                {
                    return;
                }

                try
                {
                    using var response = await CreateAsync(client, i % 2 == 0 ? supplier : receiver, i, killed.Token);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged[i] = await IdAsync(response);
                        if (acknowledged.Count == KillAfter)
                        {
                            host.Stop(); // SIGKILL: no shutdown, no flush
                            killed.Cancel();
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    // cut off by the kill: not acknowledged, so not counted
                }
            });
        }

        output.WriteLine($"acknowledged before the kill: {acknowledged.Count}");
        Assert.True(acknowledged.Count >= KillAfter, $"only {acknowledged.Count} writes were acknowledged");

        using (var host = new HostProcess("crash-after", dll, $"http://127.0.0.1:{Repo.FreePort()}", environment, dataDir, "--demo", "--no-demo", "--data-dir", dataDir))
        {
            host.Start();
            await host.WaitReadyAsync(TimeSpan.FromSeconds(180));
            using var client = await Api.OperatorClientAsync(host.Url);

            // positive barrier: poll until Matching knows every acknowledged listing, or the bound passes
            var missing = acknowledged.Values.ToHashSet();
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (missing.Count > 0 && DateTime.UtcNow < deadline)
            {
                foreach (var id in missing.ToList())
                {
                    if (await Api.MatchingKnowsAsync(client, id))
                    {
                        missing.Remove(id);
                    }
                }

                if (missing.Count > 0)
                {
                    await Task.Delay(250);
                }
            }

            output.WriteLine($"acknowledged listings never reached Matching after the restart: {missing.Count} of {acknowledged.Count}");
            Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged listings never reached Matching. {host.Tail()}");

            // Every key of the burst retried: an acknowledged one replays its answer, one cut off by the kill is free
            // again once its lease lapses and runs once, one never sent runs now.
            var stuck = new List<int>();
            var writes = new Dictionary<int, Guid>();
            var applied = 0;
            for (var i = 0; i < Writes; i++)
            {
                var (status, body) = await RetryAsync(client, i % 2 == 0 ? supplier : receiver, i);
                if (status == HttpStatusCode.Conflict && body.Contains("already applied", StringComparison.Ordinal))
                {
                    applied++; // cut off by the kill after its write committed: recognised by its marker, not run again
                    continue;
                }

                if (status == HttpStatusCode.Conflict)
                {
                    stuck.Add(i);
                    continue;
                }

                Assert.True(status == HttpStatusCode.Created, $"key crash-{i}: {(int)status} {body}");
                writes[i] = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
                if (acknowledged.TryGetValue(i, out var first))
                {
                    Assert.Equal(first, writes[i]);
                }
            }

            output.WriteLine($"keys still 'being processed' after the restart and the lease: {stuck.Count} of {Writes}; 'already applied': {applied}");
            Assert.Empty(stuck);

            // The answers are lost (as if the process had died between each write's commit and its stored answer):
            // the retries find the marker the writes committed and run nothing again.
            using (var idempotency = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataDir, "idempotency.db")}"))
            {
                idempotency.Open();
                using var delete = idempotency.CreateCommand();
                delete.CommandText = "DELETE FROM IdempotencyRecords";
                delete.ExecuteNonQuery();
            }

            foreach (var i in writes.Keys.Where(k => k % 7 == 0))
            {
                using var again = await CreateAsync(client, i % 2 == 0 ? supplier : receiver, i, CancellationToken.None);
                var text = await again.Content.ReadAsStringAsync();
                Assert.True(again.StatusCode == HttpStatusCode.Conflict && text.Contains("already applied", StringComparison.Ordinal), $"key crash-{i}: {(int)again.StatusCode} {text}");
                Assert.Contains(writes[i].ToString(), text, StringComparison.Ordinal);
            }

            var listed = await ListAsync(client, supplier);
            listed.AddRange(await ListAsync(client, receiver));
            output.WriteLine($"listings after the retries: {listed.Count} for {Writes} keys");
            Assert.Equal(Writes, listed.Count);
            Assert.Equal(Writes, listed.Distinct().Count());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, Guid organisationId, int i, CancellationToken cancellationToken)
    {
        var offer = i % 2 == 0;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/listings")
        {
            Content = JsonContent.Create(new
            {
                organisationId,
                kind = offer ? "offer" : "want",
                resourceClass = "material",
                title = offer ? $"Ground granulated blast furnace slag lot {i}" : $"Slag for blended cement, batch {i}",
                description = offer ? "GGBS from our blast furnace, ground to cement fineness." : "We need ground slag (GGBS) to blend into CEM III cement.",
                quantity = new { amount = 100 + i, unit = "t", per = "year" },
                location = new { lat = 55.6, lon = 11.1, country = "DK" },
            }),
        };
        request.Headers.Add("Idempotency-Key", $"crash-{i}");
        return await client.SendAsync(request, cancellationToken);
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    /// <summary>Retries while the key answers "still being processed" (409 with Retry-After), for at most 40 s.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> RetryAsync(HttpClient client, Guid organisationId, int i)
    {
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (true)
        {
            using var response = await CreateAsync(client, organisationId, i, CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Conflict || response.Headers.RetryAfter is null || DateTime.UtcNow > deadline)
            {
                return (response.StatusCode, body);
            }

            await Task.Delay(1000);
        }
    }

    /// <summary>Every listing id of an organisation, through the paged list.</summary>
    private static async Task<List<Guid>> ListAsync(HttpClient client, Guid organisationId)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/listings?organisationId={organisationId}&limit=100" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()));
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return ids;
    }
}
