using System.Net;
using System.Text.Json;

namespace Marketplace.Security.Tests;

[Collection(HostCollection.Name)]
public sealed class OpenApiTests(SecurityFactory factory)
{
    [Fact]
    public async Task The_standalone_serves_one_OpenAPI_3_1_document_for_every_service_and_a_reference_page()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.JsonAsync();
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/organisations", paths);
        Assert.Contains(paths, p => p.StartsWith("/api/v1/listings", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("/api/v1/deals", StringComparison.Ordinal));

        var register = document.GetProperty("paths").GetProperty("/api/v1/organisations").GetProperty("post");
        Assert.Contains(register.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.True(register.GetProperty("responses").TryGetProperty("401", out _));
        Assert.Equal(JsonValueKind.Array, register.GetProperty("security").ValueKind);

        using var page = await client.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.ToString());
    }
}
