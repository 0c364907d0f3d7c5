using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Marketplace.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// A service contributes a consumer; its endpoint is named <c>{service}-{consumer}</c> so that two services
    /// consuming the same event each get their own queue, in one process or many.
    /// </summary>
    public static IHostApplicationBuilder AddConsumer<TConsumer>(this IHostApplicationBuilder builder, string service)
        where TConsumer : class, IConsumer
    {
        var composition = builder.Composition();
        composition.ConsumerAdded(typeof(TConsumer).Name, service);
        var endpoint = $"{service}-{KebabCaseEndpointNameFormatter.Instance.Consumer<TConsumer>()}";
        composition.ConsumerRegistrations.Add(x => x.AddConsumer<TConsumer>().Endpoint(e => e.Name = endpoint));
        composition.ConsumedMessageTypes[endpoint] = [.. typeof(TConsumer).GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0])];
        return builder;
    }

    /// <summary>The one <c>AddMassTransit</c> of a host, after every service has contributed its consumers.</summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        var composition = builder.Composition();
        composition.MessagingAddedOnce();
        AddMessagingOptions(builder);

        var settings = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        var registrations = composition.ConsumerRegistrations;
        var messageTypes = composition.ConsumedMessageTypes;
        var rabbit = string.Equals(settings.Transport, MessagingTransports.RabbitMq, StringComparison.OrdinalIgnoreCase);
        if (rabbit)
        {
            builder.Services.AddSingleton<RabbitRedeliveryPublisher>();
        }

        // In-memory: the outbox counts a message sent only once every in-process consumer has it (see InProcessConsumption).
        var consumption = new InProcessConsumption(!rabbit, messageTypes);
        builder.Services.AddSingleton(consumption);

        // Start serving only once every receive endpoint is bound: a publish before its queue's binding exists is dropped.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromMinutes(2);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        builder.Services.AddMassTransit(x =>
        {
            // MassTransit 8 reports usage to its vendor over the internet by default; an operator's marketplace
            // makes no calls it was not configured to make.
            x.DisableUsageTelemetry();
            x.SetKebabCaseEndpointNameFormatter();
            foreach (var register in registrations)
            {
                register(x);
            }

            x.AddConfigureEndpointsCallback((context, name, endpoint) =>
            {
                var o = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                if (rabbit)
                {
                    // Retry then redelivery, both in one filter: see RabbitRedeliveryFilter for why.
                    endpoint.UseFilter(new RabbitRedeliveryFilter(context.GetRequiredService<RabbitRedeliveryPublisher>(),
                        o.RetryIntervals, o.RedeliveryIntervals, messageTypes.TryGetValue(name, out var types) ? types : []));
                }
                else
                {
                    // No delayed redelivery here: a message scheduled in memory would die with the process. A message
                    // whose consumer still fails after the retries stays unsent in the outbox, which publishes it again.
                    endpoint.UseFilter(new ConsumedSignalFilter(consumption, name));
                    endpoint.UseMessageRetry(r => r.Intervals(o.RetryIntervals));
                }
            });

            UseTransport(x, rabbit);
        });
        return builder;
    }

    /// <summary><see cref="MessagingOptions"/>, checked at start; empty interval lists fall back to the defaults.</summary>
    private static void AddMessagingOptions(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Transport != MessagingTransports.RabbitMq || !string.IsNullOrWhiteSpace(o.RabbitMqUrl),
                "Messaging:RabbitMqUrl is required when Messaging:Transport is RabbitMq.")
            .PostConfigure(o =>
            {
                o.RetryIntervals = o.RetryIntervals.Length > 0 ? o.RetryIntervals : MessagingOptions.DefaultRetryIntervals;
                o.RedeliveryIntervals = o.RedeliveryIntervals.Length > 0 ? o.RedeliveryIntervals : MessagingOptions.DefaultRedeliveryIntervals;
            })
            .ValidateOnStart();
    }

    /// <summary>RabbitMQ for the distributed mode; in memory, with a delayed-message scheduler, for one process.</summary>
    private static void UseTransport(IBusRegistrationConfigurator x, bool rabbit)
    {
        if (rabbit)
        {
            x.UsingRabbitMq((context, cfg) =>
            {
                var o = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                cfg.Host(new Uri(o.RabbitMqUrl!));
                cfg.PrefetchCount = o.PrefetchCount;
                cfg.ConfigureEndpoints(context);
            });
        }
        else
        {
            x.UsingInMemory((context, cfg) =>
            {
                cfg.UseDelayedMessageScheduler();
                cfg.ConfigureEndpoints(context);
            });
        }
    }
}
