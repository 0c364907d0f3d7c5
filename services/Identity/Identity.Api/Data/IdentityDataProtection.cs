using Marketplace.ServiceDefaults;
using Microsoft.AspNetCore.DataProtection;

namespace Marketplace.Identity.Data;

/// <summary>
/// Where identity keeps its ASP.NET Core Data Protection key ring, which protects the session cookie, antiforgery
/// tokens, invitation and account links and the stored webhook secrets. In distributed mode every replica must read
/// the same ring and keep it across restarts, so it lives in identity's database (table <c>DataProtectionKeys</c>);
/// the standalone host is one process with a persistent data directory and keeps it under
/// <c>&lt;DataDir&gt;/keys/data-protection</c>.
/// </summary>
public static class IdentityDataProtection
{
    /// <summary>Fixed, so that the key ring does not depend on the content root or the host's assembly name.</summary>
    public const string ApplicationName = "symbiosis-marketplace";

    public static IDataProtectionBuilder AddIdentityDataProtection(this IHostApplicationBuilder builder, string dataDir)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        var mode = builder.Configuration[$"{MarketplaceOptions.Section}:Mode"];
        return string.Equals(mode, "distributed", StringComparison.OrdinalIgnoreCase)
            ? protection.PersistKeysToDbContext<IdentityDataContext>()
            : protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDir, "keys", "data-protection")));
    }
}
