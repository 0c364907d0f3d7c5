using System.Text.Json;

namespace Marketplace.Brokerage.Tests;

/// <summary>
/// Every list answers one shape, <c>{ items, nextCursor }</c>: walks every GET of the OpenAPI document (path parameters
/// filled from the list one level up, as <see cref="TimestampTests"/> does) and flags a bare array or items without a
/// cursor. The lists not converted yet are named below; the list may only shrink (the test fails when one complies).
/// </summary>
[Collection(BrokerageCollection.Name)]
public sealed class ListShapeTests(BrokerageFactory factory)
{
    private static readonly string[] NotYetPaged = [];

    [Fact]
    public async Task Every_list_in_the_OpenAPI_document_is_items_with_a_next_cursor()
    {
        var op = await factory.OperatorAsync();
        var supplier = await factory.CompanyAsync("Shape Supplier " + Guid.NewGuid().ToString("N")[..4], "DK");
        var receiver = await factory.CompanyAsync("Shape Receiver " + Guid.NewGuid().ToString("N")[..4], "DK");
        var contract = await Flow.ActiveContractAsync(factory, supplier, receiver, await Flow.PlanAsync(op, percent: 1m));
        await Flow.ConfirmedDeliveryAsync(supplier, receiver, contract, 5m);
        await Flow.LedgerAsync(factory, op, $"contractId={contract}", 1);
        await Flow.RunBillingAsync(factory, supplier.Id);

        var document = JsonDocument.Parse(await op.GetStringAsync("/openapi/v1.json")).RootElement;
        var gets = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal) && p.Value.TryGetProperty("get", out _)).Select(p => p.Name).ToList();
        var (lists, offenders) = (new List<string>(), new List<string>());
        foreach (var pattern in gets)
        {
            foreach (var url in await TimestampTests.ConcreteAsync(op, pattern))
            {
                using var response = await op.GetAsync(url);
                if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json")
                {
                    continue;
                }

                var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                var shape = root.ValueKind == JsonValueKind.Array ? "a bare array"
                    : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out _) && !root.TryGetProperty("nextCursor", out _) ? "items without nextCursor"
                    : null;
                if (root.ValueKind == JsonValueKind.Array || root.TryGetProperty("items", out _))
                {
                    lists.Add(pattern);
                }

                if (shape is not null)
                {
                    offenders.Add($"{pattern}: {shape}");
                }
            }
        }

        Assert.True(lists.Distinct().Count() >= 8, $"only {lists.Distinct().Count()} lists reached: {string.Join(", ", lists.Distinct())}");
        var unexpected = offenders.Where(o => !NotYetPaged.Any(p => o.StartsWith(p + ":", StringComparison.Ordinal))).Distinct().ToList();
        Assert.True(unexpected.Count == 0, "Lists without { items, nextCursor }:\n" + string.Join("\n", unexpected));
        var complying = NotYetPaged.Where(p => lists.Contains(p) && !offenders.Any(o => o.StartsWith(p + ":", StringComparison.Ordinal))).ToList();
        Assert.True(complying.Count == 0, "Already { items, nextCursor }, remove from NotYetPaged: " + string.Join(", ", complying));
    }

    /// <summary>The short lists keep their own order (a contract's deliveries oldest first) and page through with their cursor.</summary>
    [Fact]
    public async Task A_contracts_deliveries_page_through_with_the_cursor_oldest_first_and_the_ledger_total_covers_every_page()
    {
        var op = await factory.OperatorAsync();
        var supplier = await factory.CompanyAsync("Paged Supplier " + Guid.NewGuid().ToString("N")[..4], "DK");
        var receiver = await factory.CompanyAsync("Paged Receiver " + Guid.NewGuid().ToString("N")[..4], "DK");
        var contract = await Flow.ActiveContractAsync(factory, supplier, receiver, await Flow.PlanAsync(op, perUnit: 1m));
        var recorded = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            recorded.Add(await Flow.ConfirmedDeliveryAsync(supplier, receiver, contract, 10m + i));
        }

        var (paged, pages) = (new List<Guid>(), 0);
        string? cursor = null;
        do
        {
            var page = await (await receiver.Client.GetAsync($"/api/v1/contracts/{contract}/deliveries?limit=2" + (cursor is null ? "" : "&cursor=" + cursor))).ReadJsonAsync();
            paged.AddRange(page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);
        Assert.Equal(3, pages);
        Assert.Equal(recorded, paged);

        var all = await Flow.LedgerAsync(factory, op, $"contractId={contract}", 5);
        var first = await (await op.GetAsync($"/api/v1/charges?contractId={contract}&limit=1")).ReadJsonAsync();
        Assert.Single(first.GetProperty("items").EnumerateArray());
        Assert.NotNull(first.GetProperty("nextCursor").GetString());
        Assert.Equal(all.Sum(e => e.GetProperty("amount").GetDecimal()), first.GetProperty("total").GetDecimal());
    }
}
