using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using Marketplace.Listings.Contracts;
using Marketplace.Matching.Knowledge;

namespace Marketplace.Matching.Search;

/// <summary>
/// A candidate (snapshot and annotation) as one compact binary doc value of the embedded index: read back
/// several times faster than the two JSON documents it replaces, because every candidate of a search is decoded
/// unless it is cached. Every <see cref="ListingSnapshot"/> property is written; a property added to the contract
/// must be added here too (the round-trip test compares the whole snapshot).
/// </summary>
public static class CandidateCodec
{
    private const byte Format = 1;

    // one buffer per thread, kept between candidates: growing a new stream to a candidate's size (evidence included)
    // was a tenth of a rebuild's writing
    [ThreadStatic]
    private static MemoryStream? scratch;

    public static byte[] Encode(ListingSnapshot l, Annotation a)
    {
        var stream = scratch ??= new MemoryStream(16 * 1024);
        stream.SetLength(0);
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Format);
            w.Write(l.ListingId.ToByteArray());
            w.Write(l.OrganisationId.ToByteArray());
            w.Write(l.Version);
            w.Write(l.Kind);
            w.Write(l.ResourceClass);
            w.Write(l.Status);
            w.Write(l.Title);
            w.Write(l.Description);
            Optional(w, l.Language);
            Optional(w, l.EwcCode);
            Optional(w, l.CpaCode);
            Optional(w, l.NaceCode);
            w.Write(l.Hazardous);
            w.Write(l.AcceptsHazardous);
            w.Write(l.Quantity.Amount);
            w.Write(l.Quantity.Unit);
            w.Write(l.Quantity.Per);
            w.Write(l.Quantity.YearlyAmount);
            w.Write(l.Quantity.BaseUnit);
            w.Write(l.Location.Lat);
            w.Write(l.Location.Lon);
            w.Write(l.Location.Country);
            Optional(w, l.Location.Address);
            Optional(w, l.MaxTransportKm);
            Optional(w, l.AvailableFrom?.DayNumber);
            Optional(w, l.AvailableUntil?.DayNumber);
            w.Write(l.Price is not null);
            if (l.Price is { } price)
            {
                w.Write(price.Amount);
                w.Write(price.Currency);
                w.Write(price.Per);
            }

            Optional(w, l.TemperatureC);
            Optional(w, l.Medium);
            Optional(w, l.WaterQuality);
            w.Write(l.Visibility);
            w.Write(l.Attributes.Count);
            foreach (var attribute in l.Attributes)
            {
                w.Write(attribute.Name);
                w.Write(attribute.Value);
                Optional(w, attribute.Unit);
            }

            w.Write(l.UpdatedAt.ToBinary());

            w.Write(a.Language);
            Strings(w, a.Text.Stems);
            Strings(w, [.. a.Groups]);
            w.Write(a.Patterns.Count);
            foreach (var fit in a.Patterns.Values)
            {
                w.Write(fit.PatternId);
                w.Write(fit.Value);
                Strings(w, fit.Evidence);
            }

