using System.Net;
using System.Net.Http.Json;
using Marketplace.Listings.Data;
using Marketplace.Listings.Catalogue;
using Marketplace.Listings.Organisations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Listings.Tests;

/// <summary>
/// The race a listing posted right after its organisation was registered can lose: the writer reads the organisation
/// as unknown, then OrganisationRegistered is consumed (the organisation stored, its listings backfilled) before the
/// listing is saved. Here that interleaving is forced: the organisation arrives, as the consumer writes it, at the
/// moment the new listing is about to be saved.
/// </summary>
public sealed class NaceBackfillRaceTests(NaceBackfillRaceTests.RaceFactory factory) : IClassFixture<NaceBackfillRaceTests.RaceFactory>
{
    [Fact]
    public async Task A_listing_saved_just_after_its_organisations_event_was_consumed_still_gets_the_NACE_code()
    {
        var op = await factory.OperatorClientAsync();
        var organisationId = Guid.NewGuid();
        factory.Interceptor.Arm(organisationId, async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ListingsDbContext>();
            db.Organisations.Add(new KnownOrganisation { Id = organisationId, Name = "Late Biogas", NaceCode = "35.21", Country = "DK", UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            await db.Listings.Where(l => l.OrganisationId == organisationId && l.NaceCode != "35.21")
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.NaceCode, "35.21"));
        });

        var response = await op.PostAsJsonAsync("/api/v1/listings", Http.Listing(organisationId, "Digestate, pasteurised"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(factory.Interceptor.Fired, "The organisation was not written inside the window.");
        Assert.Equal("35.21", (await response.JsonAsync()).GetProperty("naceCode").GetString());
        await using var check = factory.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<ListingsDbContext>().Listings.AsNoTracking()
            .SingleAsync(l => l.OrganisationId == organisationId);
        Assert.Equal("35.21", stored.NaceCode);
    }

    public sealed class RaceFactory() : StandaloneFactory("nace-race")
    {
        public WindowInterceptor Interceptor { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<SqliteListingsDbContext>(o => o.AddInterceptors(Interceptor)));
        }
    }

    /// <summary>Runs a write once, just before the first save that adds a listing of the armed organisation.</summary>
    public sealed class WindowInterceptor : SaveChangesInterceptor
    {
        private Guid organisationId;
        private Func<Task>? write;

        public bool Fired { get; private set; }

        public void Arm(Guid organisation, Func<Task> action) => (organisationId, write) = (organisation, action);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (write is { } action && eventData.Context is { } context
                && context.ChangeTracker.Entries<Listing>().Any(e => e.State == EntityState.Added && e.Entity.OrganisationId == organisationId))
            {
                write = null;
                await action();
                Fired = true;
            }

            return result;
        }
    }
}
