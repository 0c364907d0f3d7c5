using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Matching.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Security.Tests;

/// <summary>Notifications driven by the real flows: who hears what, by the portal's list and by e-mail, in both modes.</summary>
public abstract class NotificationTests(MarketplaceUnderTest marketplace)
{
    private const string PersonScopes = "openid offline_access listings.read listings.write matches.read matches.write brokerage.read brokerage.write notifications";

    [ModeFact]
    public async Task A_suggestion_and_the_other_sides_interest_reach_the_right_people_by_list_and_by_their_chosen_email()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (_, supplierEmail, supplierPassword) = await marketplace.CompanyWithAdminAsync("Notified Power " + tag);
        var (_, receiverEmail, receiverPassword) = await marketplace.CompanyWithAdminAsync("Notified Cement " + tag);
        using var supplier = await PersonAsync(supplierEmail, supplierPassword);
        using var receiver = await PersonAsync(receiverEmail, receiverPassword);

        // The receiver wants e-mail as things happen; the supplier keeps the default, a daily digest.
        using (var chosen = await receiver.PutAsJsonAsync("/api/v1/me/notification-settings", new { email = "immediate" }))
        {
            Assert.Equal("immediate", (await chosen.ExpectAsync(HttpStatusCode.OK)).GetProperty("email").GetString());
        }

        // A company hears of a suggestion its list shows: a word only these two listings share keeps them each other's
        // best among the other tests' look-alike fly ash, so both lists show the match.
        var lot = UniqueWords.Next();
        var offer = await WebhookTests.ListingAsync(supplier, "offer", "Dry fly ash, lot " + lot, "Pulverised fuel ash from coal units.");
        var want = await WebhookTests.ListingAsync(receiver, "want", "Fly ash for cement, lot " + lot, "Cement works needs fly ash.");
        var matchId = await MarketplaceUnderTest.EventuallyAsync(async () =>
        {
            using var response = await receiver.GetAsync($"/api/v1/listings/{want}/matches?limit=20");
            return response.IsSuccessStatusCode
                ? (await response.JsonAsync()).GetProperty("items").EnumerateArray()
                    .Where(i => i.GetProperty("listingId").GetGuid() == offer).Select(i => i.GetProperty("matchId").GetString()).FirstOrDefault()
                : null;
        }, TimeSpan.FromSeconds(90));

        var suggested = await NoticeAsync(receiver, "match.suggested", matchId!);
        Assert.Equal($"/matches/{matchId}", suggested.GetProperty("link").GetString());
        Assert.Matches(@"^0\.\d\d$", suggested.GetProperty("detail").GetString()!);
        await NoticeAsync(supplier, "match.suggested", matchId!);

        // Immediate: an e-mail to the receiver with the link and a one-click unsubscribe; none yet to the supplier (daily).
        // Other listings may be suggested to the want too, each by its own mail: wait for the one about this match.
        var mail = await MarketplaceUnderTest.EventuallyAsync(() =>
            Task.FromResult(marketplace.MailsTo(receiverEmail).FirstOrDefault(m => m.Contains($"/matches/{matchId}", StringComparison.Ordinal))));
        Assert.Contains("A new suggestion", mail);
        Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click", mail);
        Assert.DoesNotContain(marketplace.MailsTo(supplierEmail), m => m.Contains("suggestion", StringComparison.OrdinalIgnoreCase));

        // The supplier says interested: the receiver hears it, the supplier does not hear of its own act.
        using (var interested = await supplier.PostAsync($"/api/v1/matches/{matchId}/interest", null))
        {
            await interested.ExpectAsync(HttpStatusCode.OK);
        }

        var interest = await NoticeAsync(receiver, "match.interest", matchId!);
        Assert.Equal(0, await CountAsync(supplier, "match.interest", matchId!));

        // One notification per suggestion, however often Matching publishes it (other tests' listings may be suggested too).
        Assert.Equal(1, await CountAsync(receiver, "match.suggested", matchId!));

        // Read: once or twice the same; another person's notification is not there for them.
        var before = (await ListAsync(receiver)).GetProperty("unread").GetInt32();
        var id = interest.GetProperty("id").GetGuid();
        for (var i = 0; i < 2; i++)
        {
            using var read = await receiver.PostAsync($"/api/v1/me/notifications/{id}/read", null);
            var marked = await read.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal($"/matches/{matchId}", marked.GetProperty("link").GetString());
            Assert.NotNull(marked.GetProperty("readAt").GetString());
        }

