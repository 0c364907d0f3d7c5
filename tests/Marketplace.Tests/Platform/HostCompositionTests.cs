using MassTransit;
using Marketplace.Identity;
using Marketplace.Listings;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;

namespace Marketplace.Tests.Platform;

/// <summary>A host composed in the wrong order stops while it is composed, saying which call to move.</summary>
public sealed class HostCompositionTests : IDisposable
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "composition-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Identity_after_another_service_module_fails_naming_the_call_to_move()
    {
        var builder = Builder();
        builder.AddListings();

        var failure = Assert.Throws<InvalidOperationException>(() => builder.AddIdentityService());
        Assert.Equal("Host composition order: the token server (AddIdentityService) was added after the 'listings' module, which already set up token validation. Call builder.AddIdentityService() before the other service modules.", failure.Message);
    }

    [Fact]
    public void Identity_first_then_the_other_modules_composes()
    {
        var builder = Builder();
        builder.AddIdentityService();
        builder.AddListings();
        builder.AddMessaging();

        Assert.True(builder.Composition().MessagingAdded);
        Assert.Contains(builder.Composition().Commands, c => c.Verb == "setup");
    }

    [Fact]
    public void A_consumer_added_after_AddMessaging_fails_instead_of_never_being_registered()
    {
        var builder = Builder();
        builder.AddMessaging();

        var failure = Assert.Throws<InvalidOperationException>(() => builder.AddConsumer<PingConsumer>("tests"));
        Assert.Equal("Host composition order: consumer PingConsumer of 'tests' was added after AddMessaging(). Call builder.AddMessaging() once, after every service module.", failure.Message);
    }

    [Fact]
    public void AddMessaging_twice_fails()
    {
        var builder = Builder();
        builder.AddMessaging();

        var failure = Assert.Throws<InvalidOperationException>(() => builder.AddMessaging());
        Assert.Contains("AddMessaging() was called twice", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_directory_is_resolved_once_to_an_absolute_created_path()
    {
        var builder = Builder();
        Assert.Equal(dataDir, HostComposition.DataDirectory(builder.Configuration));
        Assert.True(Directory.Exists(dataDir));
    }

    public void Dispose()
    {
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private WebApplicationBuilder Builder()
    {
        var builder = WebApplication.CreateBuilder(["--Marketplace:DataDir=" + dataDir, "--Marketplace:Demo=true", "--environment=Development"]);
        builder.AddServiceDefaults("composition-test");
        return builder;
    }

    internal sealed record Ping;

    internal sealed class PingConsumer : IConsumer<Ping>
    {
        public Task Consume(ConsumeContext<Ping> context) => Task.CompletedTask;
    }
}
