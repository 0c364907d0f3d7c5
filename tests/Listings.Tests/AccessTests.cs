using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Matching.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Listings.Tests;

[Collection(ApiCollection.Name)]
public sealed class AccessTests(ListingsFactory factory)
{
    [Fact]
    public async Task A_partner_client_acts_only_for_its_own_company()
    {
        var op = await factory.OperatorClientAsync();
        var mine = await factory.RegisterCompanyAsync(op, "Partner Owner");
        var other = await factory.RegisterCompanyAsync(op, "Someone Else");
        var partner = await factory.PartnerClientAsync(op, mine);

        var created = await partner.CreateAsync(Http.Listing(null, "Sawdust"));
        Assert.Equal(mine, created.GetProperty("organisationId").GetGuid());

        var forOther = await partner.PostAsJsonAsync("/api/v1/listings", Http.Listing(other, "Not mine to post"));
        Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);

        var othersListing = (await op.CreateAsync(Http.Listing(other, "Their listing"))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PatchJsonAsync($"/api/v1/listings/{othersListing}", new { title = "Hijacked" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"/api/v1/listings/{othersListing}/close", new { reason = "withdrawn" })).StatusCode);

        var moved = await partner.PatchJsonAsync($"/api/v1/listings/{created.GetProperty("id").GetGuid()}", new { organisationId = other });
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.True((await moved.JsonAsync()).GetProperty("errors").TryGetProperty("organisationId", out _));

        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsJsonAsync($"/api/v1/listings/{created.GetProperty("id").GetGuid()}/pause", new { })).StatusCode);
    }

    [Fact]
    public async Task A_listing_the_operator_enters_or_changes_for_a_company_says_so_to_the_company_only()
    {
        var op = await factory.OperatorClientAsync();
        var owner = await factory.RegisterCompanyAsync(op, "Entered Owner");
        var stranger = await factory.PartnerClientAsync(op, await factory.RegisterCompanyAsync(op, "Entered Stranger"));
        var ownerClient = await factory.PartnerClientAsync(op, owner);

        var entered = await op.CreateAsync(Http.Listing(owner, "Entered for them"));
        var id = entered.GetProperty("id").GetGuid();
        Assert.True(entered.GetProperty("enteredByOperator").GetBoolean());
        Assert.Equal(JsonValueKind.Null, entered.GetProperty("operatorChangedAt").ValueKind);
        var own = await ownerClient.CreateAsync(Http.Listing(null, "Entered by themselves"));
        Assert.False(own.GetProperty("enteredByOperator").GetBoolean());

        // The company's own change leaves the mark of the operator's; the operator's change is dated.
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.PatchJsonAsync($"/api/v1/listings/{id}", new { title = "Entered for them, checked" })).StatusCode);
        var seen = await (await ownerClient.GetAsync($"/api/v1/listings/{id}")).JsonAsync();
        Assert.True(seen.GetProperty("enteredByOperator").GetBoolean());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("operatorChangedAt").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await op.PatchJsonAsync($"/api/v1/listings/{id}", new { title = "Entered for them, corrected" })).StatusCode);
        seen = await (await ownerClient.GetAsync($"/api/v1/listings/{id}")).JsonAsync();
        Assert.NotEqual(JsonValueKind.Null, seen.GetProperty("operatorChangedAt").ValueKind);

        var public_ = await (await stranger.GetAsync($"/api/v1/listings/{id}")).JsonAsync();
        Assert.Equal("Entered for them, corrected", public_.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Another_companys_draft_is_a_404_and_is_never_listed()
    {
        var op = await factory.OperatorClientAsync();
        var owner = await factory.RegisterCompanyAsync(op, "Draft Owner");
        var stranger = await factory.RegisterCompanyAsync(op, "Draft Stranger");
        var tag = "draftcheck" + Guid.NewGuid().ToString("N")[..6];
        var draft = (await op.CreateAsync(Http.Listing(owner, $"Secret {tag}", status: "draft"))).GetProperty("id").GetGuid();

        var ownerClient = await factory.PartnerClientAsync(op, owner);
        var strangerClient = await factory.PartnerClientAsync(op, stranger);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync($"/api/v1/listings/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/api/v1/listings/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.PatchJsonAsync($"/api/v1/listings/{draft}", new { title = "x" })).StatusCode);

        var strangerList = await (await strangerClient.GetAsync($"/api/v1/listings?status=draft&q={tag}")).JsonAsync();
        Assert.Equal(0, strangerList.GetProperty("items").GetArrayLength());
        var ownerList = await (await ownerClient.GetAsync($"/api/v1/listings?status=draft&q={tag}")).JsonAsync();
        Assert.Equal(1, ownerList.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_anonymous_listing_is_masked_for_a_third_company_until_a_match_is_accepted()
    {
        var op = await factory.OperatorClientAsync();
        var owner = await factory.RegisterCompanyAsync(op, "Discreet Chemicals");
        var third = await factory.RegisterCompanyAsync(op, "Curious Neighbour");
        var created = await op.CreateAsync(Http.Listing(owner, "Spent solvent", visibility: "anonymous", lat: 55.61234, lon: 11.05678));
        var id = created.GetProperty("id").GetGuid();

        var ownerView = await (await (await factory.PartnerClientAsync(op, owner)).GetAsync($"/api/v1/listings/{id}")).JsonAsync();
        Assert.Equal("Discreet Chemicals", ownerView.GetProperty("organisationName").GetString());
        Assert.Equal(55.61234, ownerView.GetProperty("location").GetProperty("lat").GetDouble());

        var thirdClient = await factory.PartnerClientAsync(op, third);
        var masked = await (await thirdClient.GetAsync($"/api/v1/listings/{id}")).JsonAsync();
        Assert.True(masked.GetProperty("anonymised").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, masked.GetProperty("organisationId").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, masked.GetProperty("organisationName").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, masked.GetProperty("location").GetProperty("address").ValueKind);
        var lat = masked.GetProperty("location").GetProperty("lat").GetDouble();
        var lon = masked.GetProperty("location").GetProperty("lon").GetDouble();
        Assert.NotEqual(55.61234, lat);
        Assert.InRange(Catalogue.Geo.DistanceKm(55.61234, 11.05678, lat, lon), 0.01, 4.0);

        // Filtering by owner must not unmask it either.
        var byOwner = await (await thirdClient.GetAsync($"/api/v1/listings?organisationId={owner}")).JsonAsync();
        Assert.DoesNotContain(byOwner.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);

        var operatorView = await (await op.GetAsync($"/api/v1/listings/{id}")).JsonAsync();
        Assert.False(operatorView.GetProperty("anonymised").GetBoolean());

        var want = (await op.CreateAsync(Http.Listing(third, "Solvent for recovery", kind: "want"))).GetProperty("id").GetGuid();
        var bus = factory.Services.GetRequiredService<IBus>();
        await bus.Publish(new MatchAccepted(Guid.NewGuid(), "pair",
            new MatchParty(id, owner, "Spent solvent", null, "material", 1440, "t", null),
            new MatchParty(want, third, "Solvent for recovery", null, "material", 1440, "t", null),
            [], 0.9, 3, DateTime.UtcNow));
        await Eventually(async () =>
            await factory.WithDbAsync(db => db.ListingReveals.AnyAsync(r => r.ListingId == id && r.ViewerOrganisationId == third)) ? "" : null);

        var revealed = await (await thirdClient.GetAsync($"/api/v1/listings/{id}")).JsonAsync();
        Assert.False(revealed.GetProperty("anonymised").GetBoolean());
        Assert.Equal("Discreet Chemicals", revealed.GetProperty("organisationName").GetString());
    }
}
