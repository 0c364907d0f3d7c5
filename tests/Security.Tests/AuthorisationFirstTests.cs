using System.Net;
using System.Text;

namespace Marketplace.Security.Tests;

/// <summary>
/// Authorisation before validation: a company admin calling a write it has no right to (operator-only operations,
/// another organisation's clients, members, webhooks and profile) gets the same refusal whatever it sends, a
/// plausible body, an empty one, malformed JSON or the wrong shape. A 400 would mean its input was judged first.
/// </summary>
public abstract class AuthorisationFirstTests(MarketplaceUnderTest factory)
{
    private static readonly string[] Bodies =
    [
        """{"name":"Plausible Co","country":"DK","naceCode":"38.32","email":"someone@example.test","role":"member","url":"https://hooks.example.test/in","eventTypes":["match.suggested"],"scopes":["listings.read"],"period":"2020-01","description":"d","amount":1,"currency":"EUR","date":"2020-01-01","code":"p","effectiveFrom":"2020-01-01"}""",
        "{}", "{", "[]", """{"name":12,"scopes":"x","eventTypes":{}}""",
    ];

    [ModeFact]
    public async Task A_caller_without_the_right_gets_the_same_refusal_whatever_the_body()
    {
        var (victim, _, _) = await factory.CompanyWithAdminAsync("Victim Ltd " + Guid.NewGuid().ToString()[..6]);
        var (_, email, password) = await factory.CompanyWithAdminAsync("Curious Ltd " + Guid.NewGuid().ToString()[..6]);
        var tokens = await factory.SignInAsync(email, password,
            "openid listings.read listings.write matches.read matches.write brokerage.read brokerage.write billing admin");
        using var admin = factory.WithToken(tokens.GetProperty("access_token").GetString()!);

        var failures = new List<string>();
        var cases = 0;
        var refused = 0;
        foreach (var op in (await factory.OperationsAsync()).Where(o => o.HasBody && !o.Anonymous))
        {
            var url = op.Url(victim);
            var statuses = new List<(string Body, int Status)>();
            foreach (var body in Bodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(op.Method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await admin.SendAsync(request);
                statuses.Add((body.Length > 12 ? body[..12] + "…" : body, (int)response.StatusCode));
                cases++;
            }

            // Refused for want of a right: the operator-only operations (403), another tenant's organisation (404).
            var byRight = statuses.Any(s => s.Status == 403) || (op.Pattern.StartsWith("/api/v1/organisations/{id", StringComparison.Ordinal) && statuses.Any(s => s.Status == 404));
            if (!byRight)
            {
                continue;
            }

            refused += statuses.Count;
            if (statuses.Select(s => s.Status).Distinct().Count() != 1)
            {
                failures.Add($"{op}: " + string.Join(", ", statuses.Select(s => $"{s.Body} → {s.Status}")));
            }
        }

        Assert.True(refused >= 40, $"only {refused} refused cases of {cases}: the walk proves little");
        Assert.True(failures.Count == 0, $"{failures.Count} operations judged the body before the right ({refused} refused cases of {cases}):\n" + string.Join("\n", failures));
    }
}

[Collection(InProcessCollection.Name)]
public sealed class AuthorisationFirstInProcessTests(InProcessMarketplace marketplace) : AuthorisationFirstTests(marketplace);

[Collection(DistributedCollection.Name)]
public sealed class AuthorisationFirstDistributedTests(DistributedMarketplace marketplace) : AuthorisationFirstTests(marketplace), IDistributedMode;
