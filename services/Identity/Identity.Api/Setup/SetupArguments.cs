namespace Marketplace.Identity.Setup;

/// <summary>
/// <c>setup operator --email E --organisation O [--name N] [--client CLIENTID] [--force]</c>, parsed without a host so the
/// rules are testable. <see cref="Error"/> says what is wrong in one line when the arguments cannot be used.
/// </summary>
public sealed record SetupArguments(string Email, string Organisation, string? Name, string? ClientId, bool Force)
{
    public const string Usage = "usage: setup operator --email EMAIL --organisation NAME [--name DISPLAY-NAME] [--client CLIENT-ID] [--force]";

    public static bool IsSetup(string[] args) => args.Length > 0 && args[0] == "setup";

    /// <summary>
    /// The arguments as the host's configuration should see them: a bare <c>--force</c> would take the next switch as its
    /// value (<c>--force --data-dir X</c> loses the data directory), so it is given one.
    /// </summary>
    public static string[] ForConfiguration(string[] args) => [.. args.Select(a => a == "--force" ? "--force=true" : a)];

    public static (SetupArguments? Arguments, string? Error) Parse(string[] args)
    {
        if (args.Length < 2 || args[1] != "operator")
        {
            return (null, Usage);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var force = false;
        for (var i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--force" or "--force=true":
                    force = true;
                    break;
                case "--email" or "--organisation" or "--name" or "--client" when i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    values[args[i][2..]] = args[++i].Trim();
                    break;
                case "--email" or "--organisation" or "--name" or "--client":
                    return (null, $"{args[i]} needs a value. {Usage}");
                default:
                    // Host switches (--data-dir, --demo, --urls, --Section:Key=value) are read by the host, not here.
                    break;
            }
        }

        if (!values.TryGetValue("email", out var email) || !email.Contains('@', StringComparison.Ordinal) || email.Length > 256)
        {
            return (null, $"--email must be an email address. {Usage}");
        }

        if (!values.TryGetValue("organisation", out var organisation) || organisation.Length is < 2 or > 200)
        {
            return (null, $"--organisation must name the operator organisation (2-200 characters). {Usage}");
        }

        var clientId = values.GetValueOrDefault("client");
        if (clientId is not null && (clientId.Length is < 3 or > 100 || !clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            return (null, "--client must be 3-100 characters of letters, digits, '-', '_' or '.'.");
        }

        return (new SetupArguments(email, organisation, values.GetValueOrDefault("name"), clientId, force), null);
    }
}
