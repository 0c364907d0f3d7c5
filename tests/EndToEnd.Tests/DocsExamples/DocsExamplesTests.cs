using System.Diagnostics;

namespace EndToEnd.Tests.DocsExamples;

/// <summary>
/// Every <c>curl</c> example of the README and the API and partner guides, run with bash against a real demo host,
/// so the docs cannot contradict the product: a block that gets an HTTP error, uses an unset variable or a
/// captured <c>null</c> fails the test with the call and the answer.
/// </summary>
public sealed class DocsExamplesTests(DemoHost host) : IClassFixture<DemoHost>
{
    [ShellToolsTheory]
    [InlineData("README.md", 6)]
    [InlineData("docs/api.md", 50)]
    [InlineData("docs/partners.md", 5)]
    public async Task The_curl_examples_of_a_document_run_against_the_demo_host(string document, int minimumCalls)
    {
        var markdown = await File.ReadAllTextAsync(Path.Combine(Repo.Root, document));
        Assert.NotEmpty(DocScript.CurlBlocks(markdown));
        var workDir = Directory.CreateTempSubdirectory("docs-examples-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["BASE"] = host.Url,
            ["ORG"] = host.Organisation.ToString(),
            ["ADMIN_TOKEN"] = host.OperatorToken,
        };

        var (exitCode, output) = await RunBashAsync(DocScript.Build(markdown, host.Url), workDir, environment);

        var calls = output.Split('\n').Count(l => l.StartsWith("DOCS-CURL 2", StringComparison.Ordinal));
        Assert.True(exitCode == 0, $"{document}: the examples failed (exit {exitCode}):\n{output}");
        Assert.True(calls >= minimumCalls, $"{document}: {calls} successful calls, expected at least {minimumCalls}:\n{output}");
        Directory.Delete(workDir, recursive: true);
    }

    private static async Task<(int ExitCode, string Output)> RunBashAsync(string script, string workDir, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDir };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr + "\n" + await stdout);
    }
}
