using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Marketplace.Security.Tests;

/// <summary>
/// The conversation on a match and on the deal that follows, through the real flows in both modes: by role only before
/// acceptance, files checked by kind and content, strangers see nothing, the other side is notified, never the writer.
/// </summary>
public abstract class ConversationTests(MarketplaceUnderTest marketplace)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% lab analysis: CaO 54 %, SO3 0.8 %\n%%EOF\n");

    [ModeFact]
    public async Task Two_sides_and_the_facilitator_talk_on_a_match_and_its_deal_with_files_by_role_until_accepted()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (supplierOrg, supplierEmail, supplierPassword) = await marketplace.CompanyWithAdminAsync("Talking Power " + tag);
        var (receiverOrg, receiverEmail, receiverPassword) = await marketplace.CompanyWithAdminAsync("Talking Cement " + tag);
        var (_, strangerEmail, strangerPassword) = await marketplace.CompanyWithAdminAsync("Eavesdropper " + tag);
        using var supplier = await NotificationTests.PersonAsync(marketplace, supplierEmail, supplierPassword);
        using var receiver = await NotificationTests.PersonAsync(marketplace, receiverEmail, receiverPassword);
        using var stranger = await NotificationTests.PersonAsync(marketplace, strangerEmail, strangerPassword);
        using var facilitator = await marketplace.OperatorClientAsync();

        var offer = await WebhookTests.ListingAsync(supplier, "offer", "Dry fly ash " + tag, "Pulverised fuel ash from coal units.");
        var want = await WebhookTests.ListingAsync(receiver, "want", "Fly ash for cement " + tag, "Cement works needs fly ash.");
        var matchId = await MarketplaceUnderTest.EventuallyAsync(async () =>
        {
            using var response = await receiver.GetAsync($"/api/v1/listings/{want}/matches?limit=20");
            return response.IsSuccessStatusCode
                ? (await response.JsonAsync()).GetProperty("items").EnumerateArray()
                    .Where(i => i.GetProperty("listingId").GetGuid() == offer).Select(i => i.GetProperty("matchId").GetString()).FirstOrDefault()
                : null;
        }, TimeSpan.FromSeconds(90));
        var messages = $"/api/v1/matches/{matchId}/messages";

        // The buyer asks; the supplier sees "the buyer", not who it is, and is notified with the first words.
        var question = await PostAsync(receiver, messages, "Can you send a lab analysis of the ash? We need CaO and SO3.");
        Assert.Equal("receiver", question.GetProperty("authorRole").GetString());
        Assert.True(question.GetProperty("mine").GetBoolean());
        var seen = (await ListAsync(supplier, messages)).Single();
        Assert.Equal("receiver", seen.GetProperty("authorRole").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("authorOrganisationId").ValueKind);
        Assert.False(seen.GetProperty("mine").GetBoolean());
        var notice = await NotificationTests.NoticeAsync(supplier, "match.message", matchId!);
        Assert.StartsWith("Can you send a lab analysis", notice.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/matches/{matchId}/conversation", notice.GetProperty("link").GetString());

        // The supplier answers with the analysis: stored as sent, downloaded as an attachment by the other side.
        using (var form = Multipart("Here it is.", ("lab-analysis.pdf", Pdf)))
        using (var answered = await supplier.PostAsync(messages, form))
        {
            var answer = await answered.ExpectAsync(HttpStatusCode.Created);
            var file = answer.GetProperty("attachments").EnumerateArray().Single();
            Assert.Equal("application/pdf", file.GetProperty("contentType").GetString());
            using var download = await receiver.GetAsync(file.GetProperty("href").GetString());
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            using var snooped = await stranger.GetAsync(file.GetProperty("href").GetString());
            Assert.Equal(HttpStatusCode.NotFound, snooped.StatusCode);
        }

        await NotificationTests.NoticeAsync(receiver, "match.message", matchId!);
        Assert.Equal(1, await NotificationTests.CountAsync(supplier, "match.message", matchId!)); // not of its own answer

        // Refused by field, never stored: nothing to say, a program, a photo named as a PDF; strangers get a 404.
        await RefusedAsync(supplier, messages, Multipart(" "), "body");
        await RefusedAsync(supplier, messages, Multipart("tool", ("setup.exe", [0x4D, 0x5A, 0x90, 0x00])), "attachments");
        await RefusedAsync(supplier, messages, Multipart("photo", ("photo.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])), "attachments");
        using (var hello = Multipart("hello?"))
        using (var strangerPost = await stranger.PostAsync(messages, hello))
        {
            Assert.Equal(HttpStatusCode.NotFound, strangerPost.StatusCode);
        }

        using (var json = await supplier.PostAsJsonAsync(messages, new { body = "as JSON" }))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode); // a message is a form: text and files
        }

        using (var strangerList = await stranger.GetAsync(messages))
        {
            Assert.Equal(HttpStatusCode.NotFound, strangerList.StatusCode);
        }

        // The facilitator joins in: both sides hear it. Both say interested: names are revealed, a deal opens.
        Assert.Equal("facilitator", (await PostAsync(facilitator, messages, "I can arrange a trial load.")).GetProperty("authorRole").GetString());
        await MarketplaceUnderTest.EventuallyAsync(async () => await NotificationTests.CountAsync(receiver, "match.message", matchId!) == 2 ? "" : null);
        foreach (var side in new[] { supplier, receiver })
        {
            using var interested = await side.PostAsync($"/api/v1/matches/{matchId}/interest", null);
            await interested.ExpectAsync(HttpStatusCode.OK);
        }

        Assert.Contains(await ListAsync(supplier, messages), m => m.GetProperty("authorOrganisationId").ValueKind == JsonValueKind.String
            && m.GetProperty("authorOrganisationId").GetGuid() == receiverOrg);
        var dealId = await MarketplaceUnderTest.EventuallyAsync(async () =>
        {
            using var deals = await supplier.GetAsync($"/api/v1/deals?matchId={matchId}");
            return deals.IsSuccessStatusCode ? (await deals.JsonAsync()).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetString()).FirstOrDefault() : null;
        }, TimeSpan.FromSeconds(60));
        var dealMessages = $"/api/v1/deals/{dealId}/messages";
        var onDeal = await PostAsync(supplier, dealMessages, "Shall we start with 500 t in January?");
        Assert.Equal("supplier", onDeal.GetProperty("authorRole").GetString());
        var read = (await ListAsync(receiver, dealMessages)).Single();
        Assert.Equal(supplierOrg, read.GetProperty("authorOrganisationId").GetGuid());
        Assert.Equal($"/deals/{dealId}/conversation", (await NotificationTests.NoticeAsync(receiver, "deal.message", dealId!)).GetProperty("link").GetString());
        using (var strangerDeal = await stranger.GetAsync(dealMessages))
        {
            Assert.Equal(HttpStatusCode.NotFound, strangerDeal.StatusCode);
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient author, string messages, string body)
    {
        using var form = Multipart(body);
        using var posted = await author.PostAsync(messages, form);
        return await posted.ExpectAsync(HttpStatusCode.Created);
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient reader, string messages)
    {
        using var list = await reader.GetAsync(messages);
        return [.. (await list.ExpectAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];
    }

    private static async Task RefusedAsync(HttpClient author, string messages, MultipartFormDataContent form, string field)
    {
        using (form)
        using (var refused = await author.PostAsync(messages, form))
        {
            Assert.True((await refused.ExpectAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty(field, out _), field);
        }
    }

    private static MultipartFormDataContent Multipart(string body, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(body), "body" } };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "attachments", name);
        }

        return form;
    }
}

[Collection(InProcessCollection.Name)]
public sealed class ConversationInProcessTests(InProcessMarketplace marketplace) : ConversationTests(marketplace);

[Collection(DistributedCollection.Name)]
public sealed class ConversationDistributedTests(DistributedMarketplace marketplace) : ConversationTests(marketplace), IDistributedMode;
