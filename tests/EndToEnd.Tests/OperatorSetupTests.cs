using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EndToEnd.Tests;

/// <summary>
/// A real installation (no demo mode, a signing certificate) gets its first operator from <c>setup operator</c>, run as a
/// process the way an administrator (or a Kubernetes Job) runs it; the operator then grants the operator role through the API.
/// </summary>
public sealed partial class OperatorSetupTests : IDisposable
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "operator-setup-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("standalone/Marketplace.Standalone", "Marketplace.Standalone")]
    [InlineData("services/Identity/Identity.Api", "Identity.Api")]
    public async Task Setup_creates_the_first_operator_and_its_client_once_and_refuses_a_second_time_unless_forced(string project, string name)
    {
        var dll = Repo.Dll(project, name);
        var environment = ProductionEnvironment();
        environment["MARKETPLACE_OPERATOR_PASSWORD"] = "Operator-password-1";
        string[] setup = ["setup", "operator", "--email", "ops@region.example", "--organisation", "Region Zealand Symbiosis", "--client", "region-ops", "--data-dir", dataDir];

        var first = await HostCommand.RunAsync(dll, environment, null, setup);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("client_id=region-ops", first.Output, StringComparison.Ordinal);
        Assert.Matches(SecretPattern(), first.Output);

        var again = await HostCommand.RunAsync(dll, environment, null, setup);
        Assert.True(again.ExitCode == 1, again.Output);
        Assert.Contains("An operator exists already (ops@region.example)", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", again.Output, StringComparison.Ordinal);

        // forced, with the password piped on stdin instead of the environment: a new secret for the client
        environment.Remove("MARKETPLACE_OPERATOR_PASSWORD");
        var forced = await HostCommand.RunAsync(dll, environment, "Another-password-2", [.. setup, "--force"]);
        Assert.True(forced.ExitCode == 0, forced.Output);
        Assert.NotEqual(SecretPattern().Match(first.Output).Groups[1].Value, SecretPattern().Match(forced.Output).Groups[1].Value);

        var weak = await HostCommand.RunAsync(dll, environment, "short", [.. setup, "--force"]);
        Assert.True(weak.ExitCode == 1, weak.Output);
        Assert.Contains("Passwords must be at least 10 characters", weak.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_setup_client_operates_a_production_host_and_grants_the_operator_role_to_another_client()
    {
        var dll = Repo.Dll("standalone/Marketplace.Standalone", "Marketplace.Standalone");
        var environment = ProductionEnvironment();
        environment["MARKETPLACE_OPERATOR_PASSWORD"] = "Operator-password-1";
        var setup = await HostCommand.RunAsync(dll, environment, null,
            "setup", "operator", "--email", "ops@region.example", "--organisation", "Region Zealand Symbiosis", "--client", "region-ops", "--data-dir", dataDir);
        Assert.True(setup.ExitCode == 0, setup.Output);
        var secret = SecretPattern().Match(setup.Output).Groups[1].Value;

        var url = $"http://127.0.0.1:{Repo.FreePort()}";
        using var host = new HostProcess("standalone-production", dll, url, environment, dataDir, "--data-dir", dataDir);
        host.Start();
        await host.WaitReadyAsync(TimeSpan.FromSeconds(180));
        using var operatorClient = await ClientAsync(url, "region-ops", secret);
        var company = await Api.RegisterAsync(operatorClient, "Setup Steel", "24.10");
        Assert.NotEqual(Guid.Empty, company);

        // a client the operator creates in its own organisation holds no role until granted one
        var operatorOrganisation = (await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/organisations?limit=200")).GetProperty("items").EnumerateArray()
            .Single(o => o.GetProperty("kind").GetString() == "operator");
        Assert.Equal("Region Zealand Symbiosis", operatorOrganisation.GetProperty("name").GetString());
        var operatorId = operatorOrganisation.GetProperty("id").GetGuid();
        using var created = await operatorClient.PostAsJsonAsync($"/api/v1/organisations/{operatorId}/clients", new { name = "Billing robot", scopes = new[] { "admin", "billing" } });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var robot = await created.Content.ReadFromJsonAsync<JsonElement>();
        var robotId = robot.GetProperty("clientId").GetString()!;
        var robotSecret = robot.GetProperty("clientSecret").GetString()!;
        using (var before = await ClientAsync(url, robotId, robotSecret))
        {
            using var refused = await before.PostAsJsonAsync("/api/v1/organisations", new { name = "Not yet", naceCode = "24.10", country = "DK" });
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var granted = await operatorClient.PutAsJsonAsync($"/api/v1/organisations/{operatorId}/clients/{robotId}/roles", new { roles = new[] { "operator" } });
        Assert.True(granted.StatusCode == HttpStatusCode.OK, await granted.Content.ReadAsStringAsync());
        using var after = await ClientAsync(url, robotId, robotSecret);
        using var registered = await after.PostAsJsonAsync("/api/v1/organisations", new { name = "Now allowed", naceCode = "24.10", country = "DK" });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());

        // a company's client never holds an operator role
        using var companyClient = await operatorClient.PostAsJsonAsync($"/api/v1/organisations/{company}/clients", new { name = "ERP", scopes = new[] { "listings.read" } });
        var companyClientId = (await companyClient.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientId").GetString();
        using var refusedGrant = await operatorClient.PutAsJsonAsync($"/api/v1/organisations/{company}/clients/{companyClientId}/roles", new { roles = new[] { "operator" } });
        Assert.Equal(HttpStatusCode.BadRequest, refusedGrant.StatusCode);
    }

    private Dictionary<string, string> ProductionEnvironment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Identity__SigningCertificatePath"] = TestCertificate.CreatePfx(dataDir),
        ["Identity__SigningCertificatePassword"] = "test",
        ["Marketplace__DataDir"] = dataDir,
    };

    private static async Task<HttpClient> ClientAsync(string url, string clientId, string secret)
    {
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [GeneratedRegex(@"client_secret=(\S+)")]
    private static partial Regex SecretPattern();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
