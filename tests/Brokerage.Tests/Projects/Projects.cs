using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Brokerage.Tests.Projects;

/// <summary>The steps the project tests share, each through the public API.</summary>
public static class Projects
{
    public static async Task<Guid> CreateAsync(HttpClient op, string title, string? feePlan, params (Company Company, string Role)[] participants)
    {
        var response = await op.PostAsJsonAsync("/api/v1/projects", new
        {
            title, purpose = "Shared anaerobic digester for food processors", unit = "t", resourceTitle = "Food waste", ewcCode = "02 03 04",
            resourceClass = "material", feePlan,
            participants = participants.Select(p => new { organisationId = p.Company.Id, role = p.Role }),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task FlowAsync(HttpClient op, Guid project, Company company, decimal quantity, double distanceKm)
    {
        var response = await op.PostAsJsonAsync($"/api/v1/projects/{project}/flows", new { organisationId = company.Id, quantityPerYear = quantity, distanceKm });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static async Task JoinAsync(Guid project, Company company, bool sharesQuantities = false) =>
        Assert.Equal(HttpStatusCode.OK, (await company.Client.PostAsJsonAsync($"/api/v1/projects/{project}/join", new { sharesQuantities })).StatusCode);

    public static async Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid project, string stage, string? reason = null) =>
        await client.PostAsJsonAsync($"/api/v1/projects/{project}/stage", new { stage, reason });

    public static async Task<JsonElement> FeasibilityAsync(HttpClient op, Guid project, decimal minimumViableScale) =>
        await (await op.PutAsJsonAsync($"/api/v1/projects/{project}/feasibility", new
        {
            minimumViableScale, capitalCost = 3_000_000m, yearlyOperatingCost = 400_000m, yearlyOutputRevenue = 350_000m,
            sharingKey = "quantity", discountRate = 0.06m, lifetimeYears = 15,
        })).ReadJsonAsync();

    /// <summary>The participant proposes and signs a supply agreement for itself; returns the commitment id.</summary>
    public static async Task<Guid> SignAgreementAsync(Guid project, Company company, decimal quantity, string kind = "agreement")
    {
        var proposed = await company.Client.PostAsJsonAsync($"/api/v1/projects/{project}/commitments", new
        {
            kind, quantityPerYear = quantity, start = Flow.Today, end = Flow.Today.AddYears(10), pricePerUnit = -35m, currency = "EUR",
            exitNoticeMonths = 12, exitTerms = "12 months' notice; the leaver finds a substitute flow or pays the shortfall gate fee.",
        });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var id = (await proposed.ReadJsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await company.Client.PostAsync($"/api/v1/projects/{project}/commitments/{id}/sign", null)).StatusCode);
        return id;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, Guid project) =>
        await (await client.GetAsync($"/api/v1/projects/{project}")).ReadJsonAsync();
}
