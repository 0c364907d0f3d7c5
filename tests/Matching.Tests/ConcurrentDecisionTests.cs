using System.Net;
using System.Text.Json;
using Marketplace.Matching.Data;
using Marketplace.Matching.Matches;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Matching.Tests;

/// <summary>
/// Matching re-scores a match whenever one of its listings or organisations changes, in a consumer that writes the
/// same row a party's decision writes. A decision that collides with such a write is applied again on the fresh row;
/// only a row that keeps changing answers 409 (never 500) and then nothing of the decision is stored.
/// </summary>
public sealed class ConcurrentDecisionTests(ConcurrentDecisionTests.Factory factory) : IClassFixture<ConcurrentDecisionTests.Factory>
{
    [Fact]
    public async Task Interest_that_collides_with_a_rescoring_write_is_applied_on_the_fresh_row()
    {
        var (client, matchId) = await PairAsync("Collide");
        factory.Collisions.Arm(matchId, times: 2);
        using var response = await client.PostAsync($"/api/v1/matches/{matchId}/interest", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("accepted", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
        Assert.Equal(2, factory.Collisions.Staged);
        Assert.Equal(MatchStatuses.Accepted, (await StoredAsync(matchId)).Status);
    }

    [Fact]
    public async Task A_match_that_keeps_changing_answers_409_and_stores_nothing_of_the_decision()
    {
        var (client, matchId) = await PairAsync("Churn");
        factory.Collisions.Arm(matchId, times: 100);
        using var response = await client.PostAsync($"/api/v1/matches/{matchId}/interest", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        factory.Collisions.Disarm();
        var stored = await StoredAsync(matchId);
        Assert.Equal(MatchStatuses.Suggested, stored.Status);
        Assert.Equal(MatchStatuses.Suggested, stored.OfferInterest);

        // and once the row is quiet again the same request goes through
        using var retried = await client.PostAsync($"/api/v1/matches/{matchId}/interest", null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    private async Task<(HttpClient Client, Guid MatchId)> PairAsync(string tag)
    {
        var client = await factory.OperatorClientAsync();
        var power = await Api.RegisterAsync(client, $"{tag} Power", "35.11");
        var cement = await Api.RegisterAsync(client, $"{tag} Cement", "23.51");
        var offer = await Api.CreateListingAsync(client, power, "offer", "Dry fly ash", "Pulverised fuel ash from coal units.", ewcCode: "10 01 02");
        var want = await Api.CreateListingAsync(client, cement, "want", "Fly ash for cement", "Pozzolan for clinker substitution.");
        var match = await Api.WaitForMatchAsync(client, want, offer);
        var matchId = match.GetProperty("matchId").GetGuid();

        // Wait until both listings' consumers are done with the row, so the only writer left is the one staged below.
        await Settled(async () => (await StoredAsync(matchId)).Version, polls: 5);
        return (client, matchId);
    }

    private async Task<Match> StoredAsync(Guid matchId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MatchingDbContext>().Matches.AsNoTracking().SingleAsync(m => m.Id == matchId);
    }

    public sealed class Factory() : StandaloneFactory("matching-conflicts")
    {
        public Collider Collisions { get; } = new();

        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Outbox:PollInterval", "00:00:00.100")];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureDbContext<SqliteMatchingDbContext>(o => o.AddInterceptors(Collisions)));
        }
    }

    /// <summary>
    /// Just before a save that modifies the armed match, another connection bumps the row's version, as a consumer
    /// re-scoring the match would: the save then finds the row changed under it.
    /// </summary>
    public sealed class Collider : SaveChangesInterceptor
    {
        private Guid target;
        private int remaining;
        private int staged;

        public int Staged => Volatile.Read(ref staged);

        public void Arm(Guid matchId, int times)
        {
            target = matchId;
            staged = 0;
            Volatile.Write(ref remaining, times);
        }

        public void Disarm() => Volatile.Write(ref remaining, 0);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var context = eventData.Context;
            if (context is not null && Volatile.Read(ref remaining) > 0
                && context.ChangeTracker.Entries<Match>().Any(e => e.State == EntityState.Modified && e.Entity.Id == target)
                && Interlocked.Decrement(ref remaining) >= 0)
            {
                await using var other = new SqliteConnection(context.Database.GetConnectionString());
                await other.OpenAsync(cancellationToken);
                await using var bump = other.CreateCommand();
                bump.CommandText = "UPDATE Matches SET Version = Version + 1 WHERE upper(Id) = upper($id)";
                bump.Parameters.AddWithValue("$id", target.ToString());
                Assert.Equal(1, await bump.ExecuteNonQueryAsync(cancellationToken));
                Interlocked.Increment(ref staged);
            }

            return result;
        }
    }
}
