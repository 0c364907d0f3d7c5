using System.Security.Claims;
using System.Security.Cryptography;
using Marketplace.Portal.Api;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Portal.Listings;

/// <summary>An uploaded file between its preview and its import: the bytes the preview checked are the bytes imported.</summary>
public sealed record ImportSession(string Owner, string FileName, byte[] Csv, string? Separator, string? Encoding, ImportReport? Preview, ApiProblem? Problem)
{
    public ImportReport? Result { get; init; }
}

/// <summary>
/// Uploads waiting to be committed, for 30 minutes, each readable only by the user who uploaded it (by its
/// unguessable token). Kept in this process's memory: a portal run as several replicas needs sticky sessions for
/// the import page (or a shared cache behind the same interface).
/// </summary>
public sealed class ImportSessions : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>Its own cache, bounded: at most 256 MB of uploads wait at once (a full cache makes room by dropping the oldest).</summary>
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 256L * 1024 * 1024, CompactionPercentage = 0.25 });

    public string Add(ImportSession session)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Put(token, session);
        return token;
    }

    public void Put(string token, ImportSession session) =>
        cache.Set(Key(token), session, new MemoryCacheEntryOptions { SlidingExpiration = Lifetime, Size = session.Csv.Length });

    public ImportSession? Find(string? token, ClaimsPrincipal user) =>
        token is { Length: 32 } && cache.TryGetValue(Key(token), out ImportSession? session) && session!.Owner == OwnerOf(user) ? session : null;

    public static string OwnerOf(ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "";

    public void Dispose() => cache.Dispose();

    private static string Key(string token) => "portal-import:" + token;
}
