using System.Xml.Linq;

namespace Marketplace.Architecture.Tests;

/// <summary>The checked-out repository: its root (where Marketplace.sln is) and its project files.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static IReadOnlyList<string> Projects(string under) =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, under), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    public static XDocument Load(string project) => XDocument.Load(project);

    /// <summary>The hand-written C# below <paramref name="under"/> (no build output, no generated migrations), relative path → text.</summary>
    public static IReadOnlyDictionary<string, string> Sources(params string[] under) =>
        under.SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*.cs", SearchOption.AllDirectories))
            .Select(Relative)
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/Migrations/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToDictionary(p => p, p => File.ReadAllText(Path.Combine(Root, p)), StringComparer.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root (Marketplace.sln) not found above " + AppContext.BaseDirectory);
    }
}
