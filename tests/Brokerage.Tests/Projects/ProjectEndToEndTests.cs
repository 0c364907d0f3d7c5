using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Brokerage.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Brokerage.Tests.Projects;

/// <summary>
/// From a bundle suggestion to an operating project with deliveries billed, every step through the public API:
/// two ash producers too small for a cement kiln, pooled by Matching, turned into a project in one step, assessed,
/// committed, agreed, funded, run, delivered and invoiced with the facilitator's fees beside the delivery fees.
/// </summary>
[Collection(BrokerageCollection.Name)]
public sealed class ProjectEndToEndTests(BrokerageFactory factory)
{
    [Fact]
    public async Task A_bundle_suggestion_becomes_an_operating_project_whose_fees_and_deliveries_are_invoiced()
    {
        var op = await factory.OperatorAsync();
        var a = await factory.CompanyAsync("Pool Ash A", "DK");
        var b = await factory.CompanyAsync("Pool Ash B", "DK");
        var kiln = await factory.CompanyAsync("Pool Kiln", "DK");
        var offerA = await ListingAsync(a, "offer", "Dry fly ash, project pool", "Pulverised fuel ash from a small coal boiler.", 60000, "10 01 02", 55.6);
        var offerB = await ListingAsync(b, "offer", "Dry fly ash, project pool", "Pulverised fuel ash from a small coal boiler.", 50000, "10 01 02", 55.65);
        // The barrier: Matching has indexed both offers, so the want finds them when it is matched.
        foreach (var offer in new[] { offerA, offerB })
        {
            await Eventually(async () =>
            {
                using var response = await op.GetAsync($"/api/v1/listings/{offer}/matches");
                return response.StatusCode == HttpStatusCode.OK ? "" : null;
            });
        }

        var want = await ListingAsync(kiln, "want", "Fly ash for blended cement", "Pozzolan for clinker substitution, large kiln.", 100000, null, 55.6);

        var bundleId = await Eventually<string>(async () =>
        {
            using var response = await op.GetAsync($"/api/v1/listings/{want}/matches?limit=50");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null; // not indexed by Matching yet
            }

            return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Where(i => i.Str("kind") == "bundle").Select(i => i.Str("matchId")).FirstOrDefault();
        }, TimeSpan.FromSeconds(60));

        // The facilitator's fee plan: 300 per stage reached, 900 for facilitation to agreement, 600 per funding application,
        // 10 % of the running project's verified savings, 2 % of deliveries.
        var plan = await PlanAsync(op);
        var project = await Eventually<JsonElement?>(async () =>
        {
            var response = await op.PostAsJsonAsync("/api/v1/projects/from-bundle", new { matchId = bundleId, title = "Pooled fly ash for the kiln", feePlan = plan });
            return response.StatusCode == HttpStatusCode.Created ? await response.ReadJsonAsync() : null;
        });
        var id = project!.Value.GetProperty("id").GetGuid();
        var participants = project.Value.GetProperty("participants").EnumerateArray().ToDictionary(p => p.GetProperty("organisationId").GetGuid(), p => p.Str("role"));
        Assert.Equal("supplier", participants[a.Id]);
        Assert.Equal("supplier", participants[b.Id]);
        Assert.Equal("offtaker", participants[kiln.Id]);
        Assert.Equal(100000m, project.Value.GetProperty("flows").EnumerateArray().Sum(f => f.Dec("quantityPerYear")));

        foreach (var company in new[] { a, b, kiln })
        {
            await Projects.JoinAsync(id, company);
        }

        Assert.Equal(HttpStatusCode.OK, (await Projects.MoveAsync(op, id, "feasibility")).StatusCode);
        var feasibility = await Projects.FeasibilityAsync(op, id, 100000m);
        Assert.True(feasibility.GetProperty("worksheet").GetProperty("viable").GetBoolean());
        var flows = project.Value.GetProperty("flows").EnumerateArray().ToDictionary(f => f.GetProperty("organisationId").GetGuid(), f => f.Dec("quantityPerYear"));
        await Projects.SignAgreementAsync(id, a, flows[a.Id]);
        await Projects.SignAgreementAsync(id, b, flows[b.Id]);
        Assert.Equal(HttpStatusCode.OK, (await Projects.MoveAsync(op, id, "agreement")).StatusCode);

        var application = await (await op.PostAsJsonAsync($"/api/v1/projects/{id}/funding-applications", new { programme = "EU LIFE circular economy", amountRequested = 250000m })).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await op.PostAsJsonAsync($"/api/v1/projects/{id}/funding-applications/{application.Str("id")}/status", new { status = "submitted" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Projects.MoveAsync(op, id, "implementation")).StatusCode);

