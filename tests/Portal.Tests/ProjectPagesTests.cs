using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// A company's view of a collaborative project, in a real browser: the facilitator sets the project up through the API
/// with three demo companies; the brewery finds its invitation, joins without sharing its quantities, and sees the others'
/// quantities only as confidential, its own worksheet row and the project's timeline items.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ProjectPagesTests(PortalHost host, ITestOutputHelper output)
{
    private static readonly Guid Brewery = Guid.Parse("0199a000-0000-7000-8000-000000000103");
    private static readonly Guid Farm = Guid.Parse("0199a000-0000-7000-8000-000000000106");
    private static readonly Guid Greenhouse = Guid.Parse("0199a000-0000-7000-8000-000000000104");
    private static readonly Guid Power = Guid.Parse("0199a000-0000-7000-8000-000000000101");

    [ChromiumFact]
    public async Task An_invited_company_finds_its_project_joins_it_and_sees_others_quantities_only_as_confidential()
    {
        var title = "Shared digester " + Guid.NewGuid().ToString("N")[..6];
        var project = await SetUpAsync(title);
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);

        await session.SignInAsync("brewery@demo.symbiosis.local", "/projects", "Projects");
        var card = page.GetByTestId("projects").Locator(".card", new() { HasText = title });
        await Expect(card).ToContainTextAsync("Invitation");
        await checks.CheckAsync("projects", 0);

        await checks.VisitAsync("project (invited)", title, () => card.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync());
        await Expect(page.GetByTestId("participants").Locator("tbody tr")).ToHaveCountAsync(1); // an invited company sees only itself
        await Expect(page.Locator("[aria-current=step]")).ToHaveTextAsync("Feasibility");

        await page.GetByRole(AriaRole.Button, new() { Name = "Join the project" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You joined the project.");
        var rows = page.GetByTestId("participants").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(rows.Filter(new() { HasText = "Fjord Brewery" })).ToContainTextAsync("300");
        await Expect(rows.Filter(new() { HasText = "Sjælland Pig Farms" })).ToContainTextAsync("confidential");
        await Expect(rows.Filter(new() { HasText = "GreenLeaf Greenhouses" })).ToContainTextAsync("confidential");
        await Expect(page.GetByTestId("pooled")).ToContainTextAsync("Pooled"); // two flows stay hidden behind the total
        await Expect(page.Locator("table.figures caption")).ToHaveTextAsync(["The project", "Fjord Brewery"]); // the totals and its own row, no other
        await Expect(page.GetByTestId("tasks")).ToContainTextAsync("Send a lab analysis of the spent grain");
        await checks.CheckAsync("project (joined)", 0);

        var op = await host.OperatorClientAsync();
        var seen = await (await op.GetAsync($"/api/v1/projects/{project}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("joined", seen.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("organisationId").GetGuid() == Brewery).GetProperty("status").GetString());
    }

    [ChromiumFact]
    public async Task The_facilitator_sees_every_project_on_a_board_by_stage()
    {
        var title = "Board digester " + Guid.NewGuid().ToString("N")[..6];
        await SetUpAsync(title);
        await using var session = await BrowserSession.StartAsync(host, output);

        await session.SignInAsync("operator@demo.symbiosis.local", "/projects", "Projects");
        var feasibility = session.Page.Locator("section", new() { Has = session.Page.GetByRole(AriaRole.Heading, new() { Name = "Feasibility", Exact = true }) });
        await Expect(feasibility.Locator(".card", new() { HasText = title })).ToContainTextAsync("4 participants");
        await session.Checks.CheckAsync("projects board", 0);

        // The stage machine's refusal reaches the facilitator in its own words: no agreement without signed coverage.
        await session.Checks.VisitAsync("project (facilitator)", title, () => feasibility.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync());
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Move to Agreement" }).ClickAsync();
        await Expect(session.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Refused. Signed agreements cover 0 of the minimum viable scale of 1000 t/year");
        await Expect(session.Page.Locator("[aria-current=step]")).ToHaveTextAsync("Feasibility");
        await session.Checks.CheckAsync("project (refused move)", 0);

        // A crafted link cannot put words in the portal's mouth: only a reason the portal protected is shown.
        await session.Page.GotoAsync(session.Page.Url.Split('?')[0] + "?done=refused&why=Call%20us%20at%20this%20number");
        await Expect(session.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Refused.");
    }

    /// <summary>The facilitator's part, through the API: the project in feasibility, three flows, two others joined, a worksheet and a task.</summary>
    private async Task<Guid> SetUpAsync(string title)
    {
        var op = await host.OperatorClientAsync();
        var created = await op.PostAsJsonAsync("/api/v1/projects", new
        {
            title, purpose = "Spent grain, manure and crop residues into biogas for the greenhouses", unit = "t", ewcCode = "02 07 04",
            participants = new object[]
            {
                new { organisationId = Brewery, role = "supplier" }, new { organisationId = Farm, role = "supplier" },
                new { organisationId = Greenhouse, role = "offtaker" }, new { organisationId = Power, role = "installation_operator" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var (org, quantity) in new[] { (Brewery, 300m), (Farm, 900m), (Greenhouse, 200m) })
        {
            Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync($"/api/v1/projects/{id}/flows", new { organisationId = org, quantityPerYear = quantity, distanceKm = 12 })).StatusCode);
        }

        foreach (var org in new[] { Farm, Greenhouse })
        {
            var client = await CompanyClientAsync(op, org);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/projects/{id}/join", new { sharesQuantities = false })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await op.PostAsJsonAsync($"/api/v1/projects/{id}/stage", new { stage = "feasibility" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync($"/api/v1/projects/{id}/feasibility", new
        {
            minimumViableScale = 1000, capitalCost = 400000, yearlyOperatingCost = 30000, yearlyOutputRevenue = 45000, sharingKey = "quantity",
            discountRate = 0.05, lifetimeYears = 12,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await op.PostAsJsonAsync($"/api/v1/projects/{id}/tasks", new
        {
            kind = "task", title = "Send a lab analysis of the spent grain", ownerOrganisationId = Brewery, dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)),
        })).StatusCode);
        return id;
    }

    private async Task<HttpClient> CompanyClientAsync(HttpClient op, Guid organisation)
    {
        var response = await op.PostAsJsonAsync($"/api/v1/organisations/{organisation}/clients", new { name = "project test", scopes = new[] { "brokerage.read", "brokerage.write" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return await host.ClientAsync(body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
    }
}
