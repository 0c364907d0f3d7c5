using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Security.Tests;

/// <summary>
/// The operator's pipeline through the real flows, in both modes: an open suggestion shows with both sides, filters
/// narrow it, a nudge reaches both sides' people once per nudge (a retried nudge once), an archive takes it out without
/// speaking for anyone, and companies cannot read or act on the pipeline.
/// </summary>
public abstract class PipelineTests(MarketplaceUnderTest marketplace)
{
    [ModeFact]
    public async Task The_operator_finds_an_open_suggestion_nudges_both_sides_once_and_archives_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (supplierOrg, supplierEmail, supplierPassword) = await marketplace.CompanyWithAdminAsync("Pipeline Power " + tag);
        var (_, receiverEmail, receiverPassword) = await marketplace.CompanyWithAdminAsync("Pipeline Cement " + tag);
        using var supplier = await NotificationTests.PersonAsync(marketplace, supplierEmail, supplierPassword);
        using var receiver = await NotificationTests.PersonAsync(marketplace, receiverEmail, receiverPassword);
        var offer = await WebhookTests.ListingAsync(supplier, "offer", "Dry fly ash " + tag, "Pulverised fuel ash from coal units.");
        var want = await WebhookTests.ListingAsync(receiver, "want", "Fly ash for cement " + tag, "Cement works needs fly ash.");
        using var op = await marketplace.OperatorClientAsync();

        var item = await MarketplaceUnderTest.EventuallyAsync<JsonElement?>(async () => await FindAsync(op, "stage=open&resourceClass=material&country=DK", offer, want),
            TimeSpan.FromSeconds(90));
        var matchId = item!.Value.GetProperty("matchId").GetString()!;
        Assert.Equal("Dry fly ash " + tag, item.Value.GetProperty("offer").GetProperty("title").GetString());
        Assert.Equal("Pipeline Cement " + tag, item.Value.GetProperty("want").GetProperty("organisationName").GetString());
        Assert.Equal("both", item.Value.GetProperty("waiting").GetString());
        Assert.False(item.Value.GetProperty("stalled").GetBoolean());
        Assert.EndsWith("+00:00", item.Value.GetProperty("updatedAt").GetString());
        Assert.NotNull(await FindAsync(op, $"organisationId={supplierOrg}", offer, want));
        Assert.Null(await FindAsync(op, $"organisationId={Guid.NewGuid()}", offer, want));
        Assert.Null(await FindAsync(op, "stage=open&resourceClass=energy", offer, want));
        Assert.Null(await FindAsync(op, "stage=open&sector=99", offer, want));
        Assert.Null(await FindAsync(op, "stage=open&stalledOnly=true", offer, want));

        // A nudge with a note: each side hears it once, also when the client retries with the same key.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/matches/{matchId}/nudge") { Content = JsonContent.Create(new { note = "Could you answer by Friday?" }) };
            request.Headers.Add("Idempotency-Key", "nudge-" + tag);
            using var nudged = await op.SendAsync(request);
            Assert.Equal("suggested", (await nudged.ExpectAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        }

        var notice = await NotificationTests.NoticeAsync(receiver, "match.nudge", matchId);
        Assert.Equal("Could you answer by Friday?", notice.GetProperty("detail").GetString());
        Assert.Equal($"/matches/{matchId}", notice.GetProperty("link").GetString());
        await NotificationTests.NoticeAsync(supplier, "match.nudge", matchId);
        Assert.Equal(1, await NotificationTests.CountAsync(receiver, "match.nudge", matchId));
        var afterNudge = await FindAsync(op, "stage=open", offer, want);
        Assert.NotEqual(JsonValueKind.Null, afterNudge!.Value.GetProperty("nudgedAt").ValueKind);

        // Companies neither read the pipeline nor nudge or archive.
        using (var foreign = await receiver.GetAsync("/api/v1/pipeline"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        }

        using (var foreignNudge = await receiver.PostAsJsonAsync($"/api/v1/matches/{matchId}/nudge", new { note = "x" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, foreignNudge.StatusCode);
        }

        // Archived: withdrawn with the facilitator's reason, out of the pipeline; again the same; no more nudges.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var archived = await op.PostAsJsonAsync($"/api/v1/matches/{matchId}/archive", new { reason = "Duplicate of an earlier exchange" });
            var body = await archived.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("withdrawn", body.GetProperty("status").GetString());
            Assert.Equal("Archived by the facilitator: Duplicate of an earlier exchange", body.GetProperty("declineReason").GetString());
            Assert.Equal("suggested", body.GetProperty("offerInterest").GetString());
        }

        Assert.Null(await FindAsync(op, "stage=open", offer, want));
        using var late = await op.PostAsJsonAsync($"/api/v1/matches/{matchId}/nudge", new { note = "late" });
        Assert.Equal("Match not open", (await late.ExpectAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
    }

    [ModeFact]
    public async Task Bad_pipeline_parameters_are_named()
    {
        using var op = await marketplace.OperatorClientAsync();
        foreach (var (query, name) in new[] { ("stage=declined", "stage"), ("resourceClass=gold", "resourceClass"), ("sector=C10", "sector"),
                     ("country=dk", "country"), ("stalledDays=0", "stalledDays"), ("limit=101", "limit"), ("cursor=nope", "cursor") })
        {
            using var response = await op.GetAsync("/api/v1/pipeline?" + query);
            var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(name, out _), $"{query}: {problem}");
        }
    }

    /// <summary>Walks the pipeline's pages (the newest match is among the last) for the pair; null when it is not there.</summary>
    private static async Task<JsonElement?> FindAsync(HttpClient op, string query, Guid offer, Guid want)
    {
        string? cursor = null;
        do
        {
            using var response = await op.GetAsync($"/api/v1/pipeline?{query}&limit=100" + (cursor is null ? "" : "&cursor=" + cursor));
            var page = await response.ExpectAsync(HttpStatusCode.OK);
            var found = page.GetProperty("items").EnumerateArray().FirstOrDefault(i =>
                i.GetProperty("offer").GetProperty("listingId").GetGuid() == offer && i.GetProperty("want").GetProperty("listingId").GetGuid() == want);
            if (found.ValueKind == JsonValueKind.Object)
            {
                return found;
            }

            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return null;
    }
}

[Collection(InProcessCollection.Name)]
public sealed class PipelineInProcessTests(InProcessMarketplace marketplace) : PipelineTests(marketplace);

[Collection(DistributedCollection.Name)]
public sealed class PipelineDistributedTests(DistributedMarketplace marketplace) : PipelineTests(marketplace), IDistributedMode;
