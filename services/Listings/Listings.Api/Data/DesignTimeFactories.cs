using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Listings.Data;

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteListingsDbContext>
{
    public SqliteListingsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteListingsDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerListingsDbContext>
{
    public SqlServerListingsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerListingsDbContext>().UseSqlServer("Server=design;Database=listings").Options);
}
