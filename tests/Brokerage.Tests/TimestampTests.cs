using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marketplace.Brokerage.Tests;

/// <summary>
/// Every timestamp in every response carries its offset. Builds one of everything through the public API (a listing,
/// a deal with accepted terms, an active contract, a confirmed delivery, a charge, a billing run and its invoice, a
/// webhook and an API client), then walks every GET operation of the OpenAPI document, filling path parameters with
/// ids read from the list one level up, and checks each date-time string in each answer.
/// </summary>
[Collection(BrokerageCollection.Name)]
public sealed partial class TimestampTests(BrokerageFactory factory, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Every_timestamp_read_back_from_any_GET_carries_an_offset()
    {
        var op = await factory.OperatorAsync();
        var supplier = await factory.CompanyAsync("Clockwork Ash " + Guid.NewGuid().ToString("N")[..4], "DK");
        var receiver = await factory.CompanyAsync("Clockwork Cement " + Guid.NewGuid().ToString("N")[..4], "DE");
        var plan = await Flow.PlanAsync(op, percent: 2m);
        var contract = await Flow.ActiveContractAsync(factory, supplier, receiver, plan);
        await Flow.ConfirmedDeliveryAsync(supplier, receiver, contract, 12m);
        var listing = await supplier.Client.PostAsJsonAsync("/api/v1/listings", new
        {
            kind = "offer", resourceClass = "material", title = "Fly ash, dry", description = "Dry fly ash from a coal boiler.",
            quantity = new { amount = 100, unit = "t", per = "year" }, location = new { lat = 55.6, lon = 12.1, country = "DK" },
            ewcCode = "10 01 02",
        });
        Assert.Equal(HttpStatusCode.Created, listing.StatusCode);
        var want = await receiver.Client.PostAsJsonAsync("/api/v1/listings", new
        {
            kind = "want", resourceClass = "material", title = "Fly ash for cement", description = "Cement works needs dry fly ash.",
            quantity = new { amount = 80, unit = "t", per = "year" }, location = new { lat = 55.5, lon = 12.0, country = "DK" },
        });
        Assert.Equal(HttpStatusCode.Created, want.StatusCode);
        await Eventually(async () =>
        {
            var matches = JsonDocument.Parse(await op.GetStringAsync("/api/v1/matches")).RootElement.GetProperty("items");
            return matches.GetArrayLength() > 0 ? "" : null;
        });
        var charge = await op.PostAsJsonAsync("/api/v1/charges", new { organisationId = supplier.Id, description = "Study", amount = 10m, currency = "EUR", date = Flow.Today.AddMonths(-1) });
        Assert.Equal(HttpStatusCode.Created, charge.StatusCode);
        var period = Flow.Today.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await Flow.RunBillingAsync(factory, supplier.Id, period);
        var hook = await op.PostAsJsonAsync($"/api/v1/organisations/{supplier.Id}/webhooks", new { url = "https://hooks.example.test/in", eventTypes = new[] { "match.suggested" } });
        Assert.True(hook.IsSuccessStatusCode, await hook.Content.ReadAsStringAsync());

        var document = JsonDocument.Parse(await op.GetStringAsync("/openapi/v1.json")).RootElement;
        var gets = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal) && p.Value.TryGetProperty("get", out _))
            .Select(p => p.Name).ToList();
        Assert.True(gets.Count >= 20, $"only {gets.Count} GET operations");

        var (withOffset, without) = (0, new List<string>());
        var visited = 0;
        foreach (var client in new[] { op, supplier.Client })
        {
            foreach (var pattern in gets)
            {
                foreach (var url in await ConcreteAsync(client, pattern))
                {
                    using var response = await client.GetAsync(url);
                    if (response.Content.Headers.ContentType?.MediaType != "application/json" || !response.IsSuccessStatusCode)
                    {
                        continue;
                    }

                    visited++;
                    foreach (var (path, value) in Strings(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, url))
                    {
                        if (DateTimeWithoutOffset().IsMatch(value))
                        {
                            without.Add($"{path} = {value}");
                        }
                        else if (DateTimeWithOffset().IsMatch(value))
                        {
                            withOffset++;
                        }
                    }
                }
            }
        }

        Assert.True(visited >= 25, $"only {visited} answers read");
        Assert.True(without.Count == 0, $"{without.Count} timestamps without an offset ({withOffset} with one):\n" + string.Join("\n", without.Distinct().Take(40)));
        Assert.True(withOffset >= 20, $"only {withOffset} timestamps seen");
        output.WriteLine($"{visited} answers read, {withOffset} timestamps, all with an offset");
    }

    /// <summary>The pattern with each path parameter replaced by up to two ids read from the list one level up.</summary>
    internal static async Task<List<string>> ConcreteAsync(HttpClient client, string pattern)
    {
        var match = Parameter().Match(pattern);
        if (!match.Success)
        {
            return [pattern];
        }

        var urls = new List<string>();
        foreach (var parent in await ConcreteAsync(client, pattern[..match.Index].TrimEnd('/')))
        {
            using var response = await client.GetAsync(parent);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json")
            {
                continue;
            }

            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var items = body.ValueKind == JsonValueKind.Array ? body : body.TryGetProperty("items", out var i) ? i : default;
            if (items.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var item in items.EnumerateArray().Take(2))
            {
                var name = match.Groups[1].Value;
                var id = item.TryGetProperty(name, out var own) ? own : item.TryGetProperty("id", out var plain) ? plain : item.TryGetProperty("code", out var code) ? code : default;
                if (id.ValueKind == JsonValueKind.String)
                {
                    var rest = pattern[(match.Index + match.Length)..];
                    urls.AddRange(await ConcreteAsync(client, parent + "/" + Uri.EscapeDataString(id.GetString()!) + rest));
                }
            }
        }

        return urls;
    }

    private static IEnumerable<(string Path, string Value)> Strings(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return (path, element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var inner in Strings(property.Value, path + "." + property.Name))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var inner in Strings(item, $"{path}[{index++}]"))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")]
    private static partial Regex DateTimeWithoutOffset();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimeWithOffset();

    [GeneratedRegex("{([^}:]+)[^}]*}")]
    private static partial Regex Parameter();
}
