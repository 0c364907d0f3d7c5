using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Marketplace.Identity.Hosting;
using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Webhooks;

/// <summary>
/// Sends due deliveries: signs, posts, logs the attempt, and schedules the next one (<see cref="WebhookRetrySchedule"/>)
/// until the delivery's retry window closes; a delivery that failed for its whole window disables its endpoint.
/// Rows are claimed with a short lease, so several Identity replicas never send the same attempt twice.
/// </summary>
internal sealed class WebhookDispatcher(IServiceProvider services, IOptions<WebhookOptions> options,
    TimeProvider clock, ILogger<WebhookDispatcher> log) : PollingWorker<WebhookDispatcher>(log)
{
    // Its own client, outside the resilience defaults: the dispatcher retries on its own schedule and logs every
    // attempt. The handler checks every address it connects to (WebhookHttp) and follows no redirects.
    private readonly HttpClient http = new(WebhookHttp.CreateHandler(options.Value))
    {
        Timeout = Timeout.InfiniteTimeSpan,
        DefaultRequestHeaders = { { "User-Agent", "Symbiosis-Webhooks/1" } },
    };
    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override async Task<bool> RoundAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken) > 0;

    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDataContext>();
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(WebhookSignature.SecretPurpose);
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await (from d in db.WebhookDeliveries
                         join e in db.WebhookEndpoints on d.EndpointId equals e.Id
                         where d.Status == DeliveryStatus.Pending && e.Enabled && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now)
                         orderby d.NextAttemptAt
                         select d.Id).Take(20).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            var lease = now + settings.RequestTimeout + TimeSpan.FromSeconds(30);
            var claimed = await db.WebhookDeliveries
                .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && (d.LockedUntil == null || d.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntil, lease), cancellationToken);
            if (claimed == 1)
            {
                await AttemptAsync(db, protector, id, settings, cancellationToken);
                sent++;
            }
        }

        return sent;
    }

    private async Task AttemptAsync(IdentityDataContext db, IDataProtector protector, Guid deliveryId, WebhookOptions settings, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var delivery = await db.WebhookDeliveries.FirstAsync(d => d.Id == deliveryId, cancellationToken);
        var endpoint = await db.WebhookEndpoints.FirstAsync(e => e.Id == delivery.EndpointId, cancellationToken);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var watch = Stopwatch.StartNew();
        var (status, error) = await SendAsync(delivery, endpoint, protector.Unprotect(endpoint.ProtectedSecret), timestamp, settings, cancellationToken);
        Record(delivery, endpoint, status, error, (int)watch.ElapsedMilliseconds, clock.GetUtcNow().UtcDateTime, settings);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>One signed POST of the delivery; the status code and, unless it succeeded, what went wrong in a few words.</summary>
    private async Task<(int? Status, string? Error)> SendAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, string secret, long timestamp,
        WebhookOptions settings, CancellationToken cancellationToken)
    {
        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, timestamp, delivery.Payload));
            request.Headers.Add("Symbiosis-Event-Id", delivery.Id.ToString());
            request.Headers.Add("Symbiosis-Event-Type", delivery.EventType);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.RequestTimeout);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                error = $"HTTP {status}";
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            error = ex switch
            {
                TaskCanceledException => "Timed out",
                { InnerException: WebhookTargetRefusedException refused } => "Refused: " + refused.Message,
                _ => ex.Message,
            };
        }

        return (status, error);
    }

    /// <summary>Logs the attempt; a success completes the delivery, a failure schedules the next try or, past the retry window, fails it and disables the endpoint.</summary>
    private void Record(WebhookDelivery delivery, WebhookEndpoint endpoint, int? status, string? error, int durationMs, DateTime now, WebhookOptions settings)
    {
        delivery.Attempts++;
        delivery.LockedUntil = null;
        delivery.AttemptLog.Add(new WebhookAttempt { DeliveryId = delivery.Id, AttemptedAt = now, StatusCode = status, Error = error?[..Math.Min(error.Length, 500)], DurationMs = durationMs });
        if (error is null)
        {
            delivery.Status = DeliveryStatus.Succeeded;
            delivery.CompletedAt = now;
            endpoint.ConsecutiveFailures = 0;
        }
        else
        {
            endpoint.ConsecutiveFailures++;
            if (WebhookRetrySchedule.NextAttempt(delivery.Attempts, delivery.CreatedAt, now, settings, Random.Shared.NextDouble()) is { } next)
            {
                delivery.NextAttemptAt = next;
            }
            else
            {
                delivery.Status = DeliveryStatus.Failed;
                delivery.CompletedAt = now;
                Disable(endpoint, now, $"A delivery failed for {settings.RetryWindow.TotalHours:0.#} hours; last: {error}.");
            }
        }
    }

    public override void Dispose()
    {
        http.Dispose();
        base.Dispose();
    }

    private void Disable(WebhookEndpoint endpoint, DateTime now, string reason)
    {
        if (!endpoint.Enabled)
        {
            return;
        }

        endpoint.Enabled = false;
        endpoint.DisabledAt = now;
        endpoint.DisabledReason = reason;
        log.LogWarning("Webhook endpoint {Endpoint} of {Organisation} disabled: {Reason}", endpoint.Id, endpoint.OrganisationId, reason);
    }
}
