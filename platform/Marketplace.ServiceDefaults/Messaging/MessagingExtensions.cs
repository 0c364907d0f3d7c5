using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Marketplace.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    private const string RegistrationsKey = "Marketplace.Messaging.Registrations";

    /// <summary>
    /// A service contributes a consumer; its endpoint is named <c>{service}-{consumer}</c> so that two services
    /// consuming the same event each get their own queue, in one process or many.
    /// </summary>
    public static IHostApplicationBuilder AddConsumer<TConsumer>(this IHostApplicationBuilder builder, string service)
        where TConsumer : class, IConsumer
    {
        Registrations(builder).Add(x => x.AddConsumer<TConsumer>()
            .Endpoint(e => e.Name = $"{service}-{KebabCaseEndpointNameFormatter.Instance.Consumer<TConsumer>()}"));
        return builder;
    }

    /// <summary>The one <c>AddMassTransit</c> of a host, after every service has contributed its consumers.</summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Transport != MessagingTransports.RabbitMq || !string.IsNullOrWhiteSpace(o.RabbitMqUrl),
                "Messaging:RabbitMqUrl is required when Messaging:Transport is RabbitMq.")
            .ValidateOnStart();

        var settings = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        var registrations = Registrations(builder);
        var rabbit = string.Equals(settings.Transport, MessagingTransports.RabbitMq, StringComparison.OrdinalIgnoreCase);
        if (rabbit)
        {
            builder.Services.AddSingleton<RabbitRedeliveryPublisher>();
        }

        builder.Services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            foreach (var register in registrations)
            {
                register(x);
            }

            x.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                var o = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                if (rabbit)
                {
                    endpoint.UseFilter(new RabbitRedeliveryFilter(context.GetRequiredService<RabbitRedeliveryPublisher>(), o.RedeliveryIntervals));
                }
                else
                {
                    endpoint.UseDelayedRedelivery(r => r.Intervals(o.RedeliveryIntervals));
                }

                endpoint.UseMessageRetry(r => r.Intervals(o.RetryIntervals));
            });

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
        });
        return builder;
    }

    private static List<Action<IBusRegistrationConfigurator>> Registrations(IHostApplicationBuilder builder)
    {
        if (!builder.Properties.TryGetValue(RegistrationsKey, out var value))
        {
            value = new List<Action<IBusRegistrationConfigurator>>();
            builder.Properties[RegistrationsKey] = value;
        }

        return (List<Action<IBusRegistrationConfigurator>>)value;
    }
}
