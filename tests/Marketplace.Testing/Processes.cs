using System.Diagnostics;
using System.Net.Sockets;

namespace Marketplace.Testing;

public static class Repo
{
    public static readonly string Root = FindRoot();

    /// <summary>Debug or Release: whatever this test assembly was built as.</summary>
    public static readonly string Configuration =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string Dll(string projectDir, string name) =>
        Path.Combine(Root, projectDir, "bin", Configuration, "net10.0", name + ".dll");

    /// <summary>A port no other test process on the machine is given while this one runs (<see cref="PortReservations"/>).</summary>
    public static int FreePort() => PortReservations.Reserve();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root (Marketplace.sln) not found.");
    }
}

/// <summary>A host started as its own OS process with <c>dotnet app.dll</c>, its output kept in a log file.</summary>
public sealed class HostProcess(string name, string dll, string url, IReadOnlyDictionary<string, string> environment, string logDir, params string[] args) : IDisposable
{
    private Process? process;

    public string Name => name;
    public string Url => url;
    public string LogFile => Path.Combine(logDir, $"{name}.log");

    public void Start()
    {
        Directory.CreateDirectory(logDir);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(LogFile, append: true) { AutoFlush = true };
        process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {name}.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process is { HasExited: true })
            {
                throw Exited();
            }

            try
            {
                using var response = await http.GetAsync($"{url}/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{name} was not ready within {timeout}: {Tail()}");
    }

    /// <summary>Waits until the process has written a line containing <paramref name="text"/> (the banner, say).</summary>
    public async Task WaitForLogAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process is { HasExited: true })
            {
                throw Exited();
            }

            if (File.Exists(LogFile) && ReadShared(LogFile).Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{name} did not print '{text}' within {timeout}: {Tail()}");
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10000);
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>
    /// The process ended: waits for its last output lines to reach the log (the redirected streams drain after the exit,
    /// so a log read at once can still be empty) and names the exit code and the log's tail.
    /// </summary>
    private InvalidOperationException Exited()
    {
        process!.WaitForExit();
        return new InvalidOperationException($"{name} exited with {process.ExitCode}: {Tail()}");
    }

    public string Tail() => File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(30)) : "(no log)";

    public void Dispose() => Stop();
}

/// <summary>
/// Runs only where a RabbitMQ broker answers on localhost:5672. CI sets MARKETPLACE_REQUIRE_RABBITMQ=1, which turns a
/// missing broker into a failure instead of a skip.
/// </summary>
public sealed class RabbitMqFactAttribute : FactAttribute
{
    public RabbitMqFactAttribute()
    {
        Skip = RabbitMq.SkipReason();
    }
}

public static class RabbitMq
{
    // The first answer in this process: tests decide at discovery whether they run, and a fixture started later must
    // agree with them even if the broker is briefly down then (another run's outage test stops it for a while).
    private static readonly Lazy<bool> AvailableAtStart = new(Available);

    public static bool Required => Environment.GetEnvironmentVariable("MARKETPLACE_REQUIRE_RABBITMQ") == "1";

    /// <summary>Why tests that need the broker are skipped, or null when they run (a broker answered, or CI demands one).</summary>
    public static string? SkipReason() =>
        AvailableAtStart.Value || Required
            ? null
            : "Skipped: no RabbitMQ on localhost:5672 (install rabbitmq-server and run `rabbitmq-server -detached`, as .ci/run does).";

    /// <summary>Polls until the broker answers or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> WaitAvailableAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Available())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(500);
        }

        return true;
    }

    public static bool Available()
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync("127.0.0.1", 5672).Wait(TimeSpan.FromSeconds(1)) && client.Connected;
        }
        catch (Exception ex) when (ex is SocketException or AggregateException)
        {
            return false;
        }
    }

    /// <summary>rabbitmqctl, for a private virtual host per run.</summary>
    public static (int ExitCode, string Output) Ctl(params string[] args)
    {
        var info = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit(60000);
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
