using Marketplace.ServiceDefaults.Persistence;

namespace Marketplace.Brokerage.Data;

internal sealed class SqliteDesignTimeFactory() : DesignTimeFactory<SqliteBrokerageDbContext>(DatabaseProviders.Sqlite, "brokerage", o => new(o));

internal sealed class SqlServerDesignTimeFactory() : DesignTimeFactory<SqlServerBrokerageDbContext>(DatabaseProviders.SqlServer, "brokerage", o => new(o));
