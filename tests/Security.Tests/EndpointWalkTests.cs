using System.Net;
using System.Net.Http.Json;
using System.Text;
using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Security.Tests;

/// <summary>Every /api endpoint of every service, found through the OpenAPI document the deployment serves.</summary>
public abstract class EndpointWalkTests(MarketplaceUnderTest factory)
{
    private async Task<IReadOnlyList<ApiOperation>> OperationsAsync()
    {
        var all = await factory.OperationsAsync();
        Assert.True(all.Count >= 15, $"Only {all.Count} operations found; the walk would prove little.");
        return all;
    }

    [ModeFact]
    public async Task Every_protected_endpoint_answers_401_without_a_token_or_with_a_garbage_one()
    {
        using var anonymous = factory.CreateClient();
        using var garbage = factory.WithToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.bm9wZQ");
        var failures = new List<string>();
        foreach (var op in (await OperationsAsync()).Where(o => !o.Anonymous))
        {
            foreach (var (client, kind) in new[] { (anonymous, "none"), (garbage, "garbage") })
            {
                using var response = await client.SendAsync(Request(op, op.Url(), "{}"));
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{op} with {kind} token: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [ModeFact]
    public async Task Every_protected_endpoint_answers_403_to_tokens_that_lack_its_scope()
    {
        var tokens = new Dictionary<string, HttpClient>();
        foreach (var scope in Scopes.All)
        {
            tokens[scope] = factory.WithToken(await factory.OperatorTokenAsync(scope));
        }

        // A person's own endpoints (/api/v1/me/...) have no meaning for a partner app's token: a person's tokens, one scope each.
        var people = new Dictionary<string, HttpClient>();
        var (_, email, password) = await factory.CompanyWithAdminAsync("Walker Co " + Guid.NewGuid().ToString()[..6]);
        foreach (var scope in Scopes.All)
        {
            people[scope] = factory.WithToken((await factory.SignInAsync(email, password, "openid " + scope)).GetProperty("access_token").GetString()!);
        }

        var failures = new List<string>();
        foreach (var op in (await OperationsAsync()).Where(o => !o.Anonymous))
        {
            var url = op.Url();
            var statuses = new Dictionary<string, HttpStatusCode>();
            foreach (var (scope, client) in op.Pattern.StartsWith("/api/v1/me/", StringComparison.Ordinal) ? people : tokens)
            {
                using var response = await client.SendAsync(Request(op, url, "{}"));
                statuses[scope] = response.StatusCode;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{op} with {scope}: {(int)response.StatusCode}");
                }
            }

            // One scope opens an endpoint (a read scope may also come with its write twin); every other one gets 403,
            // a genuine token for another API included (through the gateway too, which refuses it before the service).
            var opening = statuses.Where(s => s.Value is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)).Select(s => s.Key).ToList();
            if (opening.Count is 0 or > 2)
            {
                failures.Add($"{op} is opened by [{string.Join(", ", opening)}]");
            }

            failures.AddRange(statuses.Where(s => s.Value == HttpStatusCode.Unauthorized).Select(s => $"{op} with {s.Key}: 401"));
        }

        foreach (var client in tokens.Values.Concat(people.Values))
        {
            client.Dispose();
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [ModeFact]
    public async Task Another_companys_token_gets_404_for_resources_it_does_not_own()
    {
        var (ownerId, _, _) = await factory.CompanyWithAdminAsync("Owner Co " + Guid.NewGuid().ToString()[..6]);
        var (_, email, password) = await factory.CompanyWithAdminAsync("Stranger Co " + Guid.NewGuid().ToString()[..6]);
        var tokens = await factory.SignInAsync(email, password,
            "openid listings.read listings.write matches.read matches.write brokerage.read brokerage.write billing admin");
        using var stranger = factory.WithToken(tokens.GetProperty("access_token").GetString()!);

        // Resources the owner holds: its organisation and a draft listing (created for it by the operator).
        var owned = new List<Guid> { ownerId };
        using (var op = await factory.OperatorClientAsync())
        {
            using var draft = await op.PostAsJsonAsync("/api/v1/listings", new
            {
                kind = "offer", resourceClass = "material", title = "Private draft of the owner", description = "Not for strangers.",
                quantity = new { amount = 10, unit = "t", per = "year" }, location = new { lat = 55.0, lon = 11.0, country = "DK" },
                status = "draft", organisationId = ownerId,
            });
            Assert.True(draft.IsSuccessStatusCode, $"draft listing for the owner: {(int)draft.StatusCode} {await draft.Content.ReadAsStringAsync()}");
            owned.Add((await draft.JsonAsync()).GetProperty("id").GetGuid());
        }

        var failures = new List<string>();
        foreach (var op in (await OperationsAsync()).Where(o => !o.Anonymous && o.GuidParameters == 1))
        {
            foreach (var id in owned)
            {
                using var response = await stranger.SendAsync(Request(op, op.Url(id), "{}"));
                var status = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.Forbidden)
                {
                    // A refusal by role (operator-only endpoints) is fine as long as it does not depend on the
                    // resource: the same answer for an id that does not exist leaks nothing.
                    using var probe = await stranger.SendAsync(Request(op, op.Url(Guid.NewGuid()), "{}"));
                    if (probe.StatusCode == HttpStatusCode.Forbidden)
                    {
                        continue;
                    }
                }

                if (status is >= 200 and < 300 || status >= 500 || response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{op} on {id}: {status}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [ModeFact]
    public async Task A_company_cannot_assign_organisation_kind_ids_or_scopes_it_does_not_own()
    {
        var (victimId, _, _) = await factory.CompanyWithAdminAsync("Victim Co " + Guid.NewGuid().ToString()[..6]);
        var (ownId, email, password) = await factory.CompanyWithAdminAsync("Pushy Co " + Guid.NewGuid().ToString()[..6]);
        var tokens = await factory.SignInAsync(email, password, "openid listings.read listings.write admin");
        using var admin = factory.WithToken(tokens.GetProperty("access_token").GetString()!);

        using var listing = await admin.PostAsJsonAsync("/api/v1/listings", new
        {
            kind = "offer", resourceClass = "material", title = "Listing for someone else", description = "Mass assignment attempt.",
            quantity = new { amount = 10, unit = "t", per = "year" }, location = new { lat = 55.0, lon = 11.0, country = "DK" },
            organisationId = victimId,
        });
        Assert.False(listing.IsSuccessStatusCode, $"listing for another organisation: {(int)listing.StatusCode}");

        using var patch = await admin.PatchAsJsonAsync($"/api/v1/organisations/{ownId}", new { id = victimId, kind = "operator", version = 99, name = "Pushy Co renamed" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var after = await patch.JsonAsync();
        Assert.Equal(ownId, after.GetProperty("id").GetGuid());
        Assert.Equal("company", after.GetProperty("kind").GetString());
        Assert.NotEqual(99, after.GetProperty("version").GetInt32());

        using var adminClient = await admin.PostAsJsonAsync($"/api/v1/organisations/{ownId}/clients", new { name = "Escalation", scopes = new[] { "admin" } });
        Assert.Equal(HttpStatusCode.BadRequest, adminClient.StatusCode);

        using var register = await admin.PostAsJsonAsync("/api/v1/organisations", new { name = "Shadow Co", country = "DK" });
        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
    }

    private static HttpRequestMessage Request(ApiOperation op, string url, string body)
    {
        var request = new HttpRequestMessage(new HttpMethod(op.Method), url);
        if (op.HasBody)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }
}

[Collection(InProcessCollection.Name)]
public sealed class EndpointWalkInProcessTests(InProcessMarketplace marketplace) : EndpointWalkTests(marketplace);

[Collection(DistributedCollection.Name)]
public sealed class EndpointWalkDistributedTests(DistributedMarketplace marketplace) : EndpointWalkTests(marketplace), IDistributedMode;
