using System.Reflection;
using System.Runtime.CompilerServices;

namespace Marketplace.Architecture.Tests;

/// <summary>
/// An endpoints class is a route table: static <c>Map...</c> methods that bind routes to handlers living in their
/// own use-case files. Anything else it declares (a handler, a helper, a DTO, a nested type) is a violation.
/// </summary>
public static class EndpointRules
{
    public static IEnumerable<Type> EndpointClasses(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.Name.EndsWith("Endpoints", StringComparison.Ordinal) && !IsGenerated(t));

    /// <summary>What <paramref name="type"/> declares besides route-mapping methods, as "Type.Member" strings.</summary>
    public static IReadOnlyList<string> NonRouteMembers(Type type)
    {
        const BindingFlags declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
        var methods = type.GetMethods(declared)
            .Where(m => !IsGenerated(m) && !m.IsSpecialName && !m.Name.StartsWith("Map", StringComparison.Ordinal))
            .Select(m => $"{type.Name}.{m.Name}()");
        var others = type.GetFields(declared).Where(f => !IsGenerated(f)).Select(f => $"{type.Name}.{f.Name}")
            .Concat(type.GetProperties(declared).Select(p => $"{type.Name}.{p.Name}"))
            .Concat(type.GetNestedTypes(declared).Where(n => !IsGenerated(n)).Select(n => $"{type.Name}.{n.Name}"));
        return [.. methods.Concat(others).Order(StringComparer.Ordinal)];
    }

    private static bool IsGenerated(MemberInfo member) =>
        member.Name.StartsWith('<') || member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);
}