            Optional(w, a.TemperatureC);
            Optional(w, a.Nace);
            Strings(w, a.Concepts);
        }

        var bytes = stream.ToArray();
        if (stream.Capacity > 1024 * 1024)
        {
            scratch = null; // an outsized listing's buffer is not worth keeping
        }

        return bytes;
    }

    public static (ListingSnapshot Listing, Annotation Annotation) Decode(byte[] bytes, int offset, int length) =>
        Decode(bytes.AsSpan(offset, length));

    /// <summary>
    /// Reads what <see cref="Encode"/> wrote (the <see cref="BinaryWriter"/> layout) straight from the span: no stream
    /// or reader objects, and short strings come from the <see cref="StringPool"/>.
    /// </summary>
    public static (ListingSnapshot Listing, Annotation Annotation) Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new SpanReader(bytes);
        if (r.Byte() != Format)
        {
            throw new InvalidDataException("Unknown candidate format.");
        }

        var listing = new ListingSnapshot
        {
            ListingId = r.Guid(),
            OrganisationId = r.Guid(),
            Version = r.Int32(),
            Kind = r.String(),
            ResourceClass = r.String(),
            Status = r.String(),
            Title = r.String(pooled: false),
            Description = r.String(pooled: false),
            Language = r.OptionalString(),
            EwcCode = r.OptionalString(),
            CpaCode = r.OptionalString(),
            NaceCode = r.OptionalString(),
            Hazardous = r.Boolean(),
            AcceptsHazardous = r.Boolean(),
            Quantity = new QuantitySnapshot(r.Decimal(), r.String(), r.String(), r.Decimal(), r.String()),
            Location = new LocationSnapshot(r.Double(), r.Double(), r.String(), r.OptionalString(pooled: false)),
            MaxTransportKm = r.OptionalDouble(),
            AvailableFrom = r.OptionalInt32() is { } from ? DateOnly.FromDayNumber(from) : null,
            AvailableUntil = r.OptionalInt32() is { } until ? DateOnly.FromDayNumber(until) : null,
            Price = r.Boolean() ? new PriceSnapshot(r.Decimal(), r.String(), r.String()) : null,
            TemperatureC = r.OptionalDouble(),
            Medium = r.OptionalString(),
            WaterQuality = r.OptionalString(),
            Visibility = r.String(),
            Attributes = Attributes(ref r),
            UpdatedAt = DateTime.FromBinary(r.Int64()),
        };

        var language = r.String();
        var stems = r.Strings();
        var groupCount = r.Int32();
        var groups = new HashSet<string>(groupCount, StringComparer.Ordinal);
        for (var i = 0; i < groupCount; i++)
        {
            groups.Add(r.String());
        }

        var patternCount = r.Int32();
        var patterns = new Dictionary<string, PatternFit>(patternCount, StringComparer.Ordinal);
        for (var i = 0; i < patternCount; i++)
        {
            var fit = r.Fit();
            patterns[fit.PatternId] = fit;
        }

        var temperature = r.OptionalDouble();
        var nace = r.OptionalString();
        var annotation = new Annotation(language, new StemText(stems), groups, patterns, temperature, nace) { Concepts = r.Strings() };
        return (listing, annotation);
    }

    private static List<AttributeSnapshot> Attributes(ref SpanReader r)
    {
        var count = r.Int32();
        var list = new List<AttributeSnapshot>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(new AttributeSnapshot(r.String(), r.String(), r.OptionalString()));
        }

        return list;
    }

    /// <summary>The <see cref="BinaryReader"/> layout over a span: little-endian numbers, 7-bit length-prefixed UTF-8 strings.</summary>
    private ref struct SpanReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> bytes = bytes;
        private int at;

        public byte Byte() => bytes[at++];

        public bool Boolean() => Byte() != 0;

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

        public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

        public decimal Decimal() => new([Int32(), Int32(), Int32(), Int32()]);

        public Guid Guid() => new(Take(16));

        public string String(bool pooled = true)
        {
            var utf8 = Take(Length());
            return pooled ? StringPool.Get(utf8) : Encoding.UTF8.GetString(utf8);
        }

        private void SkipString()
        {
            var length = Length(); // first: it moves past the length's own bytes
            at += length;
        }

        private int Length()
        {
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (shift > 28)
                {
                    throw new InvalidDataException("Bad string length in a candidate.");
                }

                var b = Byte();
                length |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return length;
                }
            }
        }

        /// <summary>
        /// A pattern fit; the same fit (pattern, value, evidence) recurs across many listings (every want of a sector
        /// fits that sector's uses alike), so one shared instance per distinct encoding is kept.
        /// </summary>
        public PatternFit Fit()
        {
            var start = at;
            SkipString();
            at += 8;
            for (var n = Int32(); n > 0; n--)
            {
                SkipString();
            }

            var encoded = bytes[start..at];
            if (FitPool.TryGet(encoded) is { } known)
            {
                return known;
            }

            var again = new SpanReader(encoded);
            return FitPool.Add(encoded, new PatternFit(again.String(), again.Double(), again.Strings()));
        }

        public string? OptionalString(bool pooled = true) => Boolean() ? String(pooled) : null;

        public double? OptionalDouble() => Boolean() ? Double() : null;

        public int? OptionalInt32() => Boolean() ? Int32() : null;

        public string[] Strings()
        {
            var count = Int32();
            if (count == 0)
            {
                return [];
            }

            var array = new string[count];
            for (var i = 0; i < count; i++)
            {
                array[i] = String();
            }

            return array;
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            var span = bytes.Slice(at, count);
            at += count;
            return span;
        }
    }

    private static void Strings(BinaryWriter w, IReadOnlyCollection<string> values)
    {
        w.Write(values.Count);
        foreach (var value in values)
        {
            w.Write(value);
        }
    }

    private static void Optional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    private static void Optional(BinaryWriter w, double? value)
    {
        w.Write(value.HasValue);
        if (value is { } v)
        {
            w.Write(v);
        }
    }

    private static void Optional(BinaryWriter w, int? value)
    {
        w.Write(value.HasValue);
        if (value is { } v)
        {
            w.Write(v);
        }
    }

    /// <summary>Shared pattern fits by their encoding (see <see cref="SpanReader.Fit"/>); bounded like <see cref="StringPool"/>.</summary>
    private static class FitPool
    {
        private const int Capacity = 200_000;
        private static readonly ConcurrentDictionary<byte[], PatternFit> Fits = new(new BytesComparer());
        private static readonly ConcurrentDictionary<byte[], PatternFit>.AlternateLookup<ReadOnlySpan<byte>> BySpan =
            Fits.GetAlternateLookup<ReadOnlySpan<byte>>();

        public static PatternFit? TryGet(ReadOnlySpan<byte> encoded) => BySpan.TryGetValue(encoded, out var fit) ? fit : null;

        public static PatternFit Add(ReadOnlySpan<byte> encoded, PatternFit fit) =>
            Fits.Count < Capacity ? Fits.GetOrAdd(encoded.ToArray(), fit) : fit;

        private sealed class BytesComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
        {
            public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

            public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

            public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

            public int GetHashCode(ReadOnlySpan<byte> alternate)
            {
                var hash = default(HashCode);
                hash.AddBytes(alternate);
                return hash.ToHashCode();
            }

            public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
        }
    }
}