        // The bundle is accepted: its deal opens, the lead supplier and the kiln agree terms under the same plan and sign.
        Assert.Equal("accepted", (await (await op.PostAsync($"/api/v1/matches/{bundleId}/interest", null)).ReadJsonAsync()).Str("status"));
        var dealId = await Eventually<string>(async () =>
        {
            var items = (await (await op.GetAsync($"/api/v1/deals?matchId={bundleId}")).ReadJsonAsync()).GetProperty("items");
            return items.GetArrayLength() == 1 ? items[0].Str("id") : null;
        });
        var deal = await (await op.GetAsync($"/api/v1/deals/{dealId}")).ReadJsonAsync();
        var lead = deal.GetProperty("parties").EnumerateArray().Where(p => p.Str("role") == "supplier").OrderByDescending(p => p.Dec("share")).First().GetProperty("organisationId").GetGuid();
        var supplier = lead == a.Id ? a : b;
        Assert.Equal(HttpStatusCode.Created, (await supplier.Client.PostAsJsonAsync($"/api/v1/deals/{dealId}/terms", Flow.Terms(price: 20m, feePlan: plan))).StatusCode);
        var contractId = (await (await kiln.Client.PostAsync($"/api/v1/deals/{dealId}/terms/1/accept", null)).ReadJsonAsync()).GetProperty("contractId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await supplier.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/sign", new { })).StatusCode);
        Assert.Equal("active", (await (await kiln.Client.PostAsJsonAsync($"/api/v1/contracts/{contractId}/sign", new { })).ReadJsonAsync()).Str("status"));
        Assert.Equal(HttpStatusCode.OK, (await Projects.MoveAsync(op, id, "operating")).StatusCode);

        await Flow.ConfirmedDeliveryAsync(supplier, kiln, contractId, 10m);
        await Flow.ConfirmedDeliveryAsync(supplier, kiln, contractId, 15m);
        // The lead supplier's ledger: 4 stages × 100 + 300 facilitation + 200 funding (each a third) + 2 delivery fees.
        var entries = await Flow.LedgerAsync(factory, op, $"organisationId={supplier.Id}", 8);
        Assert.Equal(4, entries.Count(e => e.Str("feeType") == "project_stage"));
        Assert.All(entries.Where(e => e.Str("feeType").StartsWith("project", StringComparison.Ordinal)), e => Assert.Equal(id, e.GetProperty("projectId").GetGuid()));

        // Verified savings: what the impact of the two confirmed deliveries saved the supplier and the kiln.
        decimal savings;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BrokerageDbContext>();
            savings = (await db.Impact.AsNoTracking().Where(i => i.ContractId == contractId).ToListAsync()).Sum(i => i.SupplierSavingEur + i.ReceiverSavingEur);
        }

        Assert.True(savings > 0, $"savings {savings}");
        var run = await Flow.RunBillingAsync(factory, supplier.Id);
        var invoice = await Flow.InvoiceAsync(supplier.Client, Assert.Single(run.GetProperty("invoices").EnumerateArray()).GetProperty("id").GetGuid());
        // the month's savings share: 10 % of the savings, a third each (the last member takes the cent remainder)
        var savingsShare = (await Flow.LedgerAsync(factory, op, $"organisationId={supplier.Id}&projectId={id}", 7)).Single(e => e.Str("feeType") == "project_savings_share").Dec("amount");
        var fee = Math.Round(savings * 0.10m, 2, MidpointRounding.AwayFromZero);
        var third = Math.Round(fee / 3, 2, MidpointRounding.AwayFromZero);
        Assert.Contains(savingsShare, new[] { third, fee - (2 * third) });
        // net = 400 + 300 + 200 + 2 % × 25 t × 20 EUR (10.00) = 910.00, plus the savings share; Danish VAT 25 %
        Assert.Equal(910.00m + savingsShare, invoice.Dec("net"));
        Assert.Equal(Math.Round((910.00m + savingsShare) * 0.25m, 2, MidpointRounding.AwayFromZero), invoice.Dec("vat"));
        Assert.Contains(invoice.GetProperty("lines").EnumerateArray(), l => l.Str("description").Contains("Facilitation of project 'Pooled fly ash for the kiln'", StringComparison.Ordinal));
        Assert.Equal("operating", (await Projects.GetAsync(op, id)).Str("stage"));
    }

    private static async Task<string> PlanAsync(HttpClient op)
    {
        var code = "projects-" + Guid.NewGuid().ToString("N")[..8];
        var response = await op.PostAsJsonAsync("/api/v1/fee-plans", new
        {
            code, name = "Facilitation " + code, currency = "EUR", effectiveFrom = "2020-01-01", percentOfValue = 2m, payer = "supplier",
            projectStageFee = 300m, projectFacilitationFee = 900m, fundingApplicationFee = 600m, projectSavingsPercent = 10m,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    private static async Task<Guid> ListingAsync(Company company, string kind, string title, string description, decimal amount, string? ewcCode, double lat)
    {
        var response = await company.Client.PostAsJsonAsync("/api/v1/listings", new
        {
            kind, resourceClass = "material", title, description, ewcCode,
            quantity = new { amount, unit = "t", per = "year" },
            location = new { lat, lon = 11.1, country = "DK" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }
}
