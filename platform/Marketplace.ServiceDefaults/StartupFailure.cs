using System.Reflection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.ServiceDefaults;

/// <summary>
/// A host that cannot start (no signing certificate, the search index held by another process, the port taken) says
/// why in one line on stderr and exits with 1, instead of an unhandled exception's stack trace.
/// </summary>
public static class StartupFailure
{
    public const int ExitCode = 1;

    /// <summary>
    /// Runs <paramref name="main"/>, the whole of a host's Program. Only when the process is that host
    /// (<paramref name="applicationName"/> is the entry assembly): under a test factory or a design-time tool the
    /// exception travels on to them unchanged.
    /// </summary>
    public static async Task<int> GuardAsync(string host, string applicationName, Func<Task<int>> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        try
        {
            return await main();
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or HostAbortedException)
                                   && Assembly.GetEntryAssembly()?.GetName().Name == applicationName)
        {
            await Console.Error.WriteLineAsync(Describe(host, ex));
            return ExitCode;
        }
    }

    /// <summary>One line: the host and the message of the exception that says what is wrong (wrappers unwrapped).</summary>
    public static string Describe(string host, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var cause = exception;
        while (cause is AggregateException { InnerExceptions.Count: 1 } or TargetInvocationException && cause.InnerException is not null)
        {
            cause = cause.InnerException!;
        }

        var message = string.Join(' ', cause.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return $"{host} did not start: {message}";
    }
}
