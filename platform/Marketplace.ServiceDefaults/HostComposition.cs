using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.ServiceDefaults;

/// <summary>
/// What the modules of one host tell each other while it is composed, in one typed object on the builder: the
/// consumers waiting for <c>AddMessaging()</c>, whether the token server runs in this process, what is registered
/// once per host, and the commands and start steps of the shared run sequence (<see cref="HostingExtensions.RunMarketplaceAsync"/>).
/// The order rules live here too, so a host composed in the wrong order stops at start saying which call to move.
/// </summary>
public sealed class HostComposition
{
    private readonly List<HostCommand> commands = [];
    private readonly List<Func<WebApplication, Task>> startSteps = [];
    private string? tokenValidationAudience;

    /// <summary>The name given to <c>AddServiceDefaults</c>: telemetry's service name, and the host a start-up failure names.</summary>
    public string? HostName { get; internal set; }

    internal List<Action<IBusRegistrationConfigurator>> ConsumerRegistrations { get; } = [];

    /// <summary>Per receive endpoint, the message types its consumer takes.</summary>
    internal Dictionary<string, Type[]> ConsumedMessageTypes { get; } = [];

    internal bool MessagingAdded { get; private set; }

    internal bool LocalTokenServer { get; private set; }

    internal bool IdempotencyRegistered { get; set; }

    public IReadOnlyList<HostCommand> Commands => commands;

    public IReadOnlyList<Func<WebApplication, Task>> StartSteps => startSteps;

    /// <summary>A verb such as <c>reindex</c> or <c>setup</c>: when it is the first argument the host runs it and exits.</summary>
    public void AddCommand(string verb, Func<WebApplication, string[], Task<int>> run) => commands.Add(new HostCommand(verb, run));

    /// <summary>Work before serving, after migrations (reference data a service needs), in the order added.</summary>
    public void AddStartStep(Func<WebApplication, Task> step) => startSteps.Add(step);

    internal void ConsumerAdded(string consumer, string service)
    {
        if (MessagingAdded)
        {
            throw new InvalidOperationException(
                $"Host composition order: consumer {consumer} of '{service}' was added after AddMessaging(). Call builder.AddMessaging() once, after every service module.");
        }
    }

    internal void MessagingAddedOnce()
    {
        if (MessagingAdded)
        {
            throw new InvalidOperationException("Host composition order: AddMessaging() was called twice. Call it once, after every service module.");
        }

        MessagingAdded = true;
    }

    /// <summary>Called by Identity's module: the token server runs in this process, so every module validates against it locally.</summary>
    public void TokenServerInProcess()
    {
        if (tokenValidationAudience is not null)
        {
            throw new InvalidOperationException(
                $"Host composition order: the token server (AddIdentityService) was added after the '{tokenValidationAudience}' module, which already set up token validation. Call builder.AddIdentityService() before the other service modules.");
        }

        LocalTokenServer = true;
    }

    /// <summary>True for the first module that validates tokens: it configures validation for the whole host.</summary>
    internal bool TokenValidationAdded(string audience)
    {
        if (tokenValidationAudience is not null)
        {
            return false;
        }

        tokenValidationAudience = audience;
        return true;
    }

    /// <summary>The data directory (SQLite files, the embedded index, keys), absolute: the one place it is resolved.</summary>
    public static string DataDirectory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return MarketplaceOptions.ResolveDataDir(configuration[$"{MarketplaceOptions.Section}:DataDir"]);
    }
}

/// <summary>A command of the run sequence: <paramref name="Verb"/> as the first argument runs it instead of serving.</summary>
public sealed record HostCommand(string Verb, Func<WebApplication, string[], Task<int>> Run);

public static class HostCompositionExtensions
{
    /// <summary>The host's composition, created the first time a module asks.</summary>
    public static HostComposition Composition(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Properties.TryGetValue(typeof(HostComposition), out var value))
        {
            value = new HostComposition();
            builder.Properties[typeof(HostComposition)] = value;
            builder.Services.AddSingleton((HostComposition)value); // the run sequence reads its commands and start steps

        }

        return (HostComposition)value;
    }
}
