namespace Marketplace.ServiceDefaults.Persistence;

/// <summary>A stored <see cref="DateTime"/> (always UTC, see <see cref="UtcDateTimeModelCustomizer"/>) as the offset-carrying moment an API answers with.</summary>
public static class StoredTime
{
    public static DateTimeOffset AsOffset(this DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