        Assert.Equal(before - 1, (await ListAsync(receiver)).GetProperty("unread").GetInt32());
        using (var foreign = await supplier.PostAsync($"/api/v1/me/notifications/{id}/read", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using (var all = await receiver.PostAsync("/api/v1/me/notifications/read", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, all.StatusCode);
        }

        Assert.Equal(0, (await ListAsync(receiver)).GetProperty("unread").GetInt32());

        // The unsubscribe link works without signing in, and turns e-mail off.
        var unsubscribe = await marketplace.LinkFromMailAsync(receiverEmail, "/account/unsubscribe");
        using var anonymous = marketplace.Browser();
        using (var page = await anonymous.GetAsync(unsubscribe))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using (var oneClick = await anonymous.PostAsync(unsubscribe, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" })))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        }

        using var settings = await receiver.GetAsync("/api/v1/me/notification-settings");
        Assert.Equal("off", (await settings.ExpectAsync(HttpStatusCode.OK)).GetProperty("email").GetString());
        using var forged = await anonymous.PostAsync("/account/unsubscribe?token=" + unsubscribe[^20..], null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [ModeFact]
    public async Task Notifications_are_a_persons_and_a_wrong_choice_is_named()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (_, email, password) = await marketplace.CompanyWithAdminAsync("Notified Dairy " + tag);
        using var person = await PersonAsync(email, password);
        using (var wrong = await person.PutAsJsonAsync("/api/v1/me/notification-settings", new { email = "weekly" }))
        {
            var problem = await wrong.ExpectAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _), problem.ToString());
        }

        using (var settings = await person.GetAsync("/api/v1/me/notification-settings"))
        {
            var body = await settings.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("daily", body.GetProperty("email").GetString());
            Assert.True(body.GetProperty("nextDigestAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        }

        using var app = await marketplace.OperatorClientAsync();
        using (var machine = await app.GetAsync("/api/v1/me/notifications"))
        {
            var problem = await machine.ExpectAsync(HttpStatusCode.Forbidden);
            Assert.Contains("people", problem.GetProperty("detail").GetString());
        }

        using var badCursor = await person.GetAsync("/api/v1/me/notifications?cursor=nope");
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
    }

    private Task<HttpClient> PersonAsync(string email, string password) => PersonAsync(marketplace, email, password);

    /// <summary>A person's API client with the scopes the portal asks for (notifications included).</summary>
    internal static async Task<HttpClient> PersonAsync(MarketplaceUnderTest marketplace, string email, string password) =>
        marketplace.WithToken((await marketplace.SignInAsync(email, password, PersonScopes)).GetProperty("access_token").GetString()!);

    internal static async Task<JsonElement> ListAsync(HttpClient person)
    {
        using var response = await person.GetAsync("/api/v1/me/notifications?limit=100");
        return await response.ExpectAsync(HttpStatusCode.OK);
    }

    internal static async Task<int> CountAsync(HttpClient person, string kind, string subjectId) =>
        (await ListAsync(person)).GetProperty("items").EnumerateArray()
            .Count(n => n.GetProperty("kind").GetString() == kind && n.GetProperty("subjectId").GetString() == subjectId);

    internal static async Task<JsonElement> NoticeAsync(HttpClient person, string kind, string subjectId)
    {
        var found = await MarketplaceUnderTest.EventuallyAsync<JsonElement?>(async () =>
            (await ListAsync(person)).GetProperty("items").EnumerateArray()
                .Where(n => n.GetProperty("kind").GetString() == kind && n.GetProperty("subjectId").GetString() == subjectId)
                .Select(n => (JsonElement?)n).FirstOrDefault(), TimeSpan.FromSeconds(60));
        return found!.Value;
    }
}

/// <summary>Plus, in process only, who hears of a suggestion Matching published straight on the in-memory bus.</summary>
[Collection(InProcessCollection.Name)]
public sealed class NotificationInProcessTests(InProcessMarketplace marketplace) : NotificationTests(marketplace)
{
    [Fact]
    public async Task A_suggestion_is_told_only_to_the_organisations_whose_list_shows_it_and_to_all_when_the_sender_does_not_say()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (shownId, shownEmail, shownPassword) = await marketplace.CompanyWithAdminAsync("Shown Cement " + tag);
        var (hiddenId, hiddenEmail, hiddenPassword) = await marketplace.CompanyWithAdminAsync("Unshown Power " + tag);
        using var shown = await PersonAsync(marketplace, shownEmail, shownPassword);
        using var hidden = await PersonAsync(marketplace, hiddenEmail, hiddenPassword);
        var bus = marketplace.Factory.Services.GetRequiredService<IBus>();

        // The fan-out stages every recipient's notice at once: when the shown side has it, the other would have it too.
        var ranked = Guid.NewGuid();
        await bus.Publish(new MatchSuggested(ranked, "pair", Guid.NewGuid(), Guid.NewGuid(), [hiddenId, shownId], 0.5) { ShownTo = [shownId] });
        await NoticeAsync(shown, "match.suggested", ranked.ToString());
        Assert.Equal(0, await CountAsync(hidden, "match.suggested", ranked.ToString()));

        var unranked = Guid.NewGuid();
        await bus.Publish(new MatchSuggested(unranked, "pair", Guid.NewGuid(), Guid.NewGuid(), [hiddenId, shownId], 0.5));
        await NoticeAsync(shown, "match.suggested", unranked.ToString());
        await NoticeAsync(hidden, "match.suggested", unranked.ToString());
    }
}

[Collection(DistributedCollection.Name)]
public sealed class NotificationDistributedTests(DistributedMarketplace marketplace) : NotificationTests(marketplace), IDistributedMode;
