using System.Globalization;
using System.Net.Http.Json;
using Marketplace.Listings.Catalogue;
using Marketplace.Listings.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Listings.Tests;

[Collection(ApiCollection.Name)]
public sealed class ExpiryTests(ListingsFactory factory)
{
    [Fact]
    public async Task A_listing_expires_the_day_after_availableUntil_with_an_event()
    {
        var op = await factory.OperatorClientAsync();
        var company = await factory.RegisterCompanyAsync(op, "Seasonal Co");
        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var id = (await op.CreateAsync(Http.Listing(company, "Seasonal straw", availableUntil: until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))).GetProperty("id").GetGuid();

        await using var scope = factory.Services.CreateAsyncScope();
        var expirer = scope.ServiceProvider.GetRequiredService<ListingExpirer>();
        await expirer.ExpireDueAsync(until, CancellationToken.None);
        Assert.Equal("published", await factory.WithDbAsync(db => db.Listings.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));

        Assert.True(await expirer.ExpireDueAsync(until.AddDays(1), CancellationToken.None) >= 1);
        var listing = await factory.WithDbAsync(db => db.Listings.SingleAsync(l => l.Id == id));
        Assert.Equal("expired", listing.Status);
        Assert.Equal(2, listing.Version);
        Assert.True(await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.AggregateId == id.ToString() && m.MessageType.Contains("ListingExpired"))));

        // Publishing again needs a later availableUntil.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await op.PostAsJsonAsync($"/api/v1/listings/{id}/publish", new { })).StatusCode);
    }

    [Fact]
    public async Task The_background_job_expires_listings_whose_date_has_passed()
    {
        var op = await factory.OperatorClientAsync();
        var company = await factory.RegisterCompanyAsync(op, "Lapsed Co");
        var id = (await op.CreateAsync(Http.Listing(company, "Old offer", availableUntil: DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))).GetProperty("id").GetGuid();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        await factory.WithDbAsync(db => db.Listings.Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.AvailableUntil, yesterday)));

        await Eventually(async () =>
            await factory.WithDbAsync(db => db.Listings.AnyAsync(l => l.Id == id && l.Status == ListingStatuses.Expired)) ? "" : null,
            TimeSpan.FromSeconds(10));
        var publish = await op.PostAsJsonAsync($"/api/v1/listings/{id}/publish", new { });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, publish.StatusCode);
    }
}
