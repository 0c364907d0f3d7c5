using Marketplace.ServiceDefaults.Persistence;

namespace Marketplace.Listings.Data;

internal sealed class SqliteDesignTimeFactory() : DesignTimeFactory<SqliteListingsDbContext>(DatabaseProviders.Sqlite, "listings", o => new(o));

internal sealed class SqlServerDesignTimeFactory() : DesignTimeFactory<SqlServerListingsDbContext>(DatabaseProviders.SqlServer, "listings", o => new(o));
