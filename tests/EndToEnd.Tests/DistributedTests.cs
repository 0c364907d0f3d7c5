using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace EndToEnd.Tests;

[Collection(DistributedCollection.Name)]
public sealed class DistributedTests(DistributedFixture fixture, ITestOutputHelper output)
{
    [RabbitMqFact]
    public async Task A_listing_posted_through_the_gateway_reaches_matching_over_rabbitmq()
    {
        output.WriteLine($"distributed start to ready (gateway and four services): {fixture.StartToReady.TotalMilliseconds:0} ms");
        using var client = await Api.OperatorClientAsync(fixture.GatewayUrl);
        var supplier = await Api.RegisterAsync(client, "Dist Power", "35.11");
        var receiver = await Api.RegisterAsync(client, "Dist Cement", "23.51");
        var offer = await Api.CreateListingAsync(client, supplier, "offer", "Dry fly ash", "Pulverised fuel ash from coal units.");
        var want = await Api.CreateListingAsync(client, receiver, "want", "Fly ash for cement", "Cement works needs fly ash.");
        TimeSpan latency;
        try
        {
            latency = await Api.WaitForMatchAsync(client, want, offer, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n--- listings ---\n{fixture.Services["listings"].Tail()}\n--- matching ---\n{fixture.Services["matching"].Tail()}", ex);
        }

        output.WriteLine($"distributed POST want -> offer in its matches: {latency.TotalMilliseconds:0} ms");
    }

    [RabbitMqFact]
    public async Task Events_produced_while_the_consumer_or_the_broker_is_down_are_delivered_exactly_once_in_effect()
    {
        using var client = await Api.OperatorClientAsync(fixture.GatewayUrl);
        var org = await Api.RegisterAsync(client, "Fault Co", "38.21");
        var matching = fixture.Services["matching"];
        var posted = new List<Guid>();

        // 1. The consuming service is down: events wait in its durable queue.
        matching.Stop();
        for (var i = 0; i < 15; i++)
        {
            posted.Add(await Api.CreateListingAsync(client, org, i % 2 == 0 ? "offer" : "want", $"Consumer outage listing {i}", "Sawdust and wood shavings."));
        }

        matching.Start();
        await matching.WaitReadyAsync(TimeSpan.FromSeconds(60));

        // 2. The broker is down for this deployment: every connection it had drops and new ones are refused, as when
        // the broker stops (the node itself keeps serving the other test assemblies, which stopping it would break).
        // Listings still accepts writes; the events wait in its outbox table.
        var broker = fixture.Broker!;
        var before = broker.Accepted;
        broker.Cut();
        try
        {
            for (var i = 0; i < 15; i++)
            {
                posted.Add(await Api.CreateListingAsync(client, org, i % 2 == 0 ? "offer" : "want", $"Broker outage listing {i}", "Spent grain from brewing."));
            }

            // Stay down a while, so the services' reconnect attempts are refused for real; the outage is real only if
            // the events are still waiting in the outbox by then.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var waiting = Scalar(Path.Combine(fixture.DataDir, "listings", "listings.db"), "SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NULL");
            Assert.True(waiting >= 15, $"only {waiting} events waited in the outbox during the broker outage");
        }
        finally
        {
            broker.Restore();
        }

        output.WriteLine($"broker outage for this deployment: connections dropped and refused for {posted.Count - 15} posts and 3 s, then accepted again");

        var deadline = DateTime.UtcNow.AddSeconds(180);
        var pending = posted.ToList();
        while (pending.Count > 0 && DateTime.UtcNow < deadline)
        {
            var known = new List<Guid>();
            foreach (var id in pending)
            {
                if (await Api.MatchingKnowsAsync(client, id))
                {
                    known.Add(id);
                }
            }

            pending.RemoveAll(known.Contains);
            if (pending.Count > 0)
            {
                await Task.Delay(500);
            }
        }

        Assert.True(pending.Count == 0, $"{pending.Count} of {posted.Count} listings never reached Matching.\n--- listings ---\n{fixture.Services["listings"].Tail()}\n--- matching ---\n{matching.Tail()}");
        Assert.True(broker.Accepted > before, "the services never reconnected to the broker after the outage");

        // Exactly once in effect: one inbox row per listing event, one copy of each listing, no event left unsent.
        // The barrier: Listings' outbox has handed everything over and Matching's queues are empty with nothing
        // unacknowledged, so no copy of an event can still arrive.
        await BrokerSettledAsync(TimeSpan.FromSeconds(60));
        var ids = string.Join(",", posted.Select(p => $"'{p.ToString().ToUpperInvariant()}'"));
        Assert.Equal(posted.Count, Scalar(Path.Combine(fixture.DataDir, "matching", "matching.db"), $"SELECT COUNT(*) FROM Listings WHERE Id IN ({ids})"));
        Assert.Equal(0, Scalar(Path.Combine(fixture.DataDir, "matching", "matching.db"),
            "SELECT COUNT(*) FROM (SELECT MessageId FROM InboxMessages GROUP BY MessageId, Consumer HAVING COUNT(*) > 1)"));
        Assert.Equal(0, Scalar(Path.Combine(fixture.DataDir, "listings", "listings.db"), "SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NULL"));
        var published = Scalar(Path.Combine(fixture.DataDir, "listings", "listings.db"),
            $"SELECT COUNT(*) FROM OutboxMessages WHERE AggregateId IN ({string.Join(",", posted.Select(p => $"'{p}'"))})");
        var consumed = Scalar(Path.Combine(fixture.DataDir, "matching", "matching.db"), "SELECT COUNT(*) FROM InboxMessages WHERE Consumer = 'ListingPublishedConsumer'");
        Assert.Equal(posted.Count, published);
        Assert.True(consumed >= posted.Count, $"{consumed} ListingPublished handled for {posted.Count} listings");
    }

    private async Task BrokerSettledAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var listingsDb = Path.Combine(fixture.DataDir, "listings", "listings.db");
        while (true)
        {
            var (exitCode, queues) = RabbitMq.Ctl("list_queues", "-p", fixture.VirtualHost, "name", "messages_ready", "messages_unacknowledged", "--quiet", "--no-table-headers");
            var busy = queues.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split('\t', ' '))
                .Any(f => f.Length >= 3 && f[0].StartsWith("matching-listing-", StringComparison.Ordinal) && !f[0].Contains('_', StringComparison.Ordinal) && (f[^2] != "0" || f[^1] != "0"));
            if (exitCode == 0 && !busy && Scalar(listingsDb, "SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NULL") == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the broker did not settle: {queues}");
            }

            await Task.Delay(200);
        }
    }

    private static long Scalar(string dbFile, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={dbFile};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
