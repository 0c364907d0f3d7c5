using Marketplace.ServiceDefaults.Persistence;

namespace Marketplace.Matching.Data;

internal sealed class SqliteDesignTimeFactory() : DesignTimeFactory<SqliteMatchingDbContext>(DatabaseProviders.Sqlite, "matching", o => new(o));

internal sealed class SqlServerDesignTimeFactory() : DesignTimeFactory<SqlServerMatchingDbContext>(DatabaseProviders.SqlServer, "matching", o => new(o));
