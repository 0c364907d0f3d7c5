using Marketplace.ServiceDefaults.Persistence;

namespace Marketplace.Identity.Data;

internal sealed class SqliteDesignTimeFactory() : DesignTimeFactory<SqliteIdentityDataContext>(DatabaseProviders.Sqlite, "identity", o => new(o))
{
    protected override void Configure(DbContextOptionsBuilder builder) => builder.UseOpenIddict();
}

internal sealed class SqlServerDesignTimeFactory() : DesignTimeFactory<SqlServerIdentityDataContext>(DatabaseProviders.SqlServer, "identity", o => new(o))
{
    protected override void Configure(DbContextOptionsBuilder builder) => builder.UseOpenIddict();
}
