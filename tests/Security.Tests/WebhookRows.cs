using Marketplace.Identity.Data;
using Marketplace.Identity.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Security.Tests;

/// <summary>
/// An endpoint and its pending deliveries written straight to Identity's database, dated <paramref name="at"/> (ten
/// years ahead in the tests, so the host's own dispatcher on the real clock never takes them).
/// </summary>
internal static class WebhookRows
{
    public static async Task<Guid> AddEndpointAsync(IServiceProvider services, Guid organisationId, string url, int deliveries, DateTime at)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDataContext>();
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(WebhookSignature.SecretPurpose);
        var endpointId = Guid.CreateVersion7();
        db.WebhookEndpoints.Add(new WebhookEndpoint
        {
            Id = endpointId, OrganisationId = organisationId, Url = url, EventTypes = "invoice.issued",
            ProtectedSecret = protector.Protect("whsec_test"), CreatedAt = at,
        });
        for (var i = 0; i < deliveries; i++)
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = Guid.CreateVersion7(), EndpointId = endpointId, OrganisationId = organisationId, EventType = "invoice.issued",
                Payload = $$"""{"n":{{i}}}""", Status = DeliveryStatus.Pending, CreatedAt = at, NextAttemptAt = at,
            });
        }

        await db.SaveChangesAsync();
        return endpointId;
    }
}
