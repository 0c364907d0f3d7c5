using System.Diagnostics;

namespace EndToEnd.Tests;

/// <summary>
/// Ports for test hosts stay reserved across test processes: the distributed deployments of two test assemblies running
/// side by side must never be given the same port before their processes bind it.
/// </summary>
public sealed class PortReservationTests
{
    [Fact]
    public void Reserved_ports_are_distinct_below_the_ephemeral_range_and_locked_against_other_processes()
    {
        var ports = Enumerable.Range(0, 50).Select(_ => Repo.FreePort()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        var ephemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t', ' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(ports, p => Assert.InRange(p, 20000, ephemeralStart - 1));

        // Another process (flock(1), as a second test process would) cannot take the lock this one holds...
        var lockFile = Path.Combine(Path.GetTempPath(), "marketplace-test-ports", ports[0] + ".lock");
        Assert.Equal(1, Flock(lockFile));

        // ...while a port nobody reserved is free to it.
        var unreserved = Path.Combine(Path.GetTempPath(), "marketplace-test-ports", "probe-" + Guid.NewGuid().ToString("N") + ".lock");
        try
        {
            Assert.Equal(0, Flock(unreserved));
        }
        finally
        {
            File.Delete(unreserved);
        }
    }

    private static int Flock(string file)
    {
        var info = new ProcessStartInfo("flock") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--nonblock", "--conflict-exit-code", "1", file, "true" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        process.WaitForExit(10_000);
        return process.ExitCode;
    }
}
