namespace EndToEnd.Tests.DocsExamples;

/// <summary>A theory that needs bash, curl and jq on the PATH (the docs' examples use them); skipped, saying so, without them. CI installs them.</summary>
public sealed class ShellToolsTheoryAttribute : TheoryAttribute
{
    private static readonly string? Missing = string.Join(", ", new[] { "bash", "curl", "jq" }.Where(t => !OnPath(t))) is { Length: > 0 } m ? m : null;

    public ShellToolsTheoryAttribute()
    {
        if (Missing is not null)
        {
            Skip = $"The docs' examples need {Missing} on the PATH (apt-get install {Missing}); .ci/run installs them.";
        }
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}
