using System.Globalization;
using Marketplace.Bench;

// Benchmarks that print figures. Usage:
//   dotnet run -c Release --project bench/Marketplace.Bench -- outbox [--events 20000] [--rabbitmq amqp://guest:guest@localhost:5672/]
//   dotnet run -c Release --project bench/Marketplace.Bench -- latency --url http://localhost:5080 [--samples 40] [--settle]
var mode = args.FirstOrDefault() ?? "outbox";
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

return mode switch
{
    "outbox" => await OutboxBenchmark.RunAsync(int.Parse(Option("--events") ?? "20000", CultureInfo.InvariantCulture), Option("--rabbitmq")),
    "latency" => await LatencyBenchmark.RunAsync(Option("--url") ?? "http://localhost:5080", int.Parse(Option("--samples") ?? "40", CultureInfo.InvariantCulture), args.Contains("--settle")),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("modes: outbox | latency");
    return 2;
}
