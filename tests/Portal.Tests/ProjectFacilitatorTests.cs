using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Portal.Tests;

/// <summary>
/// The facilitator's project pages in a real browser: the operator creates a project, is refused a stage move with the
/// API's reason, invites three demo companies, pools two flows, moves it to feasibility, enters the worksheet and sees
/// payback and NPV with their formulas, proposes a supply agreement for the brewery, adds a task and a funding
/// application; the brewery, in its own browser, joins and signs its agreement. A bundle suggestion in the operator's
/// pipeline becomes a project in one click. A company outside the project gets the not-found page.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ProjectFacilitatorTests(PortalHost host, ITestOutputHelper output)
{
    private const string Brewery = "0199a000-0000-7000-8000-000000000103";
    private const string Farm = "0199a000-0000-7000-8000-000000000106";
    private const string Power = "0199a000-0000-7000-8000-000000000101";

    [ChromiumFact]
    public async Task The_facilitator_designs_a_project_in_the_portal_and_a_participant_signs_its_agreement()
    {
        var clock = Stopwatch.StartNew();
        var title = "Portal digester " + Guid.NewGuid().ToString("N")[..6];
        // The brewery signs in to its own browser meanwhile; it opens the project once it is invited.
        var breweryReady = Task.Run(async () =>
        {
            var b = await BrowserSession.StartAsync(host, output);
            await b.SignInAsync("brewery@demo.symbiosis.local", "/projects", "Projects");
            return b;
        });
        await using var session = await BrowserSession.StartAsync(host, output);
        var (page, checks) = (session.Page, session.Checks);
        await session.SignInAsync("operator@demo.symbiosis.local", "/projects/new", "Start a project");

        // A title the API finds too short comes back beside the field, with the purpose kept.
        await page.GetByLabel("Title").FillAsync("ab");
        await page.GetByLabel("Purpose").FillAsync("Spent grain and manure into biogas for the power station");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the project" }).ClickAsync();
        await Expect(page.Locator("#project-title-error")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Purpose")).ToHaveValueAsync("Spent grain and manure into biogas for the power station");
        await checks.CheckAsync("new project (refused)", 0);
        await page.GetByLabel("Title").FillAsync(title);
        await checks.VisitAsync("project (created)", title, () => page.GetByRole(AriaRole.Button, new() { Name = "Create the project" }).ClickAsync());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The project was created");
        await page.GetByText("Edit the title and purpose…").ClickAsync();
        await page.Locator("#edit-purpose").FillAsync("Spent grain and manure into biogas for the power station's boilers");
        await page.Locator("#edit").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The title and purpose are saved.");
        await Expect(page.Locator("main")).ToContainTextAsync("for the power station's boilers");

        // The state machine's refusal, in the API's words.
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to Feasibility" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Refused. Feasibility needs at least two participants and one flow");

        foreach (var (org, role) in new[] { (Brewery, "supplier"), (Farm, "supplier"), (Power, "installation_operator") })
        {
            await page.GetByText("Invite a participant…").ClickAsync();
            await page.Locator("#invite-organisation").SelectOptionAsync(org);
            await page.Locator("#invite-role").SelectOptionAsync(role);
            await page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The organisation is invited.");
        }

        await Expect(page.GetByTestId("participants").Locator("tbody tr")).ToHaveCountAsync(3);

        // A refused flow: the API's message beside the quantity, the form open again with what was typed.
        await page.GetByText("Pool a flow").First.ClickAsync();
        await page.Locator("#flow-source").SelectOptionAsync($"org:{Brewery}");
        await page.Locator("#flow-quantity").FillAsync("-5");
        await page.Locator("#flow-quality").FillAsync("Weekly collection, dry matter 20 %");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pool a flow" }).ClickAsync();
        await Expect(page.Locator("#flow-quantity-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#flow-quantity")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#flow-quality")).ToHaveValueAsync("Weekly collection, dry matter 20 %");
        await Expect(page.Locator("#flow-source")).ToHaveValueAsync($"org:{Brewery}");
        await checks.CheckAsync("project (refused flow)", 0);
        foreach (var (org, quantity, km) in new[] { (Brewery, "300", "12"), (Farm, "900", "20") })
        {
            if (await page.Locator("#flows details.project-form[open]").CountAsync() == 0)
            {
                await page.GetByText("Pool a flow").First.ClickAsync();
            }

            await page.Locator("#flow-source").SelectOptionAsync($"org:{org}");
            await page.Locator("#flow-quantity").FillAsync(quantity);
            await page.Locator("#flow-distance").FillAsync(km);
            await page.Locator("#flow-quality").FillAsync("Weekly collection, dry matter 20 %");
            await page.GetByRole(AriaRole.Button, new() { Name = "Pool a flow" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The flow is pooled.");
        }

        await Expect(page.GetByTestId("flows").Locator("tbody tr")).ToHaveCountAsync(3); // two flows and the installation
        await Expect(page.Locator("#project-map[data-interactive=true] .leaflet-marker-icon")).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to Feasibility" }).ClickAsync();
        await Expect(page.Locator("[aria-current=step]")).ToHaveTextAsync("Feasibility");

        // The worksheet: inputs in, the figures with their formulas out.
        await page.Locator("#ws-scale").FillAsync("1000");
        await page.Locator("#ws-capital").FillAsync("400000");
        await page.Locator("#ws-operating").FillAsync("30000");
        await page.Locator("#ws-revenue").FillAsync("45000");
        await page.Locator("#ws-rate").FillAsync("5");
        await page.Locator("#ws-lifetime").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compute the worksheet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The worksheet is computed from these inputs.");
        var projectFigures = page.Locator("table.figures", new() { Has = page.Locator("caption", new() { HasText = "The project" }) });
        var payback = projectFigures.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Simple payback" }) });
        var npv = projectFigures.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Net present value" }) });
        await Expect(payback).ToContainTextAsync("capital / yearly net");
        await Expect(npv).ToContainTextAsync("annuity");
        output.WriteLine($"payback: {await payback.InnerTextAsync()}");
        output.WriteLine($"NPV: {await npv.InnerTextAsync()}");
        await Expect(page.Locator("#ws-capital")).ToHaveValueAsync("400000");

        await page.GetByText("Propose a commitment…").ClickAsync();
        await page.Locator("#commit-organisation").SelectOptionAsync(Brewery);
        await page.Locator("#commit-kind").SelectOptionAsync("agreement");
        await page.Locator("#commit-quantity").FillAsync("300");
        await page.Locator("#commit-price").FillAsync("-35");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The commitment is proposed");

        await page.GetByText("Add a task or meeting").First.ClickAsync();
        await page.Locator("#task-title").FillAsync("Send a lab analysis of the spent grain");
        await page.Locator("#task-owner").SelectOptionAsync(Brewery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a task or meeting" }).ClickAsync();
        await Expect(page.GetByTestId("tasks")).ToContainTextAsync("Send a lab analysis of the spent grain");

        await page.GetByText("Add a funding application").First.ClickAsync();
        await page.Locator("#funding-programme").FillAsync("EU LIFE circular economy");
        await page.Locator("#funding-amount").FillAsync("150000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a funding application" }).ClickAsync();
        var application = page.GetByTestId("funding").Locator("tbody tr", new() { HasText = "EU LIFE" });
        await Expect(application).ToContainTextAsync("draft");
        await application.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByTestId("funding").Locator("tbody tr", new() { HasText = "EU LIFE" })).ToContainTextAsync("submitted");
        await checks.CheckAsync("project (facilitator)", 0);
        await checks.ScreenshotsAsync("project-facilitator");
        var projectUrl = page.Url.Split('?')[0].Split('#')[0];

        // The brewery, in its own browser: joins, finds what waits for it, signs.
        await using (var brewery = await breweryReady)
        {
            await brewery.Checks.VisitAsync("project (invited)", title, () => brewery.Page.GotoAsync(new Uri(projectUrl).AbsolutePath));
            await brewery.Page.GetByRole(AriaRole.Button, new() { Name = "Join the project" }).ClickAsync();
            await Expect(brewery.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You joined the project.");
            await Expect(brewery.Page.GetByTestId("owed")).ToContainTextAsync("Sign the Supply agreement, version 1");
            await Expect(brewery.Page.GetByTestId("owed")).ToContainTextAsync("Send a lab analysis of the spent grain");
            await brewery.Checks.CheckAsync("project (participant)", 0);
            await brewery.Checks.ScreenshotsAsync("project-participant");
            await brewery.Page.GetByTestId("commitments").GetByRole(AriaRole.Button, new() { Name = "Sign" }).ClickAsync();
            await Expect(brewery.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Signed.");
            await Expect(brewery.Page.GetByTestId("commitments").Locator("tbody tr").First).ToContainTextAsync("signed");
            await brewery.Checks.CheckAsync("project (signed)", 0);
        }

        // Signed, but 300 of 1000 t: the API refuses agreement and says why.
        await page.GotoAsync(projectUrl);
        await Expect(page.GetByTestId("commitments").Locator("tbody tr").First).ToContainTextAsync("signed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to Agreement" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Refused. Signed agreements cover 300 of the minimum viable scale of 1000");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Project created");
        await checks.CheckAsync("project (refused agreement)", 0);
        output.WriteLine($"journey: {clock.ElapsedMilliseconds} ms");
    }

    [ChromiumFact]
    public async Task A_bundle_suggestion_in_the_pipeline_becomes_a_project_in_one_step()
    {
        // Three companies of their own (the demo companies' listings stay as other tests expect them): two small offers of fly ash, one kiln that needs both.
        var op = await host.OperatorClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (_, clientA) = await CompanyAsync(op, "Ash A " + tag);
        var (_, clientB) = await CompanyAsync(op, "Ash B " + tag);
        var (kiln, clientKiln) = await CompanyAsync(op, "Kiln " + tag);
        foreach (var (client, amount, lat) in new[] { (clientA, 60000m, 55.6), (clientB, 50000m, 55.65) })
        {
            var offer = await ListingAsync(client, "offer", "Dry fly ash, pool " + tag, "Pulverised fuel ash from a small coal boiler.", amount, "10 01 02", lat);
            await EventuallyAsync(async () => (await op.GetAsync($"/api/v1/listings/{offer}/matches")).StatusCode == HttpStatusCode.OK);
        }

        await ListingAsync(clientKiln, "want", "Fly ash for blended cement " + tag, "Pozzolan for clinker substitution, large kiln.", 100000m, null, 55.6);

        await using var session = await BrowserSession.StartAsync(host, output);
        var page = session.Page;
        await session.SignInAsync("operator@demo.symbiosis.local", $"/operator/pipeline?organisationId={kiln}", "Pipeline");
        var start = page.GetByRole(AriaRole.Button, new() { Name = "Start a project from this bundle" });
        await EventuallyAsync(async () =>
        {
            await page.ReloadAsync();
            return await start.CountAsync() > 0;
        });
        await session.Checks.CheckAsync("pipeline (bundle)", 0);

        // Brokerage hears of the bundle from Matching's event a moment later; until then it refuses and the portal says so.
        await EventuallyAsync(async () =>
        {
            await page.GotoAsync($"/operator/pipeline?organisationId={kiln}");
            await start.First.ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/operator/", StringComparison.Ordinal));
            return !page.Url.Contains("/projects/new", StringComparison.Ordinal);
        });
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The project was created from the bundle");
        var rows = page.GetByTestId("participants").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Filter(new() { HasText = "Kiln " + tag })).ToContainTextAsync("Offtaker");
        await Expect(page.GetByTestId("flows").Locator("tbody tr")).ToHaveCountAsync(2);
        await session.Checks.CheckAsync("project (from bundle)", 0);
    }

    private async Task<(Guid Id, HttpClient Client)> CompanyAsync(HttpClient op, string name)
    {
        var created = await op.PostAsJsonAsync("/api/v1/organisations", new { name, naceCode = "23.51", country = "DK" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var client = await op.PostAsJsonAsync($"/api/v1/organisations/{id}/clients", new { name = "bundle test", scopes = new[] { "listings.read", "listings.write" } });
        Assert.Equal(HttpStatusCode.Created, client.StatusCode);
        var body = await client.Content.ReadFromJsonAsync<JsonElement>();
        return (id, await host.ClientAsync(body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!));
    }

    private static async Task<Guid> ListingAsync(HttpClient client, string kind, string title, string description, decimal amount, string? ewcCode, double lat)
    {
        var response = await client.PostAsJsonAsync("/api/v1/listings", new
        {
            kind, resourceClass = "material", title, description, ewcCode,
            quantity = new { amount, unit = "t", per = "year" },
            location = new { lat, lon = 11.1, country = "DK" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task EventuallyAsync(Func<Task<bool>> done)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "Not done within 60 s.");
            await Task.Delay(500);
        }
    }

    [ChromiumFact]
    public async Task A_company_outside_the_project_gets_the_not_found_page()
    {
        var op = await host.OperatorClientAsync();
        var created = await op.PostAsJsonAsync("/api/v1/projects", new
        {
            title = "Closed circle " + Guid.NewGuid().ToString("N")[..6], purpose = "Pallets collected together",
            participants = new[] { new { organisationId = Guid.Parse(Brewery), role = "supplier" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await using var session = await BrowserSession.StartAsync(host, output);
        await session.SignInAsync("cement@demo.symbiosis.local", "/projects", "Projects");
        var response = await session.Page.GotoAsync($"/projects/{id}");
        Assert.Equal(404, response!.Status);
        await Expect(session.Page.Locator("h1")).ToHaveTextAsync("Page not found");
        await Expect(session.Page.Locator("main")).Not.ToContainTextAsync("Closed circle");
        await session.Checks.CheckAsync("project (outsider)", 0);

        // Nor does it see the facilitator's form to start one.
        var start = await session.Page.GotoAsync("/projects/new");
        Assert.Equal(404, start!.Status);
    }
}
