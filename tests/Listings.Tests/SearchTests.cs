using System.Net;
using System.Text.Json;

namespace Marketplace.Listings.Tests;

[Collection(ApiCollection.Name)]
public sealed class SearchTests(ListingsFactory factory)
{
    [Fact]
    public async Task Filters_full_text_and_cursor_pages_return_each_listing_once_in_a_stable_order()
    {
        var op = await factory.OperatorClientAsync();
        var company = await factory.RegisterCompanyAsync(op, "Search Co");
        var tag = "zq" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var body = await op.CreateAsync(Http.Listing(company, $"Crushed concrete {tag} lot {i}", kind: i % 2 == 0 ? "offer" : "want",
                description: i == 3 ? "Contains rebar offcuts, melting grade" : null, ewcCode: i < 4 ? "17 01 01" : "17 05 04", hazardous: i < 4 ? null : false,
                lat: 55.6 + (i * 0.5), lon: 11.1));
            ids.Add(body.GetProperty("id").GetGuid());
        }

        async Task<JsonElement> List(string query)
        {
            var response = await op.GetAsync($"/api/v1/listings?{query}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return await response.JsonAsync();
        }

        static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await List($"q={tag}&limit=3" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(Ids(page));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(ids.AsEnumerable().Reverse(), seen);

        Assert.Equal(4, Ids(await List($"q={tag}&kind=offer")).Count);
        Assert.Equal(4, Ids(await List($"q={tag}&ewc=17 01")).Count);
        Assert.Equal(3, Ids(await List($"q={tag}&ewc=170504")).Count);
        Assert.Equal([ids[3]], Ids(await List($"q={tag} melting")));
        Assert.Equal([ids[3]], Ids(await List("q=rebar offcut&organisationId=" + company)));
        Assert.Equal([ids[1], ids[0]], Ids(await List($"q={tag}&near=55.6,11.1&radiusKm=60")));
        Assert.Equal(7, Ids(await List($"organisationId={company}")).Count);
        Assert.Empty(Ids(await List($"q={tag}&status=paused")));
    }

    [Theory]
    [InlineData("near=123,11", "near")]
    [InlineData("near=55,11&radiusKm=-3", "radiusKm")]
    [InlineData("kind=gift", "kind")]
    [InlineData("status=gone", "status")]
    [InlineData("ewc=1", "ewc")]
    [InlineData("limit=1000", "limit")]
    [InlineData("cursor=notacursor", "cursor")]
    public async Task Bad_filters_get_400_naming_the_parameter(string query, string field)
    {
        var op = await factory.OperatorClientAsync();
        var response = await op.GetAsync($"/api/v1/listings?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task The_taxonomy_suggests_and_looks_up_List_of_Waste_entries()
    {
        var op = await factory.OperatorClientAsync();
        var suggestions = await (await op.GetAsync("/api/v1/taxonomy/ewc?q=sludge from our paper deinking line")).JsonAsync();
        var codes = suggestions.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).Take(3).ToList();
        Assert.Contains("03 03 05", codes);

        foreach (var code in new[] { "030305", "03 03 05", "03%2003%2005%2A" })
        {
            var entry = await op.GetAsync($"/api/v1/taxonomy/ewc/{code}");
            Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
            Assert.Equal("03 03 05", (await entry.JsonAsync()).GetProperty("code").GetString());
        }

        var hazardous = await (await op.GetAsync("/api/v1/taxonomy/ewc/160601")).JsonAsync();
        Assert.True(hazardous.GetProperty("hazardous").GetBoolean());
        var heading = await (await op.GetAsync("/api/v1/taxonomy/ewc/0303")).JsonAsync();
        Assert.Equal("subchapter", heading.GetProperty("level").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync("/api/v1/taxonomy/ewc/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await op.GetAsync("/api/v1/taxonomy/ewc/ash")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await op.GetAsync("/api/v1/taxonomy/ewc")).StatusCode);
    }
}
