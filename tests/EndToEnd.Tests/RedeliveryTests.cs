using System.Collections.Concurrent;
using Marketplace.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace EndToEnd.Tests;

public sealed record Flaky(Guid Id, int FailuresBeforeSuccess);

public sealed class Attempts
{
    public ConcurrentDictionary<Guid, int> Count { get; } = new();
    public ConcurrentDictionary<Guid, int> SucceededAtRedelivery { get; } = new();
}

public sealed class FlakyConsumer(Attempts attempts) : IConsumer<Flaky>
{
    public Task Consume(ConsumeContext<Flaky> context)
    {
        var n = attempts.Count.AddOrUpdate(context.Message.Id, 1, (_, c) => c + 1);
        if (n <= context.Message.FailuresBeforeSuccess)
        {
            throw new InvalidOperationException($"attempt {n} fails on purpose");
        }

        attempts.SucceededAtRedelivery[context.Message.Id] =
            context.ReceiveContext.TransportHeaders.Get("Marketplace-Redelivery-Count", default(int?)) ?? 0;
        return Task.CompletedTask;
    }
}

/// <summary>Retry, then redelivery through TTL holding queues on a stock RabbitMQ, then the _error queue.</summary>
public sealed class RedeliveryTests : IAsyncLifetime
{
    private readonly string service = "redelivery-" + Guid.NewGuid().ToString("N")[..8];
    private IHost? host;

    public async Task InitializeAsync()
    {
        if (RabbitMq.SkipReason() is not null)
        {
            return; // as the tests decided at discovery: a fresh check could time out on a busy machine
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Messaging:Transport"] = "RabbitMq";
        builder.Configuration["Messaging:RabbitMqUrl"] = "amqp://guest:guest@127.0.0.1:5672/";
        builder.Configuration["Messaging:RetryIntervals:0"] = "00:00:00.010";
        builder.Configuration["Messaging:RedeliveryIntervals:0"] = "00:00:01";
        builder.Configuration["Messaging:RedeliveryIntervals:1"] = "00:00:01";
        builder.Services.AddSingleton<Attempts>();
        builder.AddConsumer<FlakyConsumer>(service);
        builder.AddMessaging();
        host = builder.Build();
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    [RabbitMqFact]
    public async Task A_message_that_fails_its_retries_comes_back_through_the_broker_and_then_succeeds()
    {
        var attempts = host!.Services.GetRequiredService<Attempts>();
        var message = new Flaky(Guid.NewGuid(), FailuresBeforeSuccess: 3); // 2 tries per delivery: succeeds on the first redelivery
        await host.Services.GetRequiredService<IBus>().Publish(message);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!attempts.SucceededAtRedelivery.ContainsKey(message.Id) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(attempts.SucceededAtRedelivery.TryGetValue(message.Id, out var redelivery), "the message never succeeded");
        Assert.Equal(1, redelivery);
        Assert.Equal(4, attempts.Count[message.Id]);
    }

    [RabbitMqFact]
    public async Task A_message_that_keeps_failing_ends_in_the_error_queue_after_the_last_redelivery()
    {
        var attempts = host!.Services.GetRequiredService<Attempts>();
        var message = new Flaky(Guid.NewGuid(), FailuresBeforeSuccess: int.MaxValue);
        await host.Services.GetRequiredService<IBus>().Publish(message);

        var errorQueue = $"{service}-flaky_error";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        uint inError = 0;
        while (DateTime.UtcNow < deadline && (inError = await CountAsync(errorQueue)) == 0)
        {
            await Task.Delay(200);
        }

        Assert.Equal(1u, inError);
        Assert.Equal(6, attempts.Count[message.Id]); // (1 delivery + 2 redeliveries) x 2 tries
    }

    private static async Task<uint> CountAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri("amqp://guest:guest@127.0.0.1:5672/") };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // not declared yet
        }
    }
}
