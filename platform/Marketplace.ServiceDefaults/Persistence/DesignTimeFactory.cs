using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.ServiceDefaults.Persistence;

/// <summary>
/// What <c>dotnet ef</c> builds a provider's context with when it adds a migration: the provider with a placeholder
/// database, no host and no configuration. A service declares one sealed subclass per provider context (the tool finds
/// the factories by the closed <see cref="IDesignTimeDbContextFactory{TContext}"/> each implements).
/// </summary>
public abstract class DesignTimeFactory<TContext>(string provider, string database, Func<DbContextOptions<TContext>, TContext> create)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        Configure(provider == DatabaseProviders.SqlServer
            ? builder.UseSqlServer($"Server=design;Database={database}")
            : builder.UseSqlite("Data Source=design.db"));
        return create(builder.Options);
    }

    /// <summary>What the context needs beyond its provider (Identity's OpenIddict entities).</summary>
    protected virtual void Configure(DbContextOptionsBuilder builder)
    {
    }
}
