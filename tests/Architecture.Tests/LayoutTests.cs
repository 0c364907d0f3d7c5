using Marketplace.Brokerage;
using Marketplace.Identity;
using Marketplace.Listings;
using Marketplace.Matching;
using System.Reflection;

namespace Marketplace.Architecture.Tests;

public sealed class LayoutTests
{
    private static readonly Assembly[] ServiceAssemblies =
    [
        typeof(ListingsModule).Assembly, typeof(MatchingModule).Assembly, typeof(BrokerageModule).Assembly, typeof(IdentityModule).Assembly,
    ];

    [Fact]
    public void No_service_references_another_service_Api_project()
    {
        var violations = Repository.Projects("services")
            .SelectMany(p => ProjectRules.ForeignApiReferences(Repository.Relative(p), Repository.Load(p)).Select(t => $"{Repository.Relative(p)} -> {t}"))
            .ToList();
        Assert.True(Repository.Projects("services").Count >= 8, "the services folder should hold an .Api and a .Contracts project per service");
        Assert.Empty(violations);
    }

    [Fact]
    public void No_service_assembly_loads_another_service_Api_assembly()
    {
        var apiNames = ServiceAssemblies.Select(a => a.GetName().Name!).ToHashSet();
        var violations = ServiceAssemblies
            .SelectMany(a => a.GetReferencedAssemblies().Where(r => apiNames.Contains(r.Name!)).Select(r => $"{a.GetName().Name} -> {r.Name}"))
            .ToList();
        Assert.Empty(violations);
    }

    [Fact]
    public void Contracts_projects_have_no_references()
    {
        var contracts = Repository.Projects("services").Where(p => p.EndsWith(".Contracts.csproj", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, contracts.Count);
        var violations = contracts
            .SelectMany(p => ProjectRules.ContractReferences(Repository.Load(p)).Select(r => $"{Repository.Relative(p)} -> {r}"))
            .ToList();
        Assert.Empty(violations);
    }

    [Fact]
    public void Contracts_assemblies_reference_only_the_framework()
    {
        var contracts = AppDomain.CurrentDomain.GetAssemblies().Concat(ServiceAssemblies.SelectMany(a => a.GetReferencedAssemblies()).Select(Assembly.Load))
            .Where(a => a.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal))
            .DistinctBy(a => a.GetName().Name)
            .ToList();
        Assert.Equal(4, contracts.Count);
        var violations = contracts
            .SelectMany(a => a.GetReferencedAssemblies().Where(r => !IsFramework(r.Name!)).Select(r => $"{a.GetName().Name} -> {r.Name}"))
            .ToList();
        Assert.Empty(violations);
    }

    [Fact]
    public void Endpoints_classes_hold_routes_only()
    {
        var classes = ServiceAssemblies.SelectMany(EndpointRules.EndpointClasses).ToList();
        Assert.True(classes.Count >= 15, $"found only {classes.Count} endpoints classes");
        var violations = classes.SelectMany(EndpointRules.NonRouteMembers).ToList();
        Assert.Empty(violations);
    }

    [Fact]
    public void The_endpoints_files_of_every_service_declare_one_route_table_each()
    {
        var services = new[] { "services/Listings", "services/Matching", "services/Brokerage", "services/Identity" };
        var files = services
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(Repository.Root, d), "*Endpoints.cs", SearchOption.AllDirectories))
            .ToList();
        Assert.All(services, d => Assert.Contains(files, f => Repository.Relative(f).StartsWith(d + "/", StringComparison.Ordinal)));
        var violations = files.Where(f => DeclaredTypes(File.ReadAllText(f)) != 1).Select(Repository.Relative).ToList();
        Assert.Empty(violations);
    }

    [Fact]
    public void Every_route_whose_handler_answers_409_or_412_documents_it()
    {
        var sources = Repository.Sources("services", "platform");
        Assert.True(sources.Count >= 200, $"found only {sources.Count} source files");
        var gaps = ProblemDocumentationRules.Undocumented(sources);
        Assert.True(gaps.Count == 0, $"{gaps.Count} routes (add .ProducesProblem to the route table):\n" + string.Join("\n", gaps));
    }

    private static int DeclaredTypes(string source) =>
        System.Text.RegularExpressions.Regex.Count(source, @"^\s*(public|internal)\s+(static\s+|sealed\s+|partial\s+)*(class|record|struct|interface|enum)\s", System.Text.RegularExpressions.RegexOptions.Multiline);

    private static bool IsFramework(string name) =>
        name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal);
}
