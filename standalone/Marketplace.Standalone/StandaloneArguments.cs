namespace Marketplace.Standalone;

/// <summary>
/// The friendly switches (<c>--data-dir</c>, <c>--demo</c>, <c>--no-demo</c>) mapped onto configuration keys
/// (<c>Marketplace:DataDir</c>, <c>Marketplace:Demo</c>, <c>Marketplace:SeedDemoData</c>);
/// everything else (<c>--urls</c>, <c>--Section:Key=value</c>) passes through to ASP.NET Core unchanged.
/// </summary>
public sealed record StandaloneArguments(string[] ConfigurationArgs)
{
    public static StandaloneArguments Parse(string[] args)
    {
        var passThrough = new List<string>();
        var urlsGiven = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--demo":
                    passThrough.Add("--Marketplace:Demo=true");
                    break;
                case "--no-demo":
                    passThrough.Add("--Marketplace:SeedDemoData=false");
                    break;
                case "--data-dir" when i + 1 < args.Length:
                    passThrough.Add($"--Marketplace:DataDir={args[++i]}");
                    break;
                default:
                    if (arg.StartsWith("--data-dir=", StringComparison.Ordinal))
                    {
                        passThrough.Add($"--Marketplace:DataDir={arg["--data-dir=".Length..]}");
                    }
                    else
                    {
                        urlsGiven |= arg.StartsWith("--urls", StringComparison.Ordinal);
                        passThrough.Add(arg);
                    }

                    break;
            }
        }

        if (!urlsGiven && Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
        {
            passThrough.Add("--urls=http://localhost:5080");
        }

        return new StandaloneArguments([.. passThrough]);
    }
}
