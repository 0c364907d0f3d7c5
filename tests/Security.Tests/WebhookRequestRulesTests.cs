using System.ComponentModel.DataAnnotations;
using Marketplace.Identity.Webhooks;

namespace Marketplace.Security.Tests;

/// <summary>Which event types a webhook may ask for is a rule of the request record (ADR 0011), checked before the handler.</summary>
public sealed class WebhookRequestRulesTests
{
    [Fact]
    public void Event_types_the_marketplace_sends_pass()
    {
        var request = new CreateWebhookRequest("https://erp.example.com/hooks", ["match.suggested", "invoice.issued"]);
        Assert.Empty(request.Validate(new ValidationContext(request)));
    }

    [Fact]
    public void Unknown_event_types_are_named_under_eventTypes_with_the_known_ones()
    {
        var request = new CreateWebhookRequest("https://erp.example.com/hooks", ["match.suggested", "listing.deleted"]);
        var result = Assert.Single(request.Validate(new ValidationContext(request)));
        Assert.Equal(new[] { "eventTypes" }, result.MemberNames);
        Assert.StartsWith("Unknown: listing.deleted. Known: ", result.ErrorMessage, StringComparison.Ordinal);
    }
}
