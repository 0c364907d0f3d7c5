using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Marketplace.Security.Tests;

/// <summary>
/// An OpenAPI-driven fuzz: every operation with malformed and boundary input (bodies, path values, query values,
/// content types, a broken multipart upload). Bad input is the caller's fault: never a 5xx, and a 400 says what is
/// wrong (issue 11, point 6).
/// </summary>
public abstract class FuzzTests(MarketplaceUnderTest factory, ITestOutputHelper output)
{
    private const string Lone = "\\ud800";

    /// <summary>Field names the API's bodies use, each given every hostile value in turn.</summary>
    private static readonly string[] Fields =
    [
        "organisationId", "kind", "resourceClass", "title", "description", "name", "country", "naceCode", "email", "url",
        "status", "wasteCode", "amount", "currency", "reason", "events", "scopes", "from", "to", "availableFrom", "validUntil",
    ];

    private static readonly string[] Values =
    [
        $"\"{Lone}\"", $"\"a{Lone}b\"", "\"\\udfff\"", "\"\\u0000\"", $"\"{new string('x', 100_000)}\"", "1e309", "-1e309", "-0",
        "99999999999999999999999999", "-1", "true", "null", "[]", "{}", "\"\"", "\"2026-13-45T99:99:99+99:00\"", "\"not-a-guid\"",
        "[\"\\ud800\"]", "{\"amount\":1e400,\"unit\":\"\\ud800\",\"per\":\"year\"}", "{\"lat\":1e400,\"lon\":-1e400,\"country\":\"\\ud800\"}",
    ];

    private static readonly string[] Bodies =
    [
        "", "{", "}", "null", "[]", "123", "\"text\"", "{\"a\":", "{\"a\":1,}", "\u00ff\u00fe", new string('[', 5000) + new string(']', 5000),
        $"{{\"title\":\"{Lone}\"}}", $"\"{Lone}\"",
        "{\"quantity\":{\"amount\":1e400,\"unit\":\"t\",\"per\":\"year\"},\"location\":{\"lat\":91,\"lon\":181,\"country\":\"ZZ\"}}",
    ];

    // no %00: the in-process test client refuses to send it (Kestrel answers 400 itself)
    private static readonly string[] PathValues = ["not-a-guid", "00000000-0000-0000-0000-000000000000", new string('a', 3000), "%ff%fe", "-1", "99999999999999999999", "..%2f..%2f"];

    private static readonly string Query = "?limit=-1&limit=abc&cursor=%ff%00&near=999,999&radiusKm=NaN&kind=%00&status=%ud800&organisationId=not-a-guid"
        + "&from=not-a-date&to=9999-99-99&q=" + Uri.EscapeDataString(new string('q', 5000)) + "&page=99999999999999999999";

    [ModeFact]
    public async Task Malformed_and_boundary_input_to_every_operation_never_gets_a_5xx_and_every_400_says_why()
    {
        using var op = await factory.OperatorClientAsync();
        var organisation = await OrganisationAsync(op);
        var listing = await ListingAsync(op, organisation);
        var failures = new List<string>();
        var silent = new List<string>();
        var sent = 0;

        async Task Probe(ApiOperation operation, string url, HttpContent? content, string what)
        {
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url) { Content = content };
            using var response = await op.SendAsync(request);
            sent++;
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                failures.Add($"{operation} {what}: {status} {Short(body)}");
            }
            else if (status == 400 && !SaysWhy(body))
            {
                silent.Add($"{operation} {what}: 400 {Short(body)}");
            }
        }

        foreach (var operation in await factory.OperationsAsync())
        {
            var urls = new[] { operation.Url(), operation.Url(organisation), operation.Url(listing), operation.Url(organisation, listing) }.Distinct().ToList();
            foreach (var url in urls)
            {
                await Probe(operation, url + Query, Json(operation, "{}"), "hostile query");
                if (!operation.HasBody)
                {
                    continue;
                }

                foreach (var body in Bodies)
                {
                    await Probe(operation, url, Json(operation, body), $"body {Short(body)}");
                }

                foreach (var value in Values)
                {
                    var every = string.Join(",", Fields.Select(f => $"\"{f}\":{value}"));
                    await Probe(operation, url, Json(operation, $"{{{every}}}"), $"every field={Short(value)}");
                }

                foreach (var field in Fields)
                {
                    await Probe(operation, url, Json(operation, $"{{\"{field}\":\"{Lone}\"}}"), $"{field}=lone surrogate");
                }

                await Probe(operation, url, Raw("{}", "application/json; charset=utf-7"), "charset utf-7");
                await Probe(operation, url, Raw("<a/>", "application/xml"), "xml");
                await Probe(operation, url, Raw("organisationId=x", "application/x-www-form-urlencoded"), "form");
                await Probe(operation, url, Raw("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nkind,title\r\noffer,x", "multipart/form-data; boundary=b"), "multipart without its end");
                await Probe(operation, url, Raw("--b\r\n\r\n", "multipart/form-data"), "multipart without a boundary");
                await Probe(operation, url, Raw("garbage", "multipart/form-data; boundary=" + new string('b', 200)), "multipart with a 200-character boundary");
                await Probe(operation, url, Raw("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n\u00ff\u00fe\0\r\n--b--\r\n", "multipart/form-data; boundary=b"), "multipart with binary content");
            }

            foreach (var value in PathValues.Where(_ => operation.PathParameters.Count > 0))
            {
                var position = 0;
                var url = System.Text.RegularExpressions.Regex.Replace(operation.Pattern, "\\{[^}]+\\}", _ => position++ == 0 ? value : organisation.ToString());
                await Probe(operation, url, Json(operation, "{}"), $"path {Short(value)}");
            }
        }

        output.WriteLine($"fuzz: {sent} requests, {failures.Count} answered 5xx, {silent.Count} 400s without a message");
        foreach (var line in silent.Take(40))
        {
            output.WriteLine(line);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} fuzzed requests answered 5xx:\n{string.Join("\n", failures.Take(60))}");
        Assert.True(silent.Count == 0, $"{silent.Count} of {sent} fuzzed requests answered 400 without saying why:\n{string.Join("\n", silent.Take(60))}");
    }

    private static StringContent? Json(ApiOperation operation, string body) =>
        operation.HasBody ? new StringContent(body, Encoding.UTF8, "application/json") : null;

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.Latin1.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    /// <summary>A problem with a detail or field errors, or any other body that is not an empty shell.</summary>
    private static bool SaysWhy(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && ((root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String && detail.GetString()!.Length > 0)
                    || (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any()));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Short(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static async Task<Guid> OrganisationAsync(HttpClient op)
    {
        using var response = await op.PostAsJsonAsync("/api/v1/organisations", new { name = "Fuzz Works " + Guid.NewGuid().ToString("N")[..6], country = "DK", naceCode = "24.10" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> ListingAsync(HttpClient op, Guid organisationId)
    {
        using var response = await op.PostAsJsonAsync("/api/v1/listings", new
        {
            organisationId, kind = "offer", resourceClass = "material", title = "Fuzz slag", description = "Ground slag for the fuzz.",
            quantity = new { amount = 10, unit = "t", per = "year" }, location = new { lat = 55.0, lon = 11.0, country = "DK" },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }
}

[Collection(InProcessCollection.Name)]
public sealed class FuzzInProcessTests(InProcessMarketplace marketplace, ITestOutputHelper output) : FuzzTests(marketplace, output);
