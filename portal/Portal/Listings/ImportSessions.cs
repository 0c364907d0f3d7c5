using Marketplace.Portal.Api;

namespace Marketplace.Portal.Listings;

/// <summary>An uploaded file between its preview and its import: the bytes the preview checked are the bytes imported.</summary>
public sealed record ImportSession(string FileName, byte[] Csv, string? Separator, string? Encoding, ImportReport? Preview, ApiProblem? Problem)
{
    public ImportReport? Result { get; init; }

    /// <summary>Uploads wait 30 minutes; at most 256 MB of them at once (a full store drops the oldest).</summary>
    public static OwnedNotes<ImportSession> Store() => new(TimeSpan.FromMinutes(30), 256L * 1024 * 1024, s => s.Csv.Length);
}
