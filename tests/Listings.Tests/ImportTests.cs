using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Tests;

[Collection(ApiCollection.Name)]
public sealed class ImportTests(ListingsFactory factory)
{
    private const string Header = "externalRef,organisationId,kind,resourceClass,title,description,ewcCode,hazardous,amount,unit,per,lat,lon,country,priceAmount,priceCurrency,pricePer,attributes";

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(HttpClient client, string csv, bool atomic = false)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var response = await client.PostAsync("/api/v1/listings/import" + (atomic ? "?atomic=true" : ""), content);
        return (response.StatusCode, await response.JsonAsync());
    }

    [Fact]
    public async Task A_good_file_is_imported_and_reimporting_it_updates_instead_of_duplicating()
    {
        var op = await factory.OperatorClientAsync();
        var org = await factory.RegisterCompanyAsync(op, "Audit Territory");
        var csv = $"""
            {Header}
            A-1,{org},offer,material,Foundry sand,"Green sand, bentonite bonded",10 09 08,false,1200,t,year,55.4,10.4,DK,-15,EUR,t,moisture=4|%;clay=8|%
            A-2,{org},offer,material,Wood ash,,10 01 01,,300,t,year,55.5,10.5,DK,,,,
            A-3,{org},want,energy,Process heat,Low temperature,,,2000,MWh,year,55.6,10.6,DK,,,,
            """;
        var (status, report) = await ImportAsync(op, csv);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, report.GetProperty("created").GetInt32());
        Assert.Equal(0, report.GetProperty("rejected").GetInt32());

        var stored = await factory.WithDbAsync(db => db.Listings.Where(l => l.OrganisationId == org).OrderBy(l => l.ExternalRef).ToListAsync());
        Assert.Equal(3, stored.Count);
        Assert.Equal("Green sand, bentonite bonded", stored[0].Description);
        Assert.Equal(-15m, stored[0].PriceAmount);
        Assert.Equal(2, stored[0].Attributes.Count);

        var again = await ImportAsync(op, csv);
        Assert.Equal(3, again.Body.GetProperty("unchanged").GetInt32());

        var changed = await ImportAsync(op, csv.Replace("Wood ash", "\"Wood ash, dry\"", StringComparison.Ordinal));
        Assert.Equal(1, changed.Body.GetProperty("updated").GetInt32());
        Assert.Equal(0, changed.Body.GetProperty("created").GetInt32());
        var updated = await factory.WithDbAsync(db => db.Listings.SingleAsync(l => l.OrganisationId == org && l.ExternalRef == "A-2"));
        Assert.Equal("Wood ash, dry", updated.Title);
        Assert.Equal(2, updated.Version);
        Assert.Equal(3, await factory.WithDbAsync(db => db.Listings.CountAsync(l => l.OrganisationId == org)));
        Assert.True(await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.AggregateId == updated.Id.ToString() && m.MessageType.Contains("ListingUpdated"))));
    }

    [Fact]
    public async Task A_dry_run_reports_what_the_import_would_do_and_stores_nothing()
    {
        var op = await factory.OperatorClientAsync();
        var org = await factory.RegisterCompanyAsync(op, "Preview Works");
        var csv = $"""
            {Header}
            P-1,{org},offer,material,Foundry sand,,10 09 08,false,1200,t,year,55.4,10.4,DK,,,,
            P-2,{org},offer,material,Bad unit,,,,100,tonnes,year,55.4,10.4,DK,,,,
            """;
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await op.PostAsync("/api/v1/listings/import?dryRun=true", content);
        var report = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal((1, 1), (report.GetProperty("created").GetInt32(), report.GetProperty("rejected").GetInt32()));
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(("created", JsonValueKind.Null), (rows[0].GetProperty("result").GetString(), rows[0].GetProperty("id").ValueKind));
        Assert.True(rows[1].GetProperty("errors").TryGetProperty("unit", out _));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Listings.CountAsync(l => l.OrganisationId == org)));
        Assert.False(await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Payload.Contains(org.ToString()))));

        var (status, stored) = await ImportAsync(op, csv);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(stored.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Listings.CountAsync(l => l.OrganisationId == org)));
    }

    [Fact]
    public async Task Broken_rows_are_reported_per_row_and_the_valid_ones_stored_unless_atomic()
    {
        var op = await factory.OperatorClientAsync();
        var org = await factory.RegisterCompanyAsync(op, "Messy Declarations");
        var csv = $"""
            {Header}
            B-1,{org},offer,material,Good row,,10 01 02,,100,t,year,55.4,10.4,DK,,,,
            B-2,{org},offer,material,Bad unit,,,,100,tonnes,year,55.4,10.4,DK,,,,
            B-3,{org},offer,material,Heading,,10 01,,100,t,year,123,10.4,DK,,,,
            B-4,{org},offer,material,Mirror,,01 03 06,,abc,t,year,55.4,10.4,DK,,,,
            """;
        var (atomicStatus, atomicBody) = await ImportAsync(op, csv, atomic: true);
        Assert.Equal(HttpStatusCode.BadRequest, atomicStatus);
        Assert.Equal(3, atomicBody.GetProperty("report").GetProperty("rejected").GetInt32());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Listings.CountAsync(l => l.OrganisationId == org)));

        var (status, report) = await ImportAsync(op, csv);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal("created", rows[0].GetProperty("result").GetString());
        Assert.Equal(2, rows[0].GetProperty("line").GetInt32());
        Assert.True(rows[1].GetProperty("errors").TryGetProperty("unit", out _));
        Assert.True(rows[2].GetProperty("errors").TryGetProperty("ewcCode", out _));
        Assert.True(rows[2].GetProperty("errors").TryGetProperty("lat", out _));
        Assert.True(rows[3].GetProperty("errors").TryGetProperty("amount", out _));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Listings.CountAsync(l => l.OrganisationId == org)));
    }

    [Fact]
    public async Task A_company_cannot_import_for_another_and_unknown_columns_are_refused()
    {
        var op = await factory.OperatorClientAsync();
        var mine = await factory.RegisterCompanyAsync(op, "Importer Own");
        var other = await factory.RegisterCompanyAsync(op, "Importer Other");
        var partner = await factory.PartnerClientAsync(op, mine);
        var csv = $"""
            {Header}
            C-1,,offer,material,Mine,,,,1,t,once,55,10,DK,,,,
            C-2,{other},offer,material,Theirs,,,,1,t,once,55,10,DK,,,,
            """;
        var (_, report) = await ImportAsync(partner, csv);
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal("created", rows[0].GetProperty("result").GetString());
        Assert.True(rows[1].GetProperty("errors").TryGetProperty("organisationId", out _));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Listings.CountAsync(l => l.OrganisationId == other)));

        var (status, body) = await ImportAsync(partner, "kind,resourceClass,title,amount,unit,per,lat,lon,country,colour\n");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("columns", out _));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        var op = await factory.OperatorClientAsync();
        var (status, _) = await ImportAsync(op, Header + "\n" + new string('x', 2_100_000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }
}
