using System.Net;
using System.Net.Http.Json;

namespace Marketplace.Security.Tests;

/// <summary>The facilitator's notes on a company: the operator's only, newest first, signed, never the company's to read.</summary>
public abstract class OrganisationNotesTests(MarketplaceUnderTest marketplace)
{
    [ModeFact]
    public async Task The_operator_keeps_notes_on_a_company_that_the_company_cannot_read()
    {
        var (company, email, password) = await marketplace.CompanyWithAdminAsync("Noted Dairy " + Guid.NewGuid().ToString("N")[..6]);
        using var op = await marketplace.OperatorClientAsync();
        foreach (var body in new[] { "Visited the plant: 40 t/month of whey.", "Will send a lab analysis by Friday." })
        {
            using var added = await op.PostAsJsonAsync($"/api/v1/organisations/{company}/notes", new { body });
            var note = await added.ExpectAsync(HttpStatusCode.Created);
            Assert.Equal(body, note.GetProperty("body").GetString());
            Assert.EndsWith("+00:00", note.GetProperty("createdAt").GetString());
        }

        using (var list = await op.GetAsync($"/api/v1/organisations/{company}/notes"))
        {
            var items = (await list.ExpectAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("body").GetString()).ToList();
            Assert.Equal(["Will send a lab analysis by Friday.", "Visited the plant: 40 t/month of whey."], items);
        }

        using (var empty = await op.PostAsJsonAsync($"/api/v1/organisations/{company}/notes", new { body = "" }))
        {
            Assert.True((await empty.ExpectAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("body", out _));
        }

        using (var unknown = await op.GetAsync($"/api/v1/organisations/{Guid.NewGuid()}/notes"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using var admin = await NotificationTests.PersonAsync(marketplace, email, password);
        using var own = await admin.GetAsync($"/api/v1/organisations/{company}/notes");
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
    }
}

[Collection(InProcessCollection.Name)]
public sealed class OrganisationNotesInProcessTests(InProcessMarketplace marketplace) : OrganisationNotesTests(marketplace);

[Collection(DistributedCollection.Name)]
public sealed class OrganisationNotesDistributedTests(DistributedMarketplace marketplace) : OrganisationNotesTests(marketplace), IDistributedMode;
