using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Security.Tests;

/// <summary>A company admin runs its people: invitations (list, re-send, withdraw), roles, leaving; the company keeps an admin.</summary>
public abstract class MemberTests(MarketplaceUnderTest factory)
{
    [ModeFact]
    public async Task An_admin_invites_resends_withdraws_and_removes_and_the_company_keeps_its_last_admin()
    {
        var (organisationId, email, password) = await factory.CompanyWithAdminAsync("Members Works");
        var tokens = await factory.SignInAsync(email, password);
        using var admin = factory.WithToken(tokens.GetProperty("access_token").GetString()!);
        var people = $"/api/v1/organisations/{organisationId}";
        var tag = Guid.NewGuid().ToString("N")[..8];

        // Inviting twice sends a fresh link and keeps one open invitation; withdrawing it kills the link, twice is a no-op.
        var bob = $"bob-{tag}@example.test";
        await InviteAsync(admin, people, bob, "member");
        var resent = await InviteAsync(admin, people, bob, "member");
        var open = await OpenInvitationsAsync(admin, people);
        Assert.Equal([(resent, bob)], open);
        for (var i = 0; i < 2; i++)
        {
            using var withdrawn = await admin.DeleteAsync($"{people}/invitations/{resent}");
            Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        }

        Assert.Empty(await OpenInvitationsAsync(admin, people));
        using (var browser = factory.Browser())
        using (var dead = await browser.GetAsync(await factory.LinkFromMailAsync(bob, "/account/accept-invitation")))
        {
            Assert.Contains("invalid, used or expired", await dead.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Carol joins as a second admin; inviting her again is refused by field, withdrawing her accepted invitation is a 409.
        var carol = $"carol-{tag}@example.test";
        var carolInvitation = await InviteAsync(admin, people, carol, "admin");
        await factory.AcceptInvitationAsync(carol, "Carol", password);
        using (var again = await admin.PostAsJsonAsync($"{people}/invitations", new { email = carol.ToUpperInvariant(), role = "member" }))
        {
            Assert.True((await again.ExpectAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("email", out _));
        }

        using (var accepted = await admin.DeleteAsync($"{people}/invitations/{carolInvitation}"))
        {
            Assert.Equal("Invitation accepted", (await accepted.ExpectAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        }

        var members = await MembersAsync(admin, people);
        Assert.Equal(["admin", "admin"], members.Select(m => m.Role));
        var carolId = members.Single(m => m.Email == carol).UserId;
        var adminId = members.Single(m => m.Email == email).UserId;
        var carolTokens = await factory.SignInAsync(carol, password);

        // Carol leaves: her refresh token stops working; the first admin is now the last and can neither step down nor leave.
        using (var removed = await admin.DeleteAsync($"{people}/members/{carolId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        using (var refresh = await factory.RefreshAsync(carolTokens.GetProperty("refresh_token").GetString()!))
        {
            Assert.False(refresh.IsSuccessStatusCode);
        }

        using (var stepDown = await admin.PutAsJsonAsync($"{people}/members/{adminId}/role", new { role = "member" }))
        {
            var problem = await stepDown.ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Contains("at least one admin", problem.GetProperty("errors").GetProperty("role")[0].GetString(), StringComparison.Ordinal);
        }

        using (var leave = await admin.DeleteAsync($"{people}/members/{adminId}"))
        {
            Assert.Equal("Last admin", (await leave.ExpectAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        }

        Assert.Equal([email], (await MembersAsync(admin, people)).Select(m => m.Email));
    }

    private static async Task<Guid> InviteAsync(HttpClient admin, string people, string email, string role)
    {
        using var invited = await admin.PostAsJsonAsync($"{people}/invitations", new { email, role });
        var body = await invited.ExpectAsync(HttpStatusCode.Created);
        Assert.True(body.GetProperty("createdAt").GetDateTimeOffset() < body.GetProperty("expiresAt").GetDateTimeOffset());
        return body.GetProperty("id").GetGuid();
    }

    private static async Task<List<(Guid Id, string Email)>> OpenInvitationsAsync(HttpClient admin, string people)
    {
        using var list = await admin.GetAsync($"{people}/invitations");
        return [.. (await list.ExpectAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("email").GetString()!))];
    }

    private static async Task<List<(Guid UserId, string Email, string Role)>> MembersAsync(HttpClient admin, string people)
    {
        using var list = await admin.GetAsync($"{people}/members");
        return [.. (await list.ExpectAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Select(m => (m.GetProperty("userId").GetGuid(), m.GetProperty("email").GetString()!, m.GetProperty("role").GetString()!))];
    }
}

[Collection(InProcessCollection.Name)]
public sealed class MemberInProcessTests(InProcessMarketplace marketplace) : MemberTests(marketplace);

[Collection(DistributedCollection.Name)]
public sealed class MemberDistributedTests(DistributedMarketplace marketplace) : MemberTests(marketplace), IDistributedMode;

/// <summary>The pure rule behind both refusals.</summary>
public sealed class RoleRulesTests
{
    [Fact]
    public void The_last_admin_rule_guards_stepping_down_and_leaving_only()
    {
        Assert.NotNull(Identity.Organisations.RoleRules.LastAdminError("admin", "member", admins: 1));
        Assert.NotNull(Identity.Organisations.RoleRules.LastAdminError("admin", null, admins: 1));
        Assert.Null(Identity.Organisations.RoleRules.LastAdminError("admin", "admin", admins: 1));
        Assert.Null(Identity.Organisations.RoleRules.LastAdminError("admin", null, admins: 2));
        Assert.Null(Identity.Organisations.RoleRules.LastAdminError("member", null, admins: 1));
    }
}
