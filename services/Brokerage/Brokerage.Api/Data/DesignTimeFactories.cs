using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Brokerage.Data;

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBrokerageDbContext>
{
    public SqliteBrokerageDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBrokerageDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerBrokerageDbContext>
{
    public SqlServerBrokerageDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerBrokerageDbContext>().UseSqlServer("Server=design;Database=brokerage").Options);
}
