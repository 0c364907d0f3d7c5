using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.ServiceDefaults.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on POST: the first answer (below 500) is stored with a hash of the request; a retry with
/// the same key and the same request gets that answer again and nothing runs twice; the same key with another
/// request is a 422; a retry while the first is still running is a 409. Keys are scoped to the caller (token
/// subject), so one caller can never see another's stored answer. Failed (5xx) attempts are forgotten, so a
/// retry may run again. While running, the record is a lease (<see cref="IdempotencyOptions.Lease"/>, renewed every
/// <see cref="IdempotencyOptions.LeaseRenewal"/>): when the process dies mid-request the key is free again soon after.
/// Events the request stages carry ids derived from the key (<see cref="IdempotentWrite"/>), a marker committed with
/// the write, so a retry after a crash between that commit and the stored answer is recognised and not run twice.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IOptions<IdempotencyOptions> options, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotency-Replayed";

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0 || context.GetEndpoint() is null)
        {
            await next(context);
            return;
        }

        if (key.Length > 255)
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest, "Invalid Idempotency-Key", "The Idempotency-Key header may be at most 255 characters.");
            return;
        }

        var settings = options.Value;
        if (context.Request.ContentLength > settings.MaxBodyBytes)
        {
            await ProblemAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The body may be at most {settings.MaxBodyBytes} bytes.");
            return;
        }

        var caller = Caller(context.User);
        var recordKey = Hash($"{caller}\n{key}");
        var requestHash = await HashRequestAsync(context.Request, settings.MaxBodyBytes);
        var db = context.RequestServices.GetRequiredService<IdempotencyDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;

        for (var attempt = 0; ; attempt++)
        {
            var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == recordKey, context.RequestAborted);
            if (existing is not null && existing.ExpiresAt <= now)
            {
                await db.IdempotencyRecords.Where(r => r.Key == recordKey && r.ExpiresAt <= now).ExecuteDeleteAsync(context.RequestAborted);
                existing = null;
            }

            if (existing is not null)
            {
                await AnswerExistingAsync(context, existing, requestHash);
                return;
            }

            // In flight, the record is a lease: renewed while the request runs, it lapses soon after a crash, and a retry runs.
            db.IdempotencyRecords.Add(new IdempotencyRecord { Key = recordKey, RequestHash = requestHash, CreatedAt = now, ExpiresAt = now + settings.Lease });
            try
            {
                await db.SaveChangesAsync(context.RequestAborted);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear(); // a concurrent request with the same key won the insert: answer from its record
            }
        }

        await RunAndStoreAsync(context, db, recordKey, settings);
    }

    private async Task RunAndStoreAsync(HttpContext context, IdempotencyDbContext db, string recordKey, IdempotencyOptions settings)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var stored = false;
        using var renewing = new CancellationTokenSource();
        var renewal = RenewLeaseAsync(context.RequestServices, recordKey, settings, renewing.Token);
        var write = IdempotentWrite.Begin(recordKey);
        try
        {
            try
            {
                await next(context);
            }
            catch (Exception) when (write.AppliedAggregateId is not null)
            {
                // the save failed on this request's own marker: answered below
            }
            finally
            {
                IdempotentWrite.End();
                await renewing.CancelAsync();
                await renewal;
            }

            if (write.AppliedAggregateId is { } applied)
            {
                context.Response.Clear();
                await ProblemAsync(context, StatusCodes.Status409Conflict, "Request already applied",
                    "An earlier attempt with this Idempotency-Key was applied before the service was interrupted, so it was not run again. "
                    + $"Its answer was not kept; it wrote {applied}.");
            }

            if (context.Response.StatusCode < 500)
            {
                var record = await db.IdempotencyRecords.FirstAsync(r => r.Key == recordKey, CancellationToken.None);
                Complete(record, context.Response, buffer.ToArray(), clock.GetUtcNow().UtcDateTime + settings.Retention);
                await db.SaveChangesAsync(CancellationToken.None);
                stored = true;
            }
        }
        finally
        {
            if (!stored)
            {
                db.ChangeTracker.Clear();
                await db.IdempotencyRecords.Where(r => r.Key == recordKey).ExecuteDeleteAsync(CancellationToken.None);
            }

            context.Response.Body = original;
            buffer.Position = 0;
            if (buffer.Length > 0 && !context.RequestAborted.IsCancellationRequested)
            {
                await buffer.CopyToAsync(original, CancellationToken.None);
            }
        }
    }

    /// <summary>The answer as a replay gives it back: status, content type, <c>Location</c>, <c>ETag</c> and body, kept until <paramref name="expiresAt"/>.</summary>
    private static void Complete(IdempotencyRecord record, HttpResponse response, byte[] body, DateTime expiresAt)
    {
        record.ExpiresAt = expiresAt;
        record.Completed = true;
        record.StatusCode = response.StatusCode;
        record.ContentType = response.ContentType;
        record.Location = response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
        record.ETag = response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null;
        record.Body = body;
    }

    /// <summary>Keeps the in-flight lease alive while the request runs; a crashed process stops renewing it.</summary>
    private async Task RenewLeaseAsync(IServiceProvider services, string recordKey, IdempotencyOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(settings.LeaseRenewal, clock);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IdempotencyDbContext>();
                var until = clock.GetUtcNow().UtcDateTime + settings.Lease;
                await db.IdempotencyRecords.Where(r => r.Key == recordKey && !r.Completed)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.ExpiresAt, until), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the request finished
        }
    }

    private static async Task AnswerExistingAsync(HttpContext context, IdempotencyRecord existing, string requestHash)
    {
        if (existing.RequestHash != requestHash)
        {
            await ProblemAsync(context, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                "This Idempotency-Key was used for a different request. Use a new key for a new request.");
            return;
        }

        if (!existing.Completed)
        {
            context.Response.Headers.RetryAfter = "1";
            await ProblemAsync(context, StatusCodes.Status409Conflict, "Request in progress",
                "A request with this Idempotency-Key is still being processed. Retry shortly to get its answer.");
            return;
        }

        context.Response.StatusCode = existing.StatusCode;
        context.Response.Headers[ReplayedHeader] = "true";
        if (existing.ContentType is not null)
        {
            context.Response.ContentType = existing.ContentType;
        }

        if (existing.Location is not null)
        {
            context.Response.Headers.Location = existing.Location;
        }

        if (existing.ETag is not null)
        {
            context.Response.Headers.ETag = existing.ETag;
        }

        if (existing.Body is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static string Caller(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? $"{user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value}|{user.FindFirst("org_id")?.Value}"
            : "anonymous";

    private static async Task<string> HashRequestAsync(HttpRequest request, int maxBodyBytes)
    {
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: maxBodyBytes);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static Task ProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
