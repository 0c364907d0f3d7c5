using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Marketplace.Testing;

/// <summary>A partner's webhook endpoint: records what arrives and answers with <see cref="Status"/>.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<(Dictionary<string, string?> Headers, string Body)> received = new();
    private readonly SemaphoreSlim arrived = new(0);

    public WebhookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hook/";
        listener.Prefixes.Add(Url);
        listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string Url { get; }
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;
    public int Count { get; private set; }

    /// <summary>The envelope ids of the deliveries taken with <see cref="NextAsync"/>.</summary>
    public List<string?> Seen { get; } = [];

    /// <summary>
    /// The next delivery not taken before. Delivery is at least once: a repeat of an envelope already taken (same id,
    /// as a partner deduplicates) is passed over.
    /// </summary>
    public async Task<(Dictionary<string, string?> Headers, string Body)> NextAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await arrived.WaitAsync(left) || !received.TryDequeue(out var item))
            {
                throw new TimeoutException($"No new webhook arrived at {Url} (taken before: {Seen.Count}).");
            }

            var id = JsonDocument.Parse(item.Body).RootElement.TryGetProperty("id", out var value) ? value.GetString() : null;
            if (id is not null && Seen.Contains(id))
            {
                continue;
            }

            Seen.Add(id);
            return item;
        }
    }

    /// <summary>Whatever arrived and was not taken yet.</summary>
    public List<(Dictionary<string, string?> Headers, string Body)> Drain()
    {
        var rest = new List<(Dictionary<string, string?> Headers, string Body)>();
        while (received.TryDequeue(out var item))
        {
            rest.Add(item);
        }

        return rest;
    }

    private async Task LoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]);
            context.Response.StatusCode = (int)Status;
            context.Response.Close();
            if (Status == HttpStatusCode.OK)
            {
                Count++;
                received.Enqueue((headers, body));
                arrived.Release();
            }
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
    }
}
