using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;

namespace Marketplace.Matching.Search;

/// <summary>
/// The embedded engine's vector candidate source: every published listing's unit vector in one contiguous array,
/// scanned in full for each query (exact cosine with SIMD, see <see cref="VectorMath"/>). The vectors are stored in
/// the Lucene document (doc value <c>vec</c>: organisation, kind, float32s) and read back into memory when the
/// index opens; a 384-dimension vector takes 1.5 KB, 150 MB at 100,000 listings. A stored vector is never changed
/// (a new version gets a new array), so <see cref="VectorOf"/> hands out the array itself.
/// </summary>
internal sealed class LuceneVectors
{
    public const string Field = "vec";
    private const int Header = 17;

    private readonly System.Threading.Lock gate = new();
    private readonly Dictionary<Guid, int> slots = [];
    private readonly Stack<int> free = new();
    private float[][] vectors = [];
    private Guid[] ids = [];
    private Guid[] orgs = [];
    private byte[] kinds = []; // 0 free, 1 offer, 2 want
    private int dimensions;
    private int used;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return slots.Count;
            }
        }
    }

    /// <summary>The doc value for a listing, null when it has no vector or is not published (never a candidate).</summary>
    public static BinaryDocValuesField? ToField(ListingSnapshot listing, float[]? vector)
    {
        if (vector is not { Length: > 0 } || listing.Status != ListingStatuses.Published)
        {
            return null;
        }

        var bytes = new byte[Header + vector.Length * sizeof(float)];
        listing.OrganisationId.TryWriteBytes(bytes);
        bytes[16] = KindCode(listing.Kind);
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()).CopyTo(bytes.AsSpan(Header));
        return new BinaryDocValuesField(Field, new BytesRef(bytes));
    }

    /// <summary>Fills the store from an index as it opens (live documents with a vector doc value).</summary>
    public void Load(Lucene.Net.Search.SearcherManager searchers)
    {
        var searcher = searchers.Acquire();
        try
        {
            Load(searcher.IndexReader);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private void Load(IndexReader reader)
    {
        var bytes = new BytesRef();
        var idBytes = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var vectors = leaf.AtomicReader.GetBinaryDocValues(Field);
            var idValues = leaf.AtomicReader.GetBinaryDocValues("idv");
            if (vectors is null || idValues is null)
            {
                continue;
            }

            var live = leaf.AtomicReader.LiveDocs;
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                vectors.Get(doc, bytes);
                idValues.Get(doc, idBytes);
                if (bytes.Length <= Header || idBytes.Length != 16)
                {
                    continue;
                }

                var span = bytes.Bytes.AsSpan(bytes.Offset, bytes.Length);
                var vector = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(span[Header..]).ToArray();
                Put(new Guid(idBytes.Bytes.AsSpan(idBytes.Offset, 16)), new Guid(span[..16]), span[16], vector);
            }
        }
    }

    /// <summary>Keeps the listing's vector when it is published and has one, else drops it.</summary>
    public void Upsert(ListingSnapshot listing, float[]? vector)
    {
        if (vector is not { Length: > 0 } || listing.Status != ListingStatuses.Published)
        {
            Remove(listing.ListingId);
            return;
        }

        Put(listing.ListingId, listing.OrganisationId, KindCode(listing.Kind), vector);
    }

    /// <summary>The stored vector of a listing, null when it has none.</summary>
    public float[]? VectorOf(Guid listingId)
    {
        lock (gate)
        {
            return slots.TryGetValue(listingId, out var slot) ? vectors[slot] : null;
        }
    }

    public void Remove(Guid listingId)
    {
        lock (gate)
        {
            if (slots.Remove(listingId, out var slot))
            {
                kinds[slot] = 0;
                vectors[slot] = [];
                free.Push(slot);
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            slots.Clear();
            free.Clear();
            used = 0;
            Array.Clear(kinds);
            Array.Clear(vectors);
        }
    }

    /// <summary>
    /// The <paramref name="k"/> nearest listings of <paramref name="kind"/> outside <paramref name="excludeOrganisation"/>,
    /// by exact cosine, best first.
    /// </summary>
    public List<(Guid Id, float Cosine)> Nearest(float[] query, string kind, Guid excludeOrganisation, int k)
    {
        var top = new VectorMath.TopK<Guid>(k);
        var code = KindCode(kind);
        lock (gate)
        {
            if (query.Length != dimensions)
            {
                return [];
            }

            for (var slot = 0; slot < used; slot++)
            {
                if (kinds[slot] == code && orgs[slot] != excludeOrganisation)
                {
                    top.Offer(ids[slot], VectorMath.Dot(query, vectors[slot]));
                }
            }
        }

        return top.Take();
    }

    private void Put(Guid id, Guid org, byte kind, float[] vector)
    {
        lock (gate)
        {
            if (dimensions == 0)
            {
                dimensions = vector.Length;
            }
            else if (vector.Length != dimensions)
            {
                return; // another model's vector: reindex after changing Search:Vectors
            }

            if (!slots.TryGetValue(id, out var slot))
            {
                slot = free.Count > 0 ? free.Pop() : used++;
                slots[id] = slot;
                Grow(used);
            }

            vectors[slot] = vector;
            ids[slot] = id;
            orgs[slot] = org;
            kinds[slot] = kind;
        }
    }

    private void Grow(int count)
    {
        if (count <= ids.Length)
        {
            return;
        }

        var capacity = Math.Max(1024, ids.Length * 2);
        Array.Resize(ref vectors, capacity);
        Array.Resize(ref ids, capacity);
        Array.Resize(ref orgs, capacity);
        Array.Resize(ref kinds, capacity);
    }

    private static byte KindCode(string kind) => kind == ListingKinds.Offer ? (byte)1 : (byte)2;
}
