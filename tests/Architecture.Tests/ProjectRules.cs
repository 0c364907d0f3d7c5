using System.Xml.Linq;

namespace Marketplace.Architecture.Tests;

/// <summary>
/// The reference rules of the layout as pure functions over a project file: a service references another service
/// only through its .Contracts project, and a .Contracts project references nothing (its records are the wire format).
/// </summary>
public static class ProjectRules
{
    /// <summary>The service a path under services/ belongs to ("Listings" for services/Listings/...), or null.</summary>
    public static string? ServiceOf(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 2 && parts[0] == "services" ? parts[1] : null;
    }

    /// <summary>Every ProjectReference of <paramref name="project"/> into another service's .Api project.</summary>
    public static IReadOnlyList<string> ForeignApiReferences(string relativeProjectPath, XDocument project)
    {
        var service = ServiceOf(relativeProjectPath);
        var directory = Path.GetDirectoryName(relativeProjectPath.Replace('\\', '/')) ?? "";
        return [.. References(project, "ProjectReference")
            .Select(r => Normalise(Path.Combine(directory, r.Replace('\\', '/'))))
            .Where(target => ServiceOf(target) is { } other && other != service
                && Path.GetFileNameWithoutExtension(target).EndsWith(".Api", StringComparison.Ordinal))];
    }

    /// <summary>Every project, package or framework reference of a contracts project (there should be none).</summary>
    public static IReadOnlyList<string> ContractReferences(XDocument project) =>
        [.. References(project, "ProjectReference"), .. References(project, "PackageReference"), .. References(project, "FrameworkReference")];

    private static IEnumerable<string> References(XDocument project, string item) =>
        project.Descendants().Where(e => e.Name.LocalName == item)
            .Select(e => (string?)e.Attribute("Include") ?? (string?)e.Attribute("Update") ?? "")
            .Where(include => include.Length > 0);

    private static string Normalise(string path)
    {
        var stack = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }
            }
            else if (part != ".")
            {
                stack.Add(part);
            }
        }

        return string.Join('/', stack);
    }
}
