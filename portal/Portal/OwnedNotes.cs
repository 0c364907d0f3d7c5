using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Portal;

/// <summary>
/// Short-lived values between a form post and the page it redirects to (post-redirect-get), each under an
/// unguessable token and readable only by the user who made it. Kept in this process's memory, bounded in size: a
/// portal run as several replicas needs sticky sessions for the pages that use it (or a shared cache behind it).
/// </summary>
public sealed class OwnedNotes<T>(TimeSpan lifetime, long sizeLimit, Func<T, long> sizeOf) : IDisposable
    where T : class
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = sizeLimit, CompactionPercentage = 0.25 });

    public string Add(ClaimsPrincipal user, T value)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Put(token, user, value);
        return token;
    }

    public void Put(string token, ClaimsPrincipal user, T value) =>
        cache.Set(token, new Note(OwnerOf(user), value), new MemoryCacheEntryOptions { SlidingExpiration = lifetime, Size = Math.Max(1, sizeOf(value)) });

    public T? Find(string? token, ClaimsPrincipal user) =>
        token is { Length: 32 } && cache.TryGetValue(token, out Note? note) && note!.Owner == OwnerOf(user) && note.Owner.Length > 0 ? note.Value : null;

    /// <summary>Reads the value once: a secret shown is gone from the server.</summary>
    public T? Take(string? token, ClaimsPrincipal user)
    {
        var value = Find(token, user);
        if (value is not null)
        {
            cache.Remove(token!);
        }

        return value;
    }

    public void Dispose() => cache.Dispose();

    private static string OwnerOf(ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "";

    private sealed record Note(string Owner, T Value);
}
