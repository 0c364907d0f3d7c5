using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Marketplace.ServiceDefaults.Messaging;

/// <summary>Owns one AMQP connection for the holding queues (declared on first use) and publishes with confirms.</summary>
internal sealed class RabbitRedeliveryPublisher(IOptions<MessagingOptions> options, ILogger<RabbitRedeliveryPublisher> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentDictionary<string, bool> declared = new();
    private IConnection? connection;
    private IChannel? channel;

    public ILogger Logger => logger;

    public async Task RedeliverAsync(ReceiveContext receive, TimeSpan delay, int count, CancellationToken cancellationToken)
    {
        var queue = receive.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Last();
        var holding = $"{queue}_redelivery_{(long)delay.TotalMilliseconds}ms";
        var body = receive.Body.GetBytes();

        await gate.WaitAsync(cancellationToken);
        try
        {
            var ch = await ChannelAsync(cancellationToken);
            if (!declared.ContainsKey(holding))
            {
                await ch.QueueDeclareAsync(holding, durable: true, exclusive: false, autoDelete: false,
                    arguments: new Dictionary<string, object?>
                    {
                        ["x-message-ttl"] = (long)delay.TotalMilliseconds,
                        ["x-dead-letter-exchange"] = queue,
                        ["x-dead-letter-routing-key"] = queue,
                    }, cancellationToken: cancellationToken);
                declared[holding] = true;
            }

            var headers = new Dictionary<string, object?>();
            foreach (var header in receive.TransportHeaders.GetAll())
            {
                headers[header.Key] = header.Value is string s ? s : header.Value?.ToString();
            }

            headers[CountHeader] = count;
            var props = new BasicProperties
            {
                ContentType = receive.ContentType?.ToString(),
                Persistent = true,
                Headers = headers,
            };
            if (receive.TransportHeaders.TryGetHeader("message_id", out var id) && id is string messageId)
            {
                props.MessageId = messageId;
            }

            await ch.BasicPublishAsync(string.Empty, holding, mandatory: true, props, body, cancellationToken);
        }
        catch
        {
            // A broken channel is rebuilt on the next use.
            channel = null;
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    public const string CountHeader = "Marketplace-Redelivery-Count";

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (channel is { IsOpen: true })
        {
            return channel;
        }

        if (connection is not { IsOpen: true })
        {
            var factory = new ConnectionFactory { Uri = new Uri(options.Value.RabbitMqUrl!), ClientProvidedName = "marketplace-redelivery" };
            connection = await factory.CreateConnectionAsync(cancellationToken);
        }

        channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        declared.Clear();
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        if (channel is not null)
        {
            await channel.DisposeAsync();
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        gate.Dispose();
    }
}
