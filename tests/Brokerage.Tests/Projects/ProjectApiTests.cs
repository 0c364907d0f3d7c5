using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Brokerage.Tests.Projects;

/// <summary>Projects through the public API with real tokens and a real SQLite file: visibility, stages, commitments, idempotency.</summary>
[Collection(BrokerageCollection.Name)]
public sealed class ProjectApiTests(BrokerageFactory factory)
{
    [Fact]
    public async Task A_task_breaking_a_rule_across_fields_gets_problem_details_naming_the_field()
    {
        var op = await factory.OperatorAsync();
        var owner = await factory.CompanyAsync("Meeting Planner", "DK");
        var id = await Projects.CreateAsync(op, "Rules digester", null, (owner, "supplier"));

        var meeting = await op.PostAsJsonAsync($"/api/v1/projects/{id}/tasks", new { kind = "meeting", title = "Kick-off" });
        Assert.Equal(HttpStatusCode.BadRequest, meeting.StatusCode);
        Assert.Equal("A meeting needs meetingAt, with its offset.", (await meeting.ReadJsonAsync()).GetProperty("errors").GetProperty("meetingAt")[0].GetString());

        var unknown = await op.PostAsJsonAsync($"/api/v1/projects/{id}/tasks", new { kind = "party", title = "Kick-off" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("kind must be 'task' or 'meeting'.", (await unknown.ReadJsonAsync()).GetProperty("errors").GetProperty("kind")[0].GetString());
    }

    [Fact]
    public async Task A_non_participant_gets_404_an_invited_one_sees_only_itself_and_quantities_need_consent()
    {
        var op = await factory.OperatorAsync();
        var a = await factory.CompanyAsync("Dairy Vis A", "DK");
        var b = await factory.CompanyAsync("Bakery Vis B", "DK");
        var c = await factory.CompanyAsync("Cannery Vis C", "DK");
        var outsider = await factory.CompanyAsync("Outsider Vis", "DK");
        var id = await Projects.CreateAsync(op, "Visibility digester", null, (a, "supplier"), (b, "supplier"), (c, "supplier"));
        await Projects.FlowAsync(op, id, a, 4000m, 10);
        await Projects.FlowAsync(op, id, b, 2500m, 20);
        await Projects.FlowAsync(op, id, c, 1500m, 5);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/api/v1/projects/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/api/v1/projects/{id}/commitments")).StatusCode);
        Assert.Empty((await (await outsider.Client.GetAsync("/api/v1/projects")).ReadJsonAsync()).GetProperty("items").EnumerateArray());

        var invited = await Projects.GetAsync(a.Client, id);
        Assert.Equal("invited", invited.Str("viewedAs"));
        Assert.Equal(a.Id, Assert.Single(invited.GetProperty("participants").EnumerateArray()).GetProperty("organisationId").GetGuid());

        await Projects.JoinAsync(id, a);
        await Projects.JoinAsync(id, b);
        await Projects.JoinAsync(id, c);
        var member = await Projects.GetAsync(a.Client, id);
        Assert.Equal(3, member.GetProperty("participants").GetArrayLength());
        var flows = member.GetProperty("flows").EnumerateArray().ToList();
        Assert.Equal(4000m, flows.Single(f => f.GetProperty("organisationId").GetGuid() == a.Id).Dec("quantityPerYear"));
        var bFlow = flows.Single(f => f.GetProperty("organisationId").GetGuid() == b.Id);
        Assert.True(bFlow.GetProperty("hidden").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, bFlow.GetProperty("quantityPerYear").ValueKind);
        // two flows hidden from A: the pooled total reveals neither
        Assert.Equal(8000m, member.GetProperty("totals").Dec("pooledQuantityPerYear"));

        // C consents: now B is the only hidden flow, and the total would give it away
        Assert.Equal(HttpStatusCode.OK, (await c.Client.PostAsJsonAsync($"/api/v1/projects/{id}/consent", new { sharesQuantities = true })).StatusCode);
        var after = await Projects.GetAsync(a.Client, id);
        Assert.Equal(1500m, after.GetProperty("flows").EnumerateArray().Single(f => f.GetProperty("organisationId").GetGuid() == c.Id).Dec("quantityPerYear"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, after.GetProperty("totals").GetProperty("pooledQuantityPerYear").ValueKind);

        // the worksheet follows the same rules: A sees its own row and C's, never B's
        await Projects.FeasibilityAsync(op, id, 10_000m);
        var sheet = (await (await a.Client.GetAsync($"/api/v1/projects/{id}/feasibility")).ReadJsonAsync()).GetProperty("worksheet");
        var rows = sheet.GetProperty("participants").EnumerateArray().Select(r => r.GetProperty("organisationId").GetGuid()).ToList();
        Assert.Equal(new[] { a.Id, c.Id }.Order(), rows.Order());
        Assert.DoesNotContain(b.Id, rows);
        Assert.Empty(sheet.GetProperty("project").EnumerateArray());
        Assert.Equal(3, (await (await op.GetAsync($"/api/v1/projects/{id}/feasibility")).ReadJsonAsync()).GetProperty("worksheet").GetProperty("participants").GetArrayLength());
    }

    [Fact]
    public async Task Illegal_transitions_are_409_problems_and_agreement_waits_for_signed_coverage()
    {
        var op = await factory.OperatorAsync();
        var a = await factory.CompanyAsync("Dairy Stage A", "DK");
        var b = await factory.CompanyAsync("Bakery Stage B", "DK");
        var digester = await factory.CompanyAsync("Biogas Stage", "DK");
        var id = await Projects.CreateAsync(op, "Stage digester", null, (a, "supplier"), (b, "supplier"), (digester, "installation_operator"));
        await Projects.FlowAsync(op, id, a, 600m, 10);
        await Projects.FlowAsync(op, id, b, 500m, 20);
        foreach (var company in new[] { a, b, digester })
        {
            await Projects.JoinAsync(id, company);
        }

        var skip = await Projects.MoveAsync(op, id, "agreement");
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Equal("application/problem+json", skip.Content.Headers.ContentType?.MediaType);
        Assert.Contains("one stage forward", (await skip.ReadJsonAsync()).Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await Projects.MoveAsync(a.Client, id, "feasibility")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Projects.MoveAsync(op, id, "feasibility")).StatusCode);
        await Projects.FeasibilityAsync(op, id, 1000m);

        await Projects.SignAgreementAsync(id, a, 600m, kind: "letter_of_intent");
        await Projects.SignAgreementAsync(id, a, 600m);
        var notYet = await Projects.MoveAsync(op, id, "agreement");
        Assert.Equal(HttpStatusCode.Conflict, notYet.StatusCode);
        Assert.Contains("400 t/year more", (await notYet.ReadJsonAsync()).Str("detail"), StringComparison.Ordinal);

        // B's first proposal is superseded by a second; the first can no longer be signed
        var first = await b.Client.PostAsJsonAsync($"/api/v1/projects/{id}/commitments", new { kind = "agreement", quantityPerYear = 300m, start = Flow.Today, end = Flow.Today.AddYears(5), exitNoticeMonths = 6 });
        var firstId = (await first.ReadJsonAsync()).GetProperty("id").GetGuid();
        var secondId = await Projects.SignAgreementAsync(id, b, 500m);
        Assert.Equal(HttpStatusCode.Conflict, (await b.Client.PostAsync($"/api/v1/projects/{id}/commitments/{firstId}/sign", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.PostAsync($"/api/v1/projects/{id}/commitments/{secondId}/sign", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Projects.MoveAsync(op, id, "agreement")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Projects.MoveAsync(op, id, "implementation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Projects.MoveAsync(digester.Client, id, "operating")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Projects.MoveAsync(op, id, "abandoned", " ")).StatusCode);

        var timeline = (await (await a.Client.GetAsync($"/api/v1/projects/{id}/timeline")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Where(e => e.Str("kind") == "stage_changed").Select(e => e.Str("text")).ToList();
        Assert.Equal(["Stage idea → feasibility.", "Stage feasibility → agreement.", "Stage agreement → implementation.", "Stage implementation → operating."], timeline);
    }

    [Fact]
    public async Task A_retried_create_with_the_same_idempotency_key_makes_one_project()
    {
        var op = await factory.OperatorAsync();
        var key = Guid.NewGuid().ToString();
        var title = "Idempotent project " + key[..8];
        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/projects") { Content = JsonContent.Create(new { title, purpose = "Collective pallet collection" }) };
            request.Headers.Add("Idempotency-Key", key);
            return await op.SendAsync(request);
        }

        var first = await SendAsync();
        var second = await SendAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal((await first.ReadJsonAsync()).Str("id"), (await second.ReadJsonAsync()).Str("id"));
        var all = (await (await op.GetAsync("/api/v1/projects?limit=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray();
        Assert.Single(all, p => p.Str("title") == title);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field()
    {
        var op = await factory.OperatorAsync();
        var response = await op.PostAsJsonAsync("/api/v1/projects", new { title = "Bad unit project", purpose = "Test", unit = "barrels", participants = new[] { new { organisationId = Guid.NewGuid(), role = "king" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("unit", out _));
        Assert.True(errors.TryGetProperty("participants[0].role", out _));
        Assert.True(errors.TryGetProperty("participants[0].organisationId", out _));
        var company = await factory.CompanyAsync("Not an operator", "DK");
        Assert.Equal(HttpStatusCode.Forbidden, (await company.Client.PostAsJsonAsync("/api/v1/projects", new { title = "Mine", purpose = "Mine" })).StatusCode);
    }
}
