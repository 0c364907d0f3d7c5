using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Marketplace.Testing;

/// <summary>
/// The one way a deployment reaches RabbitMQ: a TCP relay on its own port in front of the broker's. <see cref="Cut"/>
/// is a broker outage as the services see one when the broker stops (every connection drops, new ones are refused)
/// for this deployment only: the node itself keeps serving the other test runs, which stopping it would break.
/// <see cref="Restore"/> brings the broker back on the same port.
/// </summary>
public sealed class BrokerGate : IDisposable
{
    private readonly IPEndPoint broker;
    private readonly ConcurrentDictionary<Guid, (TcpClient Client, TcpClient Upstream)> links = new();
    private readonly Lock gate = new();
    private TcpListener? listener;

    public BrokerGate(int brokerPort = 5672)
    {
        broker = new IPEndPoint(IPAddress.Loopback, brokerPort);
        Port = Repo.FreePort();
        Restore();
    }

    /// <summary>Where the deployment's services connect instead of the broker's own port.</summary>
    public int Port { get; }

    /// <summary>Connections relayed since the gate was made (a reconnect after an outage adds to it).</summary>
    public int Accepted => Volatile.Read(ref accepted);

    private int accepted;

    /// <summary>Drops every relayed connection and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        lock (gate)
        {
            listener?.Stop();
            listener = null;
        }

        foreach (var (id, link) in links)
        {
            Close(link);
            links.TryRemove(id, out _);
        }
    }

    /// <summary>Accepts connections again on <see cref="Port"/>.</summary>
    public void Restore()
    {
        lock (gate)
        {
            if (listener is not null)
            {
                return;
            }

            var next = new TcpListener(IPAddress.Loopback, Port);
            next.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            next.Start();
            listener = next;
            _ = Task.Run(() => AcceptAsync(next));
        }
    }

    private async Task AcceptAsync(TcpListener from)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await from.AcceptTcpClientAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // cut
            }

            _ = Task.Run(() => RelayAsync(from, client));
        }
    }

    private async Task RelayAsync(TcpListener from, TcpClient client)
    {
        var upstream = new TcpClient();
        var id = Guid.NewGuid();
        try
        {
            client.NoDelay = true;
            upstream.NoDelay = true;
            await upstream.ConnectAsync(broker);
            lock (gate)
            {
                if (!ReferenceEquals(listener, from))
                {
                    Close((client, upstream)); // accepted just before a cut
                    return;
                }

                links[id] = (client, upstream);
            }

            Interlocked.Increment(ref accepted);
            using var done = new CancellationTokenSource();
            var toBroker = PumpAsync(client.GetStream(), upstream.GetStream(), done.Token);
            var toClient = PumpAsync(upstream.GetStream(), client.GetStream(), done.Token);
            await Task.WhenAny(toBroker, toClient);
            await done.CancelAsync();
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            links.TryRemove(id, out _);
            Close((client, upstream));
        }
    }

    private static async Task PumpAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        try
        {
            await from.CopyToAsync(to, 16 * 1024, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
        }
    }

    private static void Close((TcpClient Client, TcpClient Upstream) link)
    {
        foreach (var socket in new[] { link.Client, link.Upstream })
        {
            try
            {
                // a reset, as a broker process that goes away leaves its peers
                socket.Client.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
            }
        }
    }

    public void Dispose() => Cut();
}
