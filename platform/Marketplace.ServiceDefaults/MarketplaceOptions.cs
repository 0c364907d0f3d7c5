using System.ComponentModel.DataAnnotations;

namespace Marketplace.ServiceDefaults;

/// <summary>Settings every host shares (section <c>Marketplace</c>).</summary>
public sealed class MarketplaceOptions
{
    public const string Section = "Marketplace";

    /// <summary>Where SQLite files, the embedded index and generated keys live.</summary>
    [Required]
    public string DataDir { get; set; } = "data";

    /// <summary><c>standalone</c> (one process, in-memory bus) or <c>distributed</c>.</summary>
    [Required, RegularExpression("^(standalone|distributed)$")]
    public string Mode { get; set; } = "standalone";

    /// <summary>True when demo data and demo secrets may be used (Development, or <c>--demo</c>).</summary>
    public bool Demo { get; set; }

    /// <summary>The public base URL clients use (the gateway in distributed mode).</summary>
    public string? PublicUrl { get; set; }

    public string ResolveDataDir() => ResolveDataDir(DataDir);

    /// <summary>Absolute, created if missing; relative paths are taken from the current directory. Default <c>data</c>.</summary>
    public static string ResolveDataDir(string? dataDir)
    {
        var full = Path.GetFullPath(string.IsNullOrWhiteSpace(dataDir) ? "data" : dataDir);
        Directory.CreateDirectory(full);
        return full;
    }
}
