namespace Marketplace.Standalone;

/// <summary>
/// One standalone process per data directory, decided before anything starts: a second host (or <c>reindex</c>,
/// <c>setup</c>) beside a running one stops with one line instead of failing halfway through its start. The lock is
/// an exclusive open of <c>&lt;DataDir&gt;/.lock</c>, released by the operating system when the process ends, even by kill -9.
/// </summary>
internal static class DataDirectoryLock
{
    private static FileStream? held;

    /// <summary>Only when this process is the standalone host: in-process test hosts share one process and manage their own directories.</summary>
    public static void Acquire(string dataDir)
    {
        if (System.Reflection.Assembly.GetEntryAssembly() != typeof(DataDirectoryLock).Assembly)
        {
            return;
        }

        var full = Path.GetFullPath(dataDir);
        Directory.CreateDirectory(full);
        try
        {
            held = new FileStream(Path.Combine(full, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new InvalidOperationException(
                $"The data directory {full} is in use by another process (a running host). Stop that host first: one process per data directory.");
        }
    }
}
