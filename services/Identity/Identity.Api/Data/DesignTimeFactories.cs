using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Identity.Data;

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIdentityDataContext>
{
    public SqliteIdentityDataContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIdentityDataContext>().UseSqlite("Data Source=design.db").UseOpenIddict().Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerIdentityDataContext>
{
    public SqlServerIdentityDataContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerIdentityDataContext>().UseSqlServer("Server=design;Database=identity").UseOpenIddict().Options);
}
