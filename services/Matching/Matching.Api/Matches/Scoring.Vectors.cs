using System.Globalization;
using Marketplace.Matching.Knowledge;

namespace Marketplace.Matching.Matches;

public static partial class Scoring
{
    /// <summary>MiniLM cosines below this are what unrelated listings of one marketplace share (its domain words).</summary>
    public const double VectorUnrelated = 0.3;

    /// <summary>Cosines at or above this count fully.</summary>
    public const double VectorSame = 0.8;

    /// <summary>The vector component: the cosine rescaled from <see cref="VectorUnrelated"/>..<see cref="VectorSame"/> to 0..1.</summary>
    public sealed record VectorComponent(double Cosine, double Value, string Text);

    /// <summary>Null unless both sides have a vector of the same model (vectors off, or indexed before they were on).</summary>
    public static VectorComponent? VectorFit(Annotation offer, Annotation want)
    {
        if (offer.Vector is not { Length: > 0 } a || want.Vector is not { Length: > 0 } b || a.Length != b.Length)
        {
            return null;
        }

        var cosine = Math.Round(VectorMath.Dot(a, b), 4);
        var value = Math.Clamp((cosine - VectorUnrelated) / (VectorSame - VectorUnrelated), 0, 1);
        return new(cosine, value, string.Create(CultureInfo.InvariantCulture, $"Vector similarity of the two descriptions {cosine:0.00}."));
    }
}
