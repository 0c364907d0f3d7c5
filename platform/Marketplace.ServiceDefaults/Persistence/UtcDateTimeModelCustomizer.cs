using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Marketplace.ServiceDefaults.Persistence;

/// <summary>
/// Every <see cref="DateTime"/> the services store is UTC, but neither SQLite nor SQL Server keeps the kind, so a value
/// read back came out <see cref="DateTimeKind.Unspecified"/> and was written to JSON without its <c>Z</c> (one response
/// carried <c>proposedAt</c> without and <c>acceptedAt</c> with it). After a context's own model is built, every
/// DateTime property without a converter of its own gets one: written as UTC, read back as UTC. The column type is
/// unchanged, so no migration follows from it.
/// </summary>
public sealed class UtcDateTimeModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    private static readonly ValueConverter<DateTime, DateTime> Utc = new(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v,
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        Apply(modelBuilder);
    }

    /// <summary>The convention itself, for a model built without this customizer (design time, tests).</summary>
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if ((property.ClrType == typeof(DateTime) || property.ClrType == typeof(DateTime?)) && property.GetValueConverter() is null)
            {
                property.SetValueConverter(Utc);
            }
        }
    }
}
