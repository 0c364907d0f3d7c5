using System.Globalization;
using System.Data.Common;
using System.Diagnostics;
using Marketplace.Brokerage.Billing;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Deliveries;
using Marketplace.Brokerage.Fees;
using Marketplace.Brokerage.Organisations;
using Marketplace.Brokerage.SupplyContracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// Billing run over N confirmed deliveries and the fee-ledger write rate, on a SQLite file as the standalone host uses.
// Usage: dotnet run -c Release --project bench/Brokerage.Bench -- [--deliveries 10000] [--contracts 100] [--per-event 1000]
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var deliveries = int.Parse(Option("--deliveries") ?? "10000", CultureInfo.InvariantCulture);
var contractCount = int.Parse(Option("--contracts") ?? "100", CultureInfo.InvariantCulture);
var perEvent = Math.Min(deliveries, int.Parse(Option("--per-event") ?? "1000", CultureInfo.InvariantCulture));

var dir = Path.Combine(Path.GetTempPath(), "brokerage-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dir);
var services = new ServiceCollection()
    .AddDbContext<BrokerageDbContext, SqliteBrokerageDbContext>(o => o
        .UseSqlite($"Data Source={Path.Combine(dir, "brokerage.db")};Pooling=True;Default Timeout=30")
        .AddInterceptors(new WalInterceptor()))
    .AddSingleton(Options.Create(new BillingOptions()))
    .AddSingleton(TimeProvider.System)
    .AddScoped<FeeAccrual>()
    .AddScoped<BillingService>()
    .BuildServiceProvider();

try
{
    await using (var scope = services.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<BrokerageDbContext>().Database.MigrateAsync();
    }

    var today = DateOnly.FromDateTime(DateTime.UtcNow);
    var period = FeeAccrual.PeriodOf(today);
    var contracts = await SeedAsync(services, contractCount, deliveries, today);
    Console.WriteLine($"Seeded {contractCount} active contracts, {deliveries} confirmed deliveries (plan: 2 % of value + 1 EUR/t, split 50/50 → 4 ledger entries per delivery).");

    // 1. Ledger write rate, one delivery per transaction: the path of DeliveryRecordedConsumer (source-key check + insert).
    var ids = await IdsAsync(services);
    var sw = Stopwatch.StartNew();
    var written = 0;
    foreach (var id in ids.Take(perEvent))
    {
        await using var scope = services.CreateAsyncScope();
        written += await AccrueAsync(scope.ServiceProvider, contracts, [id]);
    }

    sw.Stop();
    Console.WriteLine($"Ledger, one event per transaction: {written} entries for {perEvent} deliveries in {sw.Elapsed.TotalSeconds:0.00} s = {written / sw.Elapsed.TotalSeconds:0} entries/s ({perEvent / sw.Elapsed.TotalSeconds:0} events/s)");

    // 2. Ledger write rate in batches of 500 events per transaction (a consumer catching up).
    sw.Restart();
    var batched = 0;
    foreach (var chunk in ids.Skip(perEvent).Chunk(500))
    {
        await using var scope = services.CreateAsyncScope();
        batched += await AccrueAsync(scope.ServiceProvider, contracts, chunk);
    }

    sw.Stop();
    if (batched > 0)
    {
        Console.WriteLine($"Ledger, 500 events per transaction: {batched} entries in {sw.Elapsed.TotalSeconds:0.00} s = {batched / sw.Elapsed.TotalSeconds:0} entries/s");
    }

    // 3. A redelivery of every event adds nothing.
    sw.Restart();
    var again = 0;
    foreach (var chunk in ids.Chunk(500))
    {
        await using var scope = services.CreateAsyncScope();
        again += await AccrueAsync(scope.ServiceProvider, contracts, chunk);
    }

    Console.WriteLine($"Redelivering all {ids.Count} events: {again} new entries ({sw.Elapsed.TotalSeconds:0.00} s)");

    // 4. The billing run over everything, then a re-run.
    await using (var scope = services.CreateAsyncScope())
    {
        sw.Restart();
        var result = await scope.ServiceProvider.GetRequiredService<BillingService>().RunAsync(period, null, issue: true, CancellationToken.None);
        sw.Stop();
        var total = result.Invoices.Sum(i => i.Total);
        Console.WriteLine($"Billing run {period}: {result.Run.EntriesBilled} ledger entries from {deliveries} deliveries → {result.Invoices.Count} invoices " +
            $"(numbers {result.Invoices.Min(i => i.Number)} … {result.Invoices.Max(i => i.Number)}, total EUR {total:N2}) in {sw.Elapsed.TotalSeconds:0.00} s " +
            $"(target ≤ 10 s: {(sw.Elapsed.TotalSeconds <= 10 ? "met" : "MISSED")})");
    }

    await using (var scope = services.CreateAsyncScope())
    {
        sw.Restart();
        var rerun = await scope.ServiceProvider.GetRequiredService<BillingService>().RunAsync(period, null, issue: true, CancellationToken.None);
        Console.WriteLine($"Re-run of {period}: {rerun.Run.EntriesBilled} entries, {rerun.Invoices.Count} invoices in {sw.Elapsed.TotalSeconds:0.00} s");
    }

    return 0;
}
finally
{
    await services.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(dir, recursive: true);
}

static async Task<Dictionary<Guid, SupplyContract>> SeedAsync(IServiceProvider services, int contractCount, int deliveries, DateOnly today)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<BrokerageDbContext>();
    var now = DateTime.UtcNow;
    db.FeePlans.Add(new FeePlan
    {
        Id = Guid.CreateVersion7(), Code = "standard", Version = 1, Name = "Standard", Currency = "EUR", EffectiveFrom = new DateOnly(2020, 1, 1),
        PercentOfValue = 2m, AmountPerUnit = 1m, PerUnit = "t", Payer = Payers.Split, SupplierShare = 0.5m, CreatedAt = now,
    });
    string[] countries = ["DK", "DE", "SE", "NO", "NL"];
    var contracts = new Dictionary<Guid, SupplyContract>();
    for (var i = 0; i < contractCount; i++)
    {
        var supplier = new KnownOrganisation { Id = Guid.CreateVersion7(), Name = $"Supplier {i}", Country = countries[i % countries.Length], UpdatedAt = now };
        var receiver = new KnownOrganisation { Id = Guid.CreateVersion7(), Name = $"Receiver {i}", Country = countries[(i + 1) % countries.Length], UpdatedAt = now };
        db.Organisations.AddRange(supplier, receiver);
        var contract = new SupplyContract
        {
            Id = Guid.CreateVersion7(), DealId = Guid.CreateVersion7(), TermsId = Guid.CreateVersion7(), TermsVersion = 1, Status = ContractStatuses.Active,
            SupplierOrganisationId = supplier.Id, ReceiverOrganisationId = receiver.Id, ResourceTitle = "Dry fly ash", EwcCode = "10 01 02",
            ResourceClass = "material", DistanceKm = 30, QuantityAmount = 100, QuantityUnit = "t", QuantityPeriod = "month",
            StartDate = new DateOnly(today.Year, today.Month, 1), EndDate = today.AddYears(1), PricePerUnit = 17.5m + i % 7, Currency = "EUR",
            DeliveryTerms = "collected", FeePlanCode = "standard", CreatedAt = now, ActivatedAt = now,
        };
        db.Contracts.Add(contract);
        contracts[contract.Id] = contract;
    }

    var list = contracts.Values.ToList();
    for (var i = 0; i < deliveries; i++)
    {
        var contract = list[i % list.Count];
        db.Deliveries.Add(new Delivery
        {
            Id = Guid.CreateVersion7(), ContractId = contract.Id, Date = contract.StartDate, Quantity = 5m + i % 23 * 0.731m, Unit = "t",
            Status = DeliveryStatuses.Confirmed, RecordedByOrganisationId = contract.SupplierOrganisationId, RecordedBy = "supplier",
            RecordedAt = now, ReviewedAt = now, ReviewedByOrganisationId = contract.ReceiverOrganisationId,
        });
    }

    await db.SaveChangesAsync();
    return contracts;
}

static async Task<List<Guid>> IdsAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<BrokerageDbContext>().Deliveries.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
}

static async Task<int> AccrueAsync(IServiceProvider scoped, Dictionary<Guid, SupplyContract> contracts, Guid[] deliveryIds)
{
    var db = scoped.GetRequiredService<BrokerageDbContext>();
    var accrual = scoped.GetRequiredService<FeeAccrual>();
    var batch = await db.Deliveries.AsNoTracking().Where(d => deliveryIds.Contains(d.Id)).ToListAsync();
    var written = 0;
    foreach (var delivery in batch)
    {
        written += await accrual.AccrueDeliveryAsync(contracts[delivery.ContractId], delivery, CancellationToken.None);
    }

    await db.SaveChangesAsync();
    return written;
}

/// <summary>The same pragmas the platform sets on every SQLite connection.</summary>
internal sealed class WalInterceptor : DbConnectionInterceptor
{
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
