using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Tests.Api;

/// <summary>The standalone host in process: every service, in-memory bus, real SQLite files in a fresh directory.</summary>
public sealed class MarketplaceFactory() : StandaloneFactory("marketplace-tests");

public static class Json
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
