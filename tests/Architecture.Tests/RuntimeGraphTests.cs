using System.Text.Json;

namespace Marketplace.Architecture.Tests;

/// <summary>
/// What the hosts carry at run time, read from the deps.json files the build writes (every assembly a host loads): no
/// design-time packages (EF Core's Design and the Roslyn compiler it brings; the projects reference Design only with
/// <c>EfDesign=true</c>, for <c>dotnet ef</c>) and no cloud sign-in stack (Azure.Identity, MSAL with its native broker)
/// that nothing here calls.
/// </summary>
public sealed class RuntimeGraphTests
{
    private static readonly string[] CloudSignIn = ["Microsoft.Identity.Client", "Azure.Identity", "Azure.Core"];
    private static readonly string[] DesignTime = ["Microsoft.EntityFrameworkCore.Design", "Microsoft.CodeAnalysis"];

    [Theory]
    [InlineData("Marketplace.Standalone")]
    [InlineData("Identity.Api")]
    [InlineData("Listings.Api")]
    [InlineData("Matching.Api")]
    [InlineData("Brokerage.Api")]
    public void A_hosts_runtime_graph_has_no_design_time_or_cloud_sign_in_packages(string host) => AssertNone(host, [.. DesignTime, .. CloudSignIn]);

    private static void AssertNone(string host, string[] forbidden)
    {
        var depsFile = Path.Combine(AppContext.BaseDirectory, host + ".deps.json");
        Assert.True(File.Exists(depsFile), $"{depsFile} was not built");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        var packages = deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(l => l.Value.GetProperty("type").GetString() == "package").Select(l => l.Name.Split('/')[0]).ToList();
        Assert.True(packages.Count > 20, $"only {packages.Count} packages in {depsFile}");
        var offenders = packages.Where(p => forbidden.Any(f => p.Equals(f, StringComparison.OrdinalIgnoreCase) || p.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(offenders.Count == 0, $"{host} loads {string.Join(", ", offenders)}");
    }
}
