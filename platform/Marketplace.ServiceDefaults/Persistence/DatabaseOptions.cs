using System.ComponentModel.DataAnnotations;

namespace Marketplace.ServiceDefaults.Persistence;

/// <summary>Section <c>Database</c>: which provider every service uses.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default; one file per service under the data directory) or <c>SqlServer</c>.</summary>
    [Required, RegularExpression("^(Sqlite|SqlServer)$")]
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>Apply pending migrations when the host starts (standalone does; Kubernetes runs the migrate Job).</summary>
    public bool MigrateOnStart { get; set; } = true;
}

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";
}
