using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Listings.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Tests;

[Collection(ApiCollection.Name)]
public sealed class ListingApiTests(ListingsFactory factory)
{
    [Fact]
    public async Task A_full_listing_is_created_with_every_field_and_the_organisations_NACE_code()
    {
        var op = await factory.OperatorClientAsync();
        var company = await factory.RegisterCompanyAsync(op, "Paper Mill A/S", "17.12");
        var response = await op.PostAsJsonAsync("/api/v1/listings", new
        {
            organisationId = company,
            kind = "offer",
            resourceClass = "material",
            title = "De-inking sludge from recycled paper line",
            description = "About 30% dry matter, calcium carbonate and kaolin rich.",
            language = "en",
            attributes = new object[] { new { name = "dry matter", value = "30", unit = "%" }, new { name = "ash content", value = 55, unit = "%" } },
            ewcCode = "030305",
            cpaCode = "17.12",
            quantity = new { amount = 400, unit = "t", per = "month" },
            location = new { lat = 55.4, lon = 10.4, country = "DK", address = "Mill road 2" },
            maxTransportKm = 150,
            availableFrom = "2026-01-01",
            availableUntil = "2030-12-31",
            price = new { amount = -25, currency = "EUR", per = "t" },
            visibility = "public",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var body = await response.JsonAsync();
        Assert.Equal("03 03 05", body.GetProperty("ewcCode").GetString());
        Assert.False(body.GetProperty("hazardous").GetBoolean());
        Assert.Equal("published", body.GetProperty("status").GetString());
        Assert.Equal(4800m, body.GetProperty("yearlyAmount").GetDecimal());
        Assert.Equal("17.12", body.GetProperty("naceCode").GetString());
        Assert.Equal("Paper Mill A/S", body.GetProperty("organisationName").GetString());
        Assert.True(body.GetProperty("price").GetProperty("gateFee").GetBoolean());
        Assert.Equal("55", body.GetProperty("attributes")[1].GetProperty("value").GetString());
        Assert.Equal("2030-12-31", body.GetProperty("availableUntil").GetString());

        var id = body.GetProperty("id").GetGuid();
        var read = await op.GetAsync($"/api/v1/listings/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("De-inking sludge from recycled paper line", (await read.JsonAsync()).GetProperty("title").GetString());
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"kind":"offer","resourceClass":"material","title":"Ash","quantity":{"amount":5,"unit":"tonnes","per":"year"},"location":{"lat":55,"lon":11,"country":"DK"}}""", "quantity.unit" },
        { """{"kind":"offer","resourceClass":"material","title":"Ash","quantity":{"amount":-5,"unit":"t","per":"year"},"location":{"lat":55,"lon":11,"country":"DK"}}""", "quantity.amount" },
        { """{"kind":"offer","resourceClass":"material","title":"Ash","quantity":{"amount":5,"unit":"t","per":"year"},"location":{"lat":123,"lon":11,"country":"DK"}}""", "location.lat" },
        { """{"kind":"offer","resourceClass":"material","title":"Ash","ewcCode":"10 01","quantity":{"amount":5,"unit":"t","per":"year"},"location":{"lat":55,"lon":11,"country":"DK"}}""", "ewcCode" },
        { """{"kind":"offer","resourceClass":"material","title":"Ash","ewcCode":"01 03 06","hazardous":true,"quantity":{"amount":5,"unit":"t","per":"year"},"location":{"lat":55,"lon":11,"country":"DK"}}""", "hazardous" },
        { """{"kind":"offer","resourceClass":"material","title":"Ash","colour":"grey","quantity":{"amount":5,"unit":"t","per":"year"},"location":{"lat":55,"lon":11,"country":"DK"}}""", "colour" },
        { """{"kind":"offer","resourceClass":"material","title":"Ash","version":7,"quantity":{"amount":5,"unit":"t","per":"year"},"location":{"lat":55,"lon":11,"country":"DK"}}""", "version" },
        { """{"kind":"offer","resourceClass":"material","title":"Ash","status":"closed","quantity":{"amount":5,"unit":"t","per":"year"},"location":{"lat":55,"lon":11,"country":"DK"}}""", "status" },
        { """{"kind":"offer","resourceClass":"material","title":"Ash","quantity":{"amount":"five","unit":"t","per":"year"},"location":{"lat":55,"lon":11,"country":"DK"}}""", "quantity.amount" },
        { """{"kind":"offer","resourceClass":"material","title":"Ash","quantity":{"amount":5,"unit":"t","per":"year"}""", "body" },
        { """[1,2]""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Each_bad_input_gets_400_naming_the_field_and_stores_nothing(string json, string field)
    {
        var op = await factory.OperatorClientAsync();
        var company = await factory.RegisterCompanyAsync(op, $"Bad Input {field}");
        var tagged = json.StartsWith('{') && json.EndsWith('}') ? json.Insert(1, $"\"organisationId\":\"{company}\",") : json;
        var response = await op.PostAsync("/api/v1/listings", new StringContent(tagged, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Listings.CountAsync(l => l.OrganisationId == company)));
    }

    [Fact]
    public async Task A_10_MB_description_is_a_400_naming_description()
    {
        var op = await factory.OperatorClientAsync();
        var company = await factory.RegisterCompanyAsync(op, "Verbose Co");
        var listing = Http.Listing(company, "Huge description", description: new string('x', 10 * 1024 * 1024));
        var response = await op.PostAsJsonAsync("/api/v1/listings", listing);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("description", out _));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Listings.CountAsync(l => l.OrganisationId == company)));
    }

    [Fact]
    public async Task A_description_just_over_4000_characters_is_rejected()
    {
        var op = await factory.OperatorClientAsync();
        var company = await factory.RegisterCompanyAsync(op, "Almost Co");
        var response = await op.PostAsJsonAsync("/api/v1/listings", Http.Listing(company, "Long", description: new string('y', 4001)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("description", out _));
    }

    [Fact]
    public async Task An_absolute_hazardous_code_makes_the_listing_hazardous()
    {
        var op = await factory.OperatorClientAsync();
        var company = await factory.RegisterCompanyAsync(op, "Battery Recycler");
        var body = await op.CreateAsync(Http.Listing(company, "Lead batteries", ewcCode: "16 06 01*"));
        Assert.True(body.GetProperty("hazardous").GetBoolean());
        Assert.Equal("16 06 01", body.GetProperty("ewcCode").GetString());
    }

    [Fact]
    public async Task A_stale_If_Match_gets_412_and_a_fresh_one_succeeds()
    {
        var op = await factory.OperatorClientAsync();
        var company = await factory.RegisterCompanyAsync(op, "Concurrent Co");
        var id = (await op.CreateAsync(Http.Listing(company, "Wood chips"))).GetProperty("id").GetGuid();

        var first = await op.PatchJsonAsync($"/api/v1/listings/{id}", new { title = "Wood chips, dry" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"2\"", first.Headers.ETag?.Tag);

        var stale = await op.PatchJsonAsync($"/api/v1/listings/{id}", new { title = "Wood chips, wet" }, "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("Wood chips, dry", (await (await op.GetAsync($"/api/v1/listings/{id}")).JsonAsync()).GetProperty("title").GetString());

        var stalePause = await op.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/listings/{id}/pause") { Headers = { { "If-Match", "\"1\"" } } });
        Assert.Equal(HttpStatusCode.PreconditionFailed, stalePause.StatusCode);
    }

