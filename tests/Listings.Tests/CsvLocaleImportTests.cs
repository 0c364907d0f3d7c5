using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Tests;

/// <summary>
/// The import takes what Excel writes where the decimal mark is a comma (Denmark, Germany, France): semicolons, decimal
/// commas, day-first dates, a <c>sep=;</c> first line, a UTF-8 BOM or Windows-1252 when declared; and it hands out a
/// template to fill in.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CsvLocaleImportTests(ListingsFactory factory)
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(HttpClient client, byte[] body, string contentType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var response = await client.PostAsync("/api/v1/listings/import", content);
        return (response.StatusCode, await response.JsonAsync());
    }

    [Fact]
    public async Task A_Danish_Excel_file_with_sep_line_BOM_semicolons_and_decimal_commas_is_imported()
    {
        var op = await factory.OperatorClientAsync();
        var org = await factory.RegisterCompanyAsync(op, "Dansk Træflis");
        var csv = "\uFEFFsep=;\r\nexternalRef;organisationId;kind;resourceClass;title;description;amount;unit;per;lat;lon;country;priceAmount;priceCurrency;pricePer;availableFrom\r\n"
            + $"DK-1;{org};offer;material;Træflis;\"Flis; tør, sigtet\";1.200,5;t;year;55,4;10,4;DK;-12,75;EUR;t;31-01-2027\r\n";
        var (status, report) = await ImportAsync(op, Encoding.UTF8.GetBytes(csv), "text/csv");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, report.GetProperty("created").GetInt32());

        var stored = await factory.WithDbAsync(db => db.Listings.SingleAsync(l => l.OrganisationId == org));
        Assert.Equal("Træflis", stored.Title);
        Assert.Equal("Flis; tør, sigtet", stored.Description);
        Assert.Equal(1200.5m, stored.Amount);
        Assert.Equal(55.4, stored.Lat, 6);
        Assert.Equal(-12.75m, stored.PriceAmount);
        Assert.Equal(new DateOnly(2027, 1, 31), stored.AvailableFrom);
    }

    [Fact]
    public async Task A_German_file_in_Windows_1252_without_sep_line_is_detected_and_decoded_as_declared()
    {
        var op = await factory.OperatorClientAsync();
        var org = await factory.RegisterCompanyAsync(op, "Rückstände GmbH");
        var csv = "externalRef;organisationId;kind;resourceClass;title;amount;unit;per;lat;lon;country\r\n"
            + $"DE-1;{org};offer;material;Gießereisand, gebraucht;80,25;t;month;53,55;9,99;DE\r\n";
        var (status, report) = await ImportAsync(op, Encoding.Latin1.GetBytes(csv), "text/csv; charset=windows-1252");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        var stored = await factory.WithDbAsync(db => db.Listings.SingleAsync(l => l.OrganisationId == org));
        Assert.Equal("Gießereisand, gebraucht", stored.Title);
        Assert.Equal(80.25m, stored.Amount);
    }

    [Fact]
    public async Task The_template_downloads_in_both_dialects_and_imports_as_it_is()
    {
        var op = await factory.OperatorClientAsync();
        var org = await factory.RegisterCompanyAsync(op, "Template Filler");
        var partner = await factory.PartnerClientAsync(op, org);
        var results = new List<string>();
        foreach (var (query, firstLine) in new[] { ("", "externalRef,"), ("?separator=semicolon", "sep=;") })
        {
            var response = await partner.GetAsync("/api/v1/listings/import/template" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString());
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.StartsWith(firstLine, Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), StringComparison.Ordinal);

            var (status, report) = await ImportAsync(partner, bytes, "text/csv");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(report.GetProperty("rejected").GetInt32() == 0, report.ToString());
            results.Add(report.GetProperty("rows")[0].GetProperty("result").GetString()!);
        }

        // Both dialects carry the same example: the second import finds it unchanged.
        Assert.Equal(["created", "unchanged"], results);
        Assert.Equal(1200.5m, (await factory.WithDbAsync(db => db.Listings.SingleAsync(l => l.OrganisationId == org))).Amount);
    }

    [Theory]
    [InlineData("20 01", "20 01 ")]
    [InlineData("16 02", "16 02 ")]
    [InlineData("02", "02 ")]
    public async Task A_heading_is_refused_suggesting_an_entry_under_that_heading(string heading, string suggestedPrefix)
    {
        var op = await factory.OperatorClientAsync();
        var org = await factory.RegisterCompanyAsync(op, "Heading Writer " + heading);
        var response = await op.PostAsJsonAsync("/api/v1/listings", Http.Listing(org, "Mixed municipal fractions", ewcCode: heading));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("ewcCode")[0].GetString()!;
        Assert.Matches($"such as '{suggestedPrefix}\\d\\d", message);
    }
}

/// <summary>The dialect and decoding rules alone, without a host.</summary>
public sealed class CsvDialectTests
{
    [Theory]
    [InlineData("kind,title\n", ',', false)]
    [InlineData("kind;title\n", ';', true)]
    [InlineData("kind\ttitle\n", '\t', true)]
    [InlineData("\uFEFFsep=;\r\nkind,title\r\n", ';', true)]
    [InlineData("\"a;b\",c,d\n", ',', false)]
    public void The_separator_comes_from_the_sep_line_else_the_header(string text, char separator, bool decimalComma)
    {
        var (dialect, rest, error) = Marketplace.Listings.Catalogue.CsvDialect.Detect(text, null);
        Assert.Null(error);
        Assert.Equal(new Marketplace.Listings.Catalogue.CsvDialect(separator, decimalComma), dialect);
        Assert.DoesNotContain("sep=", rest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1200,5", 1200.5)]
    [InlineData("1.200,5", 1200.5)]
    [InlineData("-12,75", -12.75)]
    [InlineData("55.4", 55.4)]
    [InlineData("1200", 1200)]
    public void Decimal_commas_and_thousands_points_are_read(string text, double expected)
    {
        Assert.True(new Marketplace.Listings.Catalogue.CsvDialect(';', true).TryNumber<decimal>(text, out var n, out _));
        Assert.Equal((decimal)expected, n);
    }

    [Fact]
    public void An_ambiguous_grouping_is_refused_and_the_point_dialect_stays_strict()
    {
        Assert.False(new Marketplace.Listings.Catalogue.CsvDialect(';', true).TryNumber<decimal>("1.200", out _, out var why));
        Assert.Contains("thousands", why);
        Assert.False(Marketplace.Listings.Catalogue.CsvDialect.Rfc4180.TryNumber<decimal>("12,5", out _, out _));
        Assert.False(Marketplace.Listings.Catalogue.CsvDialect.Rfc4180.TryDate("31-01-2027", out _));
        Assert.True(new Marketplace.Listings.Catalogue.CsvDialect(';', true).TryDate("31.01.2027", out var d));
        Assert.Equal(new DateOnly(2027, 1, 31), d);
    }
}
