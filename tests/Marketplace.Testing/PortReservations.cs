using System.Net;
using System.Net.Sockets;

namespace Marketplace.Testing;

/// <summary>
/// Ports for hosts the tests start as processes, reserved across every test process on the machine until this one ends.
/// Asking the OS for port 0 and letting it go leaves a gap before the host binds it (a service loading its model takes
/// seconds), and another test process asking the OS in that gap can be given the same port: its host binds it first,
/// and a deployment's gateway then routes to a stranger. So ports come from below the OS's ephemeral range (which it
/// hands to port-0 binds and outgoing connections) and each is held by an exclusive lock on a file named after it; a
/// lock dies with its process, so a crashed run frees its ports.
/// </summary>
public static class PortReservations
{
    private const int First = 20000;
    private static readonly string Dir = Path.Combine(Path.GetTempPath(), "marketplace-test-ports");
    private static readonly List<FileStream> Held = [];
    private static readonly Lock Gate = new();

    public static int Reserve()
    {
        var last = EphemeralStart() - 1;
        var count = last - First + 1;
        var start = Random.Shared.Next(count);
        Directory.CreateDirectory(Dir);
        lock (Gate)
        {
            for (var i = 0; i < count; i++)
            {
                var port = First + ((start + i) % count);
                if (TryLock(port) is { } held)
                {
                    if (Bindable(port))
                    {
                        Held.Add(held);
                        return port;
                    }

                    held.Dispose();
                }
            }
        }

        throw new InvalidOperationException($"No free port between {First} and {last}.");
    }

    private static FileStream? TryLock(int port)
    {
        try
        {
            return new FileStream(Path.Combine(Dir, port + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null; // another test process holds it
        }
    }

    private static bool Bindable(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false; // something outside the tests listens there
        }
    }

    /// <summary>The first port of the OS's ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range), else IANA's 49152.</summary>
    private static int EphemeralStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(range)
            && int.TryParse(File.ReadAllText(range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], out var start)
            && start > First + 1000)
        {
            return start;
        }

        return 49152;
    }
}
