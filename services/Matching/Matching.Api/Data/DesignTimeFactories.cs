using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Matching.Data;

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMatchingDbContext>
{
    public SqliteMatchingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMatchingDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMatchingDbContext>
{
    public SqlServerMatchingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMatchingDbContext>().UseSqlServer("Server=design;Database=matching").Options);
}
