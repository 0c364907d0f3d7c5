using System.Numerics;
using System.Runtime.InteropServices;

namespace Marketplace.Matching.Knowledge;

/// <summary>Cosine similarity over unit vectors with SIMD (<see cref="Vector{T}"/>), and an exact top-k.</summary>
public static class VectorMath
{
    /// <summary>Scales to unit length in place; a zero vector stays zero.</summary>
    public static void Normalise(Span<float> v)
    {
        var norm = MathF.Sqrt(Dot(v, v));
        if (norm > 0)
        {
            for (var i = 0; i < v.Length; i++)
            {
                v[i] /= norm;
            }
        }
    }

    /// <summary>The dot product: the cosine when both are unit vectors.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Vectors of different dimensions.", nameof(b));
        }

        var sum = Vector<float>.Zero;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            for (var k = 0; k < va.Length; k++)
            {
                sum += va[k] * vb[k];
            }

            i = va.Length * Vector<float>.Count;
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    /// <summary>Cosine of two vectors of any length (0 when either is empty or zero).</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return 0;
        }

        var norms = MathF.Sqrt(Dot(a, a) * Dot(b, b));
        return norms > 0 ? Dot(a, b) / norms : 0;
    }

    /// <summary>
    /// The <paramref name="k"/> best of a stream of (item, score), best first, ties by arrival: a bounded min-heap,
    /// so a scan over every stored vector keeps k entries, not the whole index.
    /// </summary>
    public sealed class TopK<T>(int k)
    {
        private readonly PriorityQueue<T, (float Score, long Order)> heap = new(Comparer<(float Score, long Order)>.Create(
            (x, y) => x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Order.CompareTo(x.Order)));

        private long order;

        public void Offer(T item, float score)
        {
            if (k <= 0)
            {
                return;
            }

            if (heap.Count < k)
            {
                heap.Enqueue(item, (score, order++));
            }
            else if (heap.TryPeek(out _, out var worst) && score > worst.Score)
            {
                heap.DequeueEnqueue(item, (score, order++));
            }
        }

        /// <summary>Best first.</summary>
        public List<(T Item, float Score)> Take()
        {
            var result = new List<(T, float)>(heap.Count);
            while (heap.TryDequeue(out var item, out var priority))
            {
                result.Add((item, priority.Score));
            }

            result.Reverse();
            return result;
        }
    }
}
