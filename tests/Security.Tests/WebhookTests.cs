using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplace.Brokerage.Contracts;
using Marketplace.Matching.Contracts;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Security.Tests;

/// <summary>Webhooks driven by the real flows, in both modes.</summary>
public abstract class WebhookTests(MarketplaceUnderTest factory)
{
    [ModeFact]
    public async Task A_signed_contract_and_its_deliveries_reach_the_parties_endpoints_signed_after_the_real_flow()
    {
        using var supplierHook = new WebhookReceiver();
        using var receiverHook = new WebhookReceiver();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (supplierId, supplier) = await factory.PartnerAsync("Hooked Power " + tag, PartnerScopes);
        var (receiverId, receiver) = await factory.PartnerAsync("Hooked Cement " + tag, PartnerScopes);
        using var supplierClient = supplier;
        using var receiverClient = receiver;
        using var op = await factory.OperatorClientAsync();
        var supplierSecret = await SubscribeAsync(op, supplierId, supplierHook.Url, "contract.signed", "delivery.recorded");
        var receiverSecret = await SubscribeAsync(op, receiverId, receiverHook.Url, "contract.signed");

        // Listings → a match (Matching) → both interested → a deal (Brokerage) → terms → both sign.
        var offer = await ListingAsync(supplier, "offer", "Dry fly ash", "Pulverised fuel ash from coal units.");
        var want = await ListingAsync(receiver, "want", "Fly ash for cement", "Cement works needs fly ash.");
        var matchId = await MarketplaceUnderTest.EventuallyAsync(async () =>
        {
            using var response = await receiver.GetAsync($"/api/v1/listings/{want}/matches?limit=20");
            return response.IsSuccessStatusCode
                ? (await response.JsonAsync()).GetProperty("items").EnumerateArray()
                    .Where(i => i.GetProperty("listingId").GetGuid() == offer).Select(i => i.GetProperty("matchId").GetString()).FirstOrDefault()
                : null;
        }, TimeSpan.FromSeconds(90));
        using (var interested = await supplier.PostAsync($"/api/v1/matches/{matchId}/interest", null))
        {
            await interested.ExpectAsync(HttpStatusCode.OK);
        }

        using (var accepted = await receiver.PostAsync($"/api/v1/matches/{matchId}/interest", null))
        {
            Assert.Equal("accepted", (await accepted.ExpectAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        }

        var dealId = await MarketplaceUnderTest.EventuallyAsync<string>(async () =>
        {
            using var response = await supplier.GetAsync($"/api/v1/deals?matchId={matchId}");
            var items = response.IsSuccessStatusCode ? (await response.JsonAsync()).GetProperty("items") : default;
            return items.ValueKind == JsonValueKind.Array && items.GetArrayLength() == 1 ? items[0].GetProperty("id").GetString() : null;
        }, TimeSpan.FromSeconds(60));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using (var proposed = await supplier.PostAsJsonAsync($"/api/v1/deals/{dealId}/terms", new
        {
            quantity = new { amount = 100, unit = "t", period = "month", start = new DateOnly(today.Year, today.Month, 1), end = today.AddYears(1) },
            price = new { perUnit = 20m, currency = "EUR" },
            deliveryTerms = "collected",
        }))
        {
            await proposed.ExpectAsync(HttpStatusCode.Created);
        }

        Guid contractId;
        using (var terms = await receiver.PostAsync($"/api/v1/deals/{dealId}/terms/1/accept", null))
        {
            contractId = (await terms.ExpectAsync(HttpStatusCode.OK)).GetProperty("contractId").GetGuid();
        }

        using (var signed = await supplier.PostAsJsonAsync($"/api/v1/contracts/{contractId}/sign", new { }))
        {
            await signed.ExpectAsync(HttpStatusCode.OK);
        }

        using (var active = await receiver.PostAsJsonAsync($"/api/v1/contracts/{contractId}/sign", new { }))
        {
            Assert.Equal("active", (await active.ExpectAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        }

        foreach (var (hook, organisationId, secret) in new[] { (supplierHook, supplierId, supplierSecret), (receiverHook, receiverId, receiverSecret) })
        {
            var data = Verified(await hook.NextAsync(Wait), secret, "contract.signed", organisationId);
            Assert.Equal(contractId, data.GetProperty("contractId").GetGuid());
            Assert.Equal(dealId, data.GetProperty("dealId").GetString());
            Assert.Equal(supplierId, data.GetProperty("supplierOrganisationId").GetGuid());
            Assert.Equal(receiverId, data.GetProperty("receiverOrganisationId").GetGuid());
        }

        // A delivery recorded by the supplier, then confirmed by the receiver: two delivery.recorded deliveries.
        Guid deliveryId;
        using (var recorded = await supplier.PostAsJsonAsync($"/api/v1/contracts/{contractId}/deliveries", new { date = today, quantity = 12.5m, unit = "t", documentRef = "WB-" + tag }))
        {
            deliveryId = (await recorded.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        }

        using (var confirmed = await receiver.PostAsync($"/api/v1/contracts/{contractId}/deliveries/{deliveryId}/confirm", null))
        {
            await confirmed.ExpectAsync(HttpStatusCode.OK);
        }

        var statuses = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var data = Verified(await supplierHook.NextAsync(Wait), supplierSecret, "delivery.recorded", supplierId);
            Assert.Equal(deliveryId, data.GetProperty("deliveryId").GetGuid());
            Assert.Equal(contractId, data.GetProperty("contractId").GetGuid());
            Assert.Equal(12.5m, data.GetProperty("quantity").GetDecimal());
            Assert.Equal(supplierId, data.GetProperty("supplierOrganisationId").GetGuid());
            Assert.Equal(receiverId, data.GetProperty("receiverOrganisationId").GetGuid());
            statuses.Add(data.GetProperty("status").GetString()!);
        }

        Assert.Equal(["confirmed", "recorded"], statuses.Order(StringComparer.Ordinal));

        // The receiver subscribed to contract.signed only: no delivery.recorded arrives there. Anything more at the
        // supplier can only be a repeat of a delivery already seen (at least once, same id). The barrier: the last
        // event's fan-out (one transaction for both parties) is saved, since the supplier got it, and every delivery
        // staged for either party has been answered.
        await AnsweredAsync(op, supplierId);
        await AnsweredAsync(op, receiverId);
        Assert.All(receiverHook.Drain(), d => Assert.Equal("contract.signed", JsonDocument.Parse(d.Body).RootElement.GetProperty("type").GetString()));
        Assert.All(supplierHook.Drain(), d => Assert.Contains(JsonDocument.Parse(d.Body).RootElement.GetProperty("id").GetString(), supplierHook.Seen));
    }

    [ModeFact]
    public async Task A_projects_stage_change_and_a_signed_commitment_reach_the_joined_participants_without_quantities()
    {
        using var hook = new WebhookReceiver();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (supplierId, supplier) = await factory.PartnerAsync("Project Dairy " + tag, PartnerScopes);
        var (digesterId, digester) = await factory.PartnerAsync("Project Biogas " + tag, PartnerScopes);
        using var supplierClient = supplier;
        using var digesterClient = digester;
        using var op = await factory.OperatorClientAsync();
        var secret = await SubscribeAsync(op, supplierId, hook.Url, "project.stage_changed", "project.commitment_signed");

        // Brokerage learns of new organisations from Identity's events: the create waits for that.
        var project = await MarketplaceUnderTest.EventuallyAsync<string>(async () =>
        {
            using var response = await op.PostAsJsonAsync("/api/v1/projects", new
            {
                title = "Hooked digester " + tag, purpose = "Shared digester",
                participants = new[] { new { organisationId = supplierId, role = "supplier" }, new { organisationId = digesterId, role = "installation_operator" } },
            });
            return response.StatusCode == HttpStatusCode.Created ? (await response.JsonAsync()).GetProperty("id").GetString() : null;
        }, Wait);
        foreach (var member in new[] { supplier, digester })
        {
            using var joined = await member.PostAsJsonAsync($"/api/v1/projects/{project}/join", new { });
            await joined.ExpectAsync(HttpStatusCode.OK);
        }

        using (var flow = await op.PostAsJsonAsync($"/api/v1/projects/{project}/flows", new { organisationId = supplierId, quantityPerYear = 4000, distanceKm = 10 }))
        {
            await flow.ExpectAsync(HttpStatusCode.Created);
        }

        using (var moved = await op.PostAsJsonAsync($"/api/v1/projects/{project}/stage", new { stage = "feasibility" }))
        {
            await moved.ExpectAsync(HttpStatusCode.OK);
        }

        var stage = Verified(await hook.NextAsync(Wait), secret, "project.stage_changed", supplierId);
        Assert.Equal(project, stage.GetProperty("projectId").GetString());
        Assert.Equal("feasibility", stage.GetProperty("to").GetString());

        string commitment;
        using (var proposed = await supplier.PostAsJsonAsync($"/api/v1/projects/{project}/commitments", new
        {
            kind = "letter_of_intent", quantityPerYear = 4000, start = "2027-01-01", end = "2036-12-31", exitNoticeMonths = 12,
        }))
        {
            commitment = (await proposed.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        }

        using (var signed = await supplier.PostAsync($"/api/v1/projects/{project}/commitments/{commitment}/sign", null))
        {
            await signed.ExpectAsync(HttpStatusCode.OK);
        }

        var delivery = await hook.NextAsync(Wait);
        var data = Verified(delivery, secret, "project.commitment_signed", supplierId);
        Assert.Equal(commitment, data.GetProperty("commitmentId").GetString());
        Assert.DoesNotContain("4000", delivery.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(digesterId.ToString(), data.GetRawText(), StringComparison.Ordinal);
    }

    [ModeFact]
    public async Task Another_company_cannot_see_or_touch_an_organisations_webhooks()
    {
        var (organisationId, _, _) = await factory.CompanyWithAdminAsync("Hook Owner " + Guid.NewGuid().ToString()[..6]);
        var (_, email, password) = await factory.CompanyWithAdminAsync("Hook Snoop " + Guid.NewGuid().ToString()[..6]);
        var tokens = await factory.SignInAsync(email, password);
        using var snoop = factory.WithToken(tokens.GetProperty("access_token").GetString()!);
        using var list = await snoop.GetAsync($"/api/v1/organisations/{organisationId}/webhooks");
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        using var create = await snoop.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/webhooks", new { url = "https://example.com/x", eventTypes = new[] { "match.suggested" } });
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static readonly string[] PartnerScopes =
        ["listings.read", "listings.write", "matches.read", "matches.write", "brokerage.read", "brokerage.write"];

    /// <summary>
    /// The positive barrier for "nothing more arrives": no delivery staged for the organisation's endpoints is still
    /// pending, so each has reached its receiver (or failed).
    /// </summary>
    protected static async Task AnsweredAsync(HttpClient op, Guid organisationId) => await MarketplaceUnderTest.EventuallyAsync<string>(async () =>
    {
        foreach (var hook in (await op.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}/webhooks")).GetProperty("items").EnumerateArray())
        {
            var deliveries = await op.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}/webhooks/{hook.GetProperty("id").GetGuid()}/deliveries?limit=100");
            if (deliveries.GetProperty("items").EnumerateArray().Any(d => d.GetProperty("status").GetString() == "pending"))
            {
                return null;
            }
        }

        return "";
    }, Wait);

    protected static async Task<string> SubscribeAsync(HttpClient op, Guid organisationId, string url, params string[] eventTypes)
    {
        using var created = await op.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/webhooks", new { url, eventTypes });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty("secret").GetString()!;
    }

    internal static async Task<Guid> ListingAsync(HttpClient company, string kind, string title, string description)
    {
        using var response = await company.PostAsJsonAsync("/api/v1/listings", new
        {
            kind, resourceClass = "material", title, description,
            quantity = new { amount = 1200, unit = "t", per = "year" }, location = new { lat = 55.6, lon = 11.1, country = "DK" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Checks the signature (as a partner would, with the sample's verifier) and the envelope; returns <c>data</c>.</summary>
    private static JsonElement Verified((Dictionary<string, string?> Headers, string Body) delivery, string secret, string type, Guid organisationId)
    {
        Assert.True(PartnerClient.WebhookVerifier.Verify(secret, delivery.Headers["Symbiosis-Signature"]!, delivery.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)), delivery.Body);
        var body = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.True(type == body.GetProperty("type").GetString(), $"Expected a {type} delivery, got: {delivery.Body}");
        Assert.Equal(organisationId, body.GetProperty("organisationId").GetGuid());
        return body.GetProperty("data").Clone();
    }
}

/// <summary>
/// Plus, in process only, the dispatcher's mechanics (signature, retries) on events published straight on
/// the in-memory bus, and the URL rules under a configuration that forbids insecure URLs: the same Identity code in
/// both modes, which a flow through every service would only make slower to reach.
/// </summary>
[Collection(InProcessCollection.Name)]
public sealed class WebhookInProcessTests(InProcessMarketplace marketplace) : WebhookTests(marketplace)
{
    private readonly InProcessMarketplace app = marketplace;
    private readonly SecurityFactory factory = marketplace.Factory;

    [Fact]
    public async Task A_subscribed_event_is_delivered_signed_with_the_secret_shown_once()
    {
        using var receiver = new WebhookReceiver();
        var (organisationId, _, _) = await app.CompanyWithAdminAsync("Hooked Cement " + Guid.NewGuid().ToString()[..6]);
        using var op = await app.OperatorClientAsync();
        using var created = await op.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/webhooks",
            new { url = receiver.Url, eventTypes = new[] { "match.suggested", "invoice.issued" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var hook = await created.JsonAsync();
        var secret = hook.GetProperty("secret").GetString()!;

        var bus = factory.Services.GetRequiredService<IBus>();
        var consumed = new EndpointConsumption("identity");
        using var observing = bus.ConnectConsumeObserver(consumed);
        var matchId = Guid.NewGuid();
        var dealOpenedId = NewId.NextGuid();
        await bus.Publish(new MatchSuggested(matchId, "pair", Guid.NewGuid(), Guid.NewGuid(), [organisationId, Guid.NewGuid()], 0.8));
        await bus.Publish(new DealOpened(Guid.NewGuid(), matchId, [organisationId]), ctx => ctx.MessageId = dealOpenedId); // not subscribed

        var delivery = await receiver.NextAsync();
        var signature = delivery.Headers["Symbiosis-Signature"]!;
        var t = signature.Split(',')[0][2..];
        var v1 = signature.Split(',')[1][3..];
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{delivery.Body}")));
        Assert.Equal(expected, v1);
        Assert.True(PartnerClient.WebhookVerifier.Verify(secret, signature, delivery.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(PartnerClient.WebhookVerifier.Verify(secret, signature, delivery.Body.Replace("match.suggested", "match.accepted"), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(PartnerClient.WebhookVerifier.Verify(secret, signature, delivery.Body, DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromMinutes(5)));
        Assert.InRange(long.Parse(t, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        var body = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal("match.suggested", body.GetProperty("type").GetString());
        Assert.Equal(matchId, body.GetProperty("data").GetProperty("matchId").GetGuid());

        var listed = (await op.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}/webhooks")).GetProperty("items");
        Assert.False(listed[0].TryGetProperty("secret", out _));
        await MarketplaceUnderTest.EventuallyAsync(() => Task.FromResult(consumed.Count(dealOpenedId) >= 1 ? "" : null)); // its fan-out is saved
        await AnsweredAsync(op, organisationId);
        Assert.Equal(1, receiver.Count);
    }

    [Fact]
    public async Task A_suggestions_delivery_says_whether_the_subscribers_own_list_shows_it()
    {
        using var receiver = new WebhookReceiver();
        var (organisationId, _, _) = await app.CompanyWithAdminAsync("Shown Kiln " + Guid.NewGuid().ToString()[..6]);
        using var op = await app.OperatorClientAsync();
        await SubscribeAsync(op, organisationId, receiver.Url, "match.suggested");
        var other = Guid.NewGuid();
        var hiddenFromIt = Guid.NewGuid();
        var shownToIt = Guid.NewGuid();
        var pool = Guid.NewGuid();

        var bus = factory.Services.GetRequiredService<IBus>();
        await bus.Publish(new MatchSuggested(hiddenFromIt, "pair", Guid.NewGuid(), Guid.NewGuid(), [organisationId, other], 0.5) { ShownTo = [other] });
        await bus.Publish(new MatchSuggested(shownToIt, "pair", Guid.NewGuid(), Guid.NewGuid(), [organisationId, other], 0.7) { ShownTo = [organisationId, other] });
        await bus.Publish(new MatchSuggested(pool, "bundle", Guid.NewGuid(), Guid.NewGuid(), [organisationId, other], 0.6));

        var shown = new Dictionary<Guid, bool>();
        for (var i = 0; i < 3; i++)
        {
            var data = JsonDocument.Parse((await receiver.NextAsync()).Body).RootElement.GetProperty("data");
            shown[data.GetProperty("matchId").GetGuid()] = data.GetProperty("shown").GetBoolean();
        }

        Assert.False(shown[hiddenFromIt]); // only "every possible partner" lists it for this organisation
        Assert.True(shown[shownToIt]);
        Assert.True(shown[pool]); // a pool is announced without ShownTo: every member's list shows it
        await AnsweredAsync(op, organisationId);
        Assert.Equal(3, receiver.Count);
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_with_every_attempt_logged_and_stays_enabled_until_it_recovers()
    {
        using var receiver = new WebhookReceiver { Status = HttpStatusCode.InternalServerError };
        var (organisationId, _, _) = await app.CompanyWithAdminAsync("Flaky Receiver " + Guid.NewGuid().ToString()[..6]);
        using var op = await app.OperatorClientAsync();
        using var created = await op.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/webhooks", new { url = receiver.Url, eventTypes = new[] { "invoice.issued" } });
        var hookId = (await created.JsonAsync()).GetProperty("id").GetGuid();

        await factory.Services.GetRequiredService<IBus>().Publish(new InvoiceIssued(Guid.NewGuid(), "INV-1", organisationId, 120m, "EUR", DateOnly.FromDateTime(DateTime.UtcNow)));

        var delivery = await Eventually(async () =>
        {
            var list = (await op.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}/webhooks/{hookId}/deliveries")).GetProperty("items");
            return list.GetArrayLength() == 1 && list[0].GetProperty("attemptLog").GetArrayLength() >= 3 ? list[0] : null;
        });
        var attempts = delivery.GetProperty("attemptLog").EnumerateArray().Take(3).ToList();
        Assert.All(attempts, a => Assert.Equal(500, a.GetProperty("statusCode").GetInt32()));
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b.GetProperty("attemptedAt").GetDateTime() - a.GetProperty("attemptedAt").GetDateTime()).ToList();
        // Backoff grows: each wait is at least its scheduled delay (0.5 s, then 1 s). Not gap against gap: on a loaded
        // machine the first wait can stretch past the second's delay while the schedule itself is right.
        Assert.True(gaps[0] >= TimeSpan.FromSeconds(0.5) && gaps[1] >= TimeSpan.FromSeconds(1), $"backoff grows: {gaps[0]}, then {gaps[1]}");
        var hooks = (await op.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}/webhooks")).GetProperty("items");
        Assert.True(hooks[0].GetProperty("enabled").GetBoolean(), "failed attempts alone do not disable an endpoint (WebhookFailurePolicyTests)");

        receiver.Status = HttpStatusCode.OK;
        await Eventually(async () =>
        {
            var list = (await op.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}/webhooks/{hookId}/deliveries")).GetProperty("items");
            return list[0].GetProperty("status").GetString() == "succeeded" ? (JsonElement?)list[0] : null;
        });
    }

    [Fact]
    public async Task Webhook_urls_must_be_https_to_a_public_host()
    {
        var (organisationId, _, _) = await app.CompanyWithAdminAsync("Url Rules " + Guid.NewGuid().ToString()[..6]);
        using var strict = factory.WithWebHostBuilder(b => b
            .UseSetting("Webhooks:AllowInsecureUrls", "false")
            .UseSetting("Search:IndexDirectory", Path.Combine(Path.GetTempPath(), "security-strict-index-" + Guid.NewGuid().ToString("N")))); // one host per index
        using var op = strict.CreateClient();
        op.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.OperatorTokenAsync());
        foreach (var url in new[] { "http://example.com/hook", "https://127.0.0.1/hook", "https://10.1.2.3/hook", "https://localhost/hook", "https://user:pw@example.com/h", "ftp://example.com/" })
        {
            using var refused = await op.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/webhooks", new { url, eventTypes = new[] { "match.suggested" } });
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)refused.StatusCode}");
        }

        using var accepted = await op.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/webhooks", new { url = "https://erp.example.com/hooks", eventTypes = new[] { "match.suggested" } });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        using var unknownType = await op.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/webhooks", new { url = "https://erp.example.com/hooks", eventTypes = new[] { "listing.deleted" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);
    }

    private static async Task<JsonElement> Eventually(Func<Task<JsonElement?>> probe) =>
        (await MarketplaceUnderTest.EventuallyAsync(probe, TimeSpan.FromSeconds(20))).GetValueOrDefault();
}

[Collection(DistributedCollection.Name)]
public sealed class WebhookDistributedTests(DistributedMarketplace marketplace) : WebhookTests(marketplace), IDistributedMode;
