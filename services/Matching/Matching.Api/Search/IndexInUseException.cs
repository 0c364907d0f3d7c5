namespace Marketplace.Matching.Search;

/// <summary>The index directory is held by another process (a running host).</summary>
public sealed class IndexInUseException(string path, Exception inner)
    : InvalidOperationException($"The search index at {path} is in use by another process (a running host). One process per index directory.", inner);
