using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Marketplace.Security.Tests;

/// <summary>
/// A plain HTTP server on 127.0.0.1 and ::1 (same port) that answers every request 200: whatever reaches it came into
/// this machine. <see cref="Reached"/> counts the requests it answered.
/// </summary>
internal sealed class LocalListener : IDisposable
{
    private readonly TcpListener v4;
    private readonly TcpListener v6;
    private int reached;

    public LocalListener()
    {
        v4 = new TcpListener(IPAddress.Loopback, 0);
        v4.Start();
        Port = ((IPEndPoint)v4.LocalEndpoint).Port;
        v6 = new TcpListener(IPAddress.IPv6Loopback, Port);
        v6.Start();
        _ = Task.Run(() => LoopAsync(v4));
        _ = Task.Run(() => LoopAsync(v6));
    }

    public int Port { get; }

    public int Reached => Volatile.Read(ref reached);

    private async Task LoopAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using (client)
                {
                    var stream = client.GetStream();
                    var seen = new StringBuilder();
                    var buffer = new byte[4096];
                    while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var n = await stream.ReadAsync(buffer);
                        if (n == 0)
                        {
                            return;
                        }

                        seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    }

                    Interlocked.Increment(ref reached);
                    await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
                }
            });
        }
    }

    public void Dispose()
    {
        v4.Stop();
        v6.Stop();
    }
}
