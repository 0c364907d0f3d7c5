using System.Diagnostics;

namespace Marketplace.Testing;

/// <summary>
/// The distributed mode on one machine, as deploy/local/run-distributed.sh starts it: four service processes, the
/// company portal's process and the gateway over a real RabbitMQ, in a private virtual host, each service with its own SQLite file. The services reach
/// the broker through <see cref="Broker"/>, so a test can take the broker away from this deployment alone. Without a
/// broker nothing is started (the tests that need it are skipped, or fail when MARKETPLACE_REQUIRE_RABBITMQ=1).
/// </summary>
public class DistributedDeployment : IAsyncLifetime
{
    public static readonly IReadOnlyList<string> ServiceNames = ["identity", "listings", "matching", "brokerage"];

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "distributed-e2e-" + Guid.NewGuid().ToString("N"));
    public string GatewayUrl { get; private set; } = "";
    public Dictionary<string, HostProcess> Services { get; } = [];
    public TimeSpan StartToReady { get; private set; }
    /// <summary>The deployment's private virtual host ("/" only when rabbitmqctl could not create one).</summary>
    public string VirtualHost => vhost;

    /// <summary>The deployment's way to the broker; <see cref="BrokerGate.Cut"/> is a broker outage for it alone.</summary>
    public BrokerGate? Broker { get; private set; }

    private string vhost = "/";

    /// <summary>Settings (in configuration-key form, <c>Section:Key</c>) given to every process on top of the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var testsRun = RabbitMq.SkipReason() is null;
        if (!await RabbitMq.WaitAvailableAsync(testsRun ? TimeSpan.FromSeconds(60) : TimeSpan.Zero))
        {
            if (testsRun)
            {
                throw new InvalidOperationException("No RabbitMQ answers on localhost:5672" +
                    (RabbitMq.Required ? " (MARKETPLACE_REQUIRE_RABBITMQ=1)." : ", though one did when the tests were discovered."));
            }

            return; // the tests are skipped by their attribute
        }

        var name = "marketplace-e2e-" + Guid.NewGuid().ToString("N")[..8];
        if (RabbitMq.Ctl("add_vhost", name).ExitCode == 0 && RabbitMq.Ctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*").ExitCode == 0)
        {
            vhost = name;
        }

        Broker = new BrokerGate();
        var rabbitUrl = $"amqp://guest:guest@127.0.0.1:{Broker.Port}/{Uri.EscapeDataString(vhost)}";
        var ports = new Dictionary<string, int>
        {
            ["gateway"] = Repo.FreePort(), ["identity"] = Repo.FreePort(), ["listings"] = Repo.FreePort(),
            ["matching"] = Repo.FreePort(), ["brokerage"] = Repo.FreePort(), ["portal"] = Repo.FreePort(),
        };
        GatewayUrl = $"http://127.0.0.1:{ports["gateway"]}";
        var projects = new Dictionary<string, (string Dir, string Dll)>
        {
            ["identity"] = ("services/Identity/Identity.Api", "Identity.Api"),
            ["listings"] = ("services/Listings/Listings.Api", "Listings.Api"),
            ["matching"] = ("services/Matching/Matching.Api", "Matching.Api"),
            ["brokerage"] = ("services/Brokerage/Brokerage.Api", "Brokerage.Api"),
            ["portal"] = ("portal/Portal.Host", "Portal.Host"),
            ["gateway"] = ("gateway/Gateway", "Gateway"),
        };

        var watch = Stopwatch.StartNew();
        foreach (var (service, project) in projects)
        {
            var env = new Dictionary<string, string>
            {
                ["Marketplace__Mode"] = "distributed",
                ["Marketplace__DataDir"] = Path.Combine(DataDir, service),
                ["Marketplace__Demo"] = "true",
                ["Messaging__Transport"] = "RabbitMq",
                ["Messaging__RabbitMqUrl"] = rabbitUrl,
                ["Messaging__RedeliveryIntervals__0"] = "00:00:02",
                ["Outbox__PollInterval"] = "00:00:01",
                ["Outbox__MaxBackoff"] = "00:00:02",
                ["Auth__Authority"] = GatewayUrl + "/",
                ["Auth__MetadataAddress"] = $"http://127.0.0.1:{ports["identity"]}/.well-known/openid-configuration",
                ["Identity__Issuer"] = GatewayUrl + "/",
                // Links in mail and the portal's sign-in addresses: everything public goes through the gateway.
                ["Marketplace__PublicUrl"] = GatewayUrl + "/",
                // As in a cluster: the portal reads Identity's discovery document from inside, sends browsers to the public URL.
                ["Portal__MetadataAddress"] = $"http://127.0.0.1:{ports["identity"]}/.well-known/openid-configuration",
            };
            foreach (var (cluster, port) in ports.Where(p => p.Key != "gateway"))
            {
                env[$"ReverseProxy__Clusters__{cluster}__Destinations__d1__Address"] = $"http://127.0.0.1:{port}/";
            }

            foreach (var (key, value) in ExtraSettings)
            {
                env[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            var host = new HostProcess(service, Repo.Dll(project.Dir, project.Dll), $"http://127.0.0.1:{ports[service]}", env, DataDir);
            Services[service] = host;
            host.Start();
        }

        await Services["gateway"].WaitReadyAsync(TimeSpan.FromSeconds(180));
        StartToReady = watch.Elapsed;
    }

    public Task DisposeAsync()
    {
        foreach (var host in Services.Values)
        {
            host.Dispose();
        }

        Broker?.Dispose();

        if (vhost != "/")
        {
            RabbitMq.Ctl("delete_vhost", vhost);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }
}
