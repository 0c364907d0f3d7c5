using Marketplace.Listings.Catalogue;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Data;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// A large catalogue written straight through Listings' DbContext in batches (no events: Matching does not learn of
/// these listings), for benchmarks that need the Listings database at scale. Shared by Listings.Bench and Portal.Bench.
/// </summary>
internal static class CatalogueSeeder
{
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyList<Guid> organisations, int count, Random random)
    {
        const int Batch = 5000;
        for (var done = 0; done < count; done += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ListingsDbContext>();
            var catalog = scope.ServiceProvider.GetRequiredService<Marketplace.Listings.Taxonomy.EwcCatalog>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var now = DateTime.UtcNow;
            for (var i = 0; i < Math.Min(Batch, count - done); i++)
            {
                var listing = Listing.Create(organisations[random.Next(organisations.Count)], ListingStatuses.Published, now);
                var input = Vocabulary.Input(random);
                var errors = new Dictionary<string, string[]>();
                var normalised = input.Validate(catalog, DateOnly.FromDateTime(now), true, errors)
                    ?? throw new InvalidOperationException(string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
                input.ApplyTo(listing, normalised);
                db.Listings.Add(listing);
            }

            await db.SaveChangesAsync();
        }
    }
}