    [Fact]
    public async Task PATCH_changes_only_the_fields_sent_and_refuses_unknown_and_read_only_ones()
    {
        var op = await factory.OperatorClientAsync();
        var company = await factory.RegisterCompanyAsync(op, "Patch Co");
        var created = await op.CreateAsync(Http.Listing(company, "Glass cullet", ewcCode: "10 11 12", hazardous: false));
        var id = created.GetProperty("id").GetGuid();

        var patched = await op.PatchJsonAsync($"/api/v1/listings/{id}", new { quantity = new { amount = 50 }, price = new { amount = 12.5, currency = "EUR", per = "t" } });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var body = await patched.JsonAsync();
        Assert.Equal(50m, body.GetProperty("quantity").GetProperty("amount").GetDecimal());
        Assert.Equal("month", body.GetProperty("quantity").GetProperty("per").GetString());
        Assert.Equal(600m, body.GetProperty("yearlyAmount").GetDecimal());
        Assert.Equal("Glass cullet", body.GetProperty("title").GetString());
        Assert.Equal("10 11 12", body.GetProperty("ewcCode").GetString());
        Assert.Equal(2, body.GetProperty("version").GetInt32());

        foreach (var (bad, field) in new (object, string)[] { (new { colour = "green" }, "colour"), (new { status = "closed" }, "status"), (new { id = Guid.NewGuid() }, "id") })
        {
            var refused = await op.PatchJsonAsync($"/api/v1/listings/{id}", bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        }

        var unchanged = await op.PatchJsonAsync($"/api/v1/listings/{id}", new { title = "Glass cullet" });
        Assert.Equal(2, (await unchanged.JsonAsync()).GetProperty("version").GetInt32());

        var cleared = await (await op.PatchJsonAsync($"/api/v1/listings/{id}", new { price = (object?)null })).JsonAsync();
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("price").ValueKind);

        var events = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.AggregateId == id.ToString()).OrderBy(m => m.Sequence).Select(m => m.MessageType).ToListAsync());
        Assert.Equal(3, events.Count);
        Assert.Contains("ListingPublished", events[0]);
        Assert.Contains("ListingUpdated", events[1]);
        Assert.Contains("ListingUpdated", events[2]);
    }

    [Fact]
    public async Task The_status_machine_runs_draft_published_paused_closed_and_emits_each_event()
    {
        var op = await factory.OperatorClientAsync();
        var company = await factory.RegisterCompanyAsync(op, "Lifecycle Co");
        var draft = await op.CreateAsync(Http.Listing(company, "Pallets", status: "draft"));
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        var id = draft.GetProperty("id").GetGuid();

        async Task<JsonElement> Post(string action, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var response = await op.PostAsJsonAsync($"/api/v1/listings/{id}/{action}", body ?? new { });
            Assert.Equal(expected, response.StatusCode);
            return await response.JsonAsync();
        }

        Assert.Equal("published", (await Post("publish")).GetProperty("status").GetString());
        Assert.Equal("paused", (await Post("pause")).GetProperty("status").GetString());
        Assert.Equal("published", (await Post("publish")).GetProperty("status").GetString());
        await Post("close", new { reason = "sold" }, HttpStatusCode.BadRequest);
        var closed = await Post("close", new { reason = "fulfilled" });
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("fulfilled", closed.GetProperty("closedReason").GetString());
        await Post("publish", expected: HttpStatusCode.Conflict);
        var patch = await op.PatchJsonAsync($"/api/v1/listings/{id}", new { title = "Pallets again" });
        Assert.Equal(HttpStatusCode.Conflict, patch.StatusCode);

        var events = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.AggregateId == id.ToString()).OrderBy(m => m.Sequence).Select(m => m.MessageType).ToListAsync());
        Assert.Equal(["ListingPublished", "ListingPaused", "ListingPublished", "ListingClosed"],
            events.Select(e => e.Split(',')[0].Split('.')[^1]).ToArray());
    }

    [Fact]
    public async Task The_published_snapshot_carries_the_full_field_set()
    {
        var op = await factory.OperatorClientAsync();
        var company = await factory.RegisterCompanyAsync(op, "Heat Co", "35.30");
        var created = await op.CreateAsync(new
        {
            organisationId = company,
            kind = "offer",
            resourceClass = "energy",
            title = "Surplus steam",
            temperatureC = 180,
            medium = "steam",
            quantity = new { amount = 20, unit = "GJ", per = "day" },
            location = new { lat = 55.5, lon = 9.5, country = "DK" },
            attributes = new[] { new { name = "pressure", value = "8", unit = "bar" } },
        });
        var id = created.GetProperty("id").GetGuid().ToString();
        var payload = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.AggregateId == id).Select(m => m.Payload).SingleAsync());
        var snapshot = JsonDocument.Parse(payload).RootElement.GetProperty("listing");
        Assert.Equal(180, snapshot.GetProperty("temperatureC").GetDouble());
        Assert.Equal("steam", snapshot.GetProperty("medium").GetString());
        Assert.Equal("35.30", snapshot.GetProperty("naceCode").GetString());
        Assert.Equal("MWh", snapshot.GetProperty("quantity").GetProperty("baseUnit").GetString());
        Assert.Equal("pressure", snapshot.GetProperty("attributes")[0].GetProperty("name").GetString());

        // The outbox is dispatched: Matching consumed the event and knows the listing.
        await Eventually(async () =>
        {
            var response = await op.GetAsync($"/api/v1/listings/{id}/matches?limit=1");
            return response.StatusCode == HttpStatusCode.OK ? "" : null;
        });
    }
}
