using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Marketplace.Security.Tests;

/// <summary>
/// The served OpenAPI document (merged at the gateway in distributed mode) generates a C# client with NSwag, which is
/// compiled with Roslyn together with <see cref="DriverSource"/>, a few lines written against the generated types. So
/// a request body the document does not describe, or a response type it gets wrong, breaks the compile or the calls.
/// Its listings (spent grain, in Lisbon) share no resource or place with other tests of the same host, so they cannot
/// cover a want another test expects a bundle for.
/// </summary>
public abstract class GeneratedClientTests(MarketplaceUnderTest factory)
{
    [ModeFact]
    public async Task A_client_generated_from_the_document_posts_a_want_and_an_offer_and_reads_the_matches()
    {
        var client = await GeneratedClient.CompileAsync(await factory.OpenApiDocumentJsonAsync(), DriverSource);
        var driver = client.GetType("Generated.Driver", throwOnError: true)!;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (_, supplier) = await factory.PartnerAsync("Generated Ash " + tag, Scopes);
        var (_, receiver) = await factory.PartnerAsync("Generated Cement " + tag, Scopes);
        using var supplierClient = supplier;
        using var receiverClient = receiver;

        var offer = await Invoke<Guid>(driver, "PostListingAsync", supplier, "offer", "Brewers' spent grain", "Wet spent grain from mashing, daily.");
        var want = await Invoke<Guid>(driver, "PostListingAsync", receiver, "want", "Spent grain for cattle feed", "Dairy farm needs brewers' spent grain as feed.");
        var matched = await MarketplaceUnderTest.EventuallyAsync(async () =>
        {
            var counterparts = await Invoke<IReadOnlyList<Guid>>(driver, "MatchedListingsAsync", receiver, want);
            return counterparts.Contains(offer) ? counterparts : null;
        }, TimeSpan.FromSeconds(90));
        Assert.Contains(offer, matched);

        var problem = await Invoke<string>(driver, "InvalidListingProblemAsync", receiver);
        Assert.Contains("quantity", problem, StringComparison.Ordinal);
    }

    private static readonly string[] Scopes = ["listings.read", "listings.write", "matches.read"];

    private static async Task<T> Invoke<T>(Type driver, string method, params object[] arguments)
    {
        try
        {
            return await (Task<T>)driver.GetMethod(method)!.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>Written against the generated client only: its operation names, request and response types.</summary>
    private const string DriverSource = """
        namespace Generated;

        public static class Driver
        {
            public static async System.Threading.Tasks.Task<System.Guid> PostListingAsync(System.Net.Http.HttpClient http, string kind, string title, string description)
            {
                var client = new MarketplaceClient(http);
                var created = await client.CreateListingAsync(idempotency_Key: null, body: new CreateListingRequest
                {
                    Kind = kind,
                    ResourceClass = "material",
                    Title = title,
                    Description = description,
                    Quantity = new QuantityDto { Amount = 1200, Unit = "t", Per = "year" },
                    Location = new LocationDto { Lat = 38.72, Lon = -9.14, Country = "PT" },
                });
                return created.Id;
            }

            public static async System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<System.Guid>> MatchedListingsAsync(System.Net.Http.HttpClient http, System.Guid listingId)
            {
                var client = new MarketplaceClient(http);
                try
                {
                    var page = await client.GetListingMatchesAsync(listingId, limit: 20, cursor: null, view: null);
                    return System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(page.Items, i => i.ListingId));
                }
                catch (ApiException e) when (e.StatusCode == 404)
                {
                    return [];
                }
            }

            public static async System.Threading.Tasks.Task<string> InvalidListingProblemAsync(System.Net.Http.HttpClient http)
            {
                var client = new MarketplaceClient(http);
                try
                {
                    await client.CreateListingAsync(idempotency_Key: null, body: new CreateListingRequest
                    {
                        Kind = "want", ResourceClass = "material", Title = "No quantity",
                        Quantity = new QuantityDto { Amount = -1, Unit = "t", Per = "year" },
                        Location = new LocationDto { Lat = 55.6, Lon = 11.1, Country = "DK" },
                    });
                    return "created";
                }
                catch (ApiException<HttpValidationProblemDetails> e)
                {
                    return string.Join(",", e.Result.Errors.Keys);
                }
            }
        }
        """;
}

/// <summary>NSwag's C# client for a document, compiled in memory with the caller's extra source.</summary>
internal static class GeneratedClient
{
    public static async Task<Assembly> CompileAsync(string openApiJson, string extraSource)
    {
        var document = await OpenApiDocument.FromJsonAsync(openApiJson);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "MarketplaceClient",
            UseBaseUrl = false,
            GenerateClientInterfaces = false,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
            CSharpGeneratorSettings = { Namespace = "Generated", JsonLibrary = CSharpJsonLibrary.SystemTextJson },
        };
        var code = new CSharpClientGenerator(document, settings).GenerateFile();
        var artifacts = Environment.GetEnvironmentVariable("MARKETPLACE_ARTIFACTS_DIR") ?? Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(artifacts);
        await File.WriteAllTextAsync(Path.Combine(artifacts, "GeneratedMarketplaceClient.cs"), code);

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Generated.MarketplaceClient." + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(code), CSharpSyntaxTree.ParseText(extraSource)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(result.Success, $"The generated client does not compile ({errors.Count} errors; source in {artifacts}):\n" + string.Join("\n", errors.Take(30)));
        return Assembly.Load(image.ToArray());
    }
}

[Collection(InProcessCollection.Name)]
public sealed class GeneratedClientInProcessTests(InProcessMarketplace marketplace) : GeneratedClientTests(marketplace);

[Collection(DistributedCollection.Name)]
public sealed class GeneratedClientDistributedTests(DistributedMarketplace marketplace) : GeneratedClientTests(marketplace), IDistributedMode;
