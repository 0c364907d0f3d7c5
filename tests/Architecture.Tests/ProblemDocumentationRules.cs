using System.Text.RegularExpressions;

namespace Marketplace.Architecture.Tests;

/// <summary>
/// A handler that can answer 409 or 412 must say so in its route table (<c>.ProducesProblem(StatusCodes.Status409Conflict)</c>),
/// or the OpenAPI document (and every client generated from it) does not know that answer exists. The rule reads the
/// source as text: it finds each route's handler, follows the static calls it makes (one class's helpers calling another's)
/// to every method that builds such an answer, and compares with the route's fluent chain.
/// </summary>
public static partial class ProblemDocumentationRules
{
    /// <summary>The statuses a handler builds itself and a route table must therefore declare, with how the source builds them.</summary>
    public static readonly IReadOnlyDictionary<int, Regex> Producers = new Dictionary<int, Regex>
    {
        [409] = ConflictPattern(),
        [412] = PreconditionPattern(),
    };

    /// <summary>"file: VERB pattern (handler) answers 409 but does not document it" for every gap in <paramref name="sources"/> (path → text).</summary>
    public static IReadOnlyList<string> Undocumented(IReadOnlyDictionary<string, string> sources)
    {
        var methods = Methods(sources);
        var producing = Producers.ToDictionary(p => p.Key, p => Producing(methods, p.Value));
        var gaps = new List<string>();
        foreach (var (path, text) in sources)
        {
            foreach (Match route in RoutePattern().Matches(text))
            {
                var chain = text[route.Index..StatementEnd(text, route.Index)];
                var handler = route.Groups["handler"].Value;
                foreach (var key in Resolve(methods, ClassAt(text, route.Index), UsingStatic(text), handler))
                {
                    foreach (var (status, keys) in producing)
                    {
                        if (keys.Contains(key) && !chain.Contains($"Status{status}", StringComparison.Ordinal))
                        {
                            gaps.Add($"{path}: {route.Groups["verb"].Value.ToUpperInvariant()} {route.Groups["pattern"].Value} ({handler}) answers {status} but does not document it");
                        }
                    }
                }
            }
        }

        return [.. gaps.Distinct().Order(StringComparer.Ordinal)];
    }

    private sealed record Method(string Key, string Class, string Body, IReadOnlyList<string> InScope);

    /// <summary>Every static method, keyed "Class.Name", with its text up to the next method of the file.</summary>
    private static Dictionary<string, List<Method>> Methods(IReadOnlyDictionary<string, string> sources)
    {
        var methods = new Dictionary<string, List<Method>>(StringComparer.Ordinal);
        foreach (var text in sources.Values)
        {
            var scope = UsingStatic(text);
            var declarations = MethodPattern().Matches(text);
            for (var i = 0; i < declarations.Count; i++)
            {
                var start = declarations[i].Index;
                var end = i + 1 < declarations.Count ? declarations[i + 1].Index : text.Length;
                var owner = ClassAt(text, start);
                var key = $"{owner}.{declarations[i].Groups["name"].Value}";
                if (!methods.TryGetValue(key, out var list))
                {
                    methods[key] = list = [];
                }

                list.Add(new Method(key, owner, text[start..end], scope));
            }
        }

        return methods;
    }

    /// <summary>The keys of methods that build the answer themselves or call (transitively) one that does.</summary>
    private static HashSet<string> Producing(Dictionary<string, List<Method>> methods, Regex producer)
    {
        var producing = methods.Values.SelectMany(l => l).Where(m => producer.IsMatch(m.Body)).Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        bool grew;
        do
        {
            grew = false;
            foreach (var method in methods.Values.SelectMany(l => l).Where(m => !producing.Contains(m.Key)))
            {
                var calls = CallPattern().Matches(method.Body).Select(c => c.Groups["call"].Value);
                if (calls.SelectMany(c => Resolve(methods, method.Class, method.InScope, c)).Any(producing.Contains))
                {
                    producing.Add(method.Key);
                    grew = true;
                }
            }
        }
        while (grew);

        return producing;
    }

    /// <summary>"Class.Name" as written, or a bare name in its own class or a class imported with <c>using static</c>.</summary>
    private static IEnumerable<string> Resolve(Dictionary<string, List<Method>> methods, string owner, IReadOnlyList<string> inScope, string call)
    {
        if (call.Contains('.', StringComparison.Ordinal))
        {
            var qualified = string.Join('.', call.Split('.')[^2..]);
            return methods.ContainsKey(qualified) ? [qualified] : [];
        }

        return new[] { owner }.Concat(inScope).Select(c => $"{c}.{call}").Where(methods.ContainsKey).Take(1);
    }

    /// <summary>The ';' that ends the statement starting at <paramref name="start"/>, passing over string literals.</summary>
    private static int StatementEnd(string text, int start)
    {
        var quoted = false;
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\' when quoted:
                    i++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case ';' when !quoted:
                    return i;
            }
        }

        return text.Length;
    }

    private static string ClassAt(string text, int index) =>
        ClassPattern().Matches(text[..index]).LastOrDefault()?.Groups["name"].Value ?? "";

    private static List<string> UsingStatic(string text) => [.. UsingStaticPattern().Matches(text).Select(m => m.Groups["name"].Value)];

    [GeneratedRegex(@"Status409Conflict|\bConflict\s*\(")]
    private static partial Regex ConflictPattern();

    [GeneratedRegex(@"Status412PreconditionFailed")]
    private static partial Regex PreconditionPattern();

    [GeneratedRegex(@"\.Map(?<verb>Get|Post|Put|Patch|Delete)\(\s*""(?<pattern>[^""]*)""\s*,\s*(?<handler>[\w.]+)\s*\)")]
    private static partial Regex RoutePattern();

    [GeneratedRegex(@"(?m)^\s*(?:(?:public|internal|private)\s+)?static\s+(?:async\s+)?[\w<>\[\]?,. ()]*?\s(?<name>\w+)\s*(?:<[^>]*>)?\(")]
    private static partial Regex MethodPattern();

    /// <summary>A type declaration with a body (a positional record ending in ';' holds no methods).</summary>
    [GeneratedRegex(@"(?m)^[ \t]*(?:(?:public|internal|private|protected|static|sealed|partial|abstract|file|readonly)\s+)*(?:class|record|struct)\s+(?<name>\w+)[^;{]*\{")]
    private static partial Regex ClassPattern();

    [GeneratedRegex(@"(?m)^using\s+static\s+[\w.]*?(?<name>\w+)\s*;")]
    private static partial Regex UsingStaticPattern();

    [GeneratedRegex(@"(?<call>\b[\w]+(?:\.[\w]+)?)\s*(?:<[^>()]*>)?\(")]
    private static partial Regex CallPattern();
}
