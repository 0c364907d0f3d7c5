using Marketplace.Matching.Knowledge;
using Marketplace.Matching.Matches;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

/// <summary>The vector arithmetic, the vector score component and vector evidence (issue 15, point 2), without a model.</summary>
public sealed class VectorMathTests
{
    private static readonly Dictionary<string, double> NothingLearned = [];

    [Fact]
    public void Normalise_scales_to_unit_length_and_leaves_a_zero_vector_alone()
    {
        var v = new float[] { 3, 4, 0, 0, 0, 0, 0, 0, 0, 12 };
        VectorMath.Normalise(v);
        Assert.Equal(1f, VectorMath.Dot(v, v), 5);
        Assert.Equal(3f / 13, v[0], 5);
        var zero = new float[5];
        VectorMath.Normalise(zero);
        Assert.All(zero, x => Assert.Equal(0f, x));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(17)]
    [InlineData(384)]
    public void Dot_equals_the_plain_sum_at_every_length_SIMD_or_not(int length)
    {
        var random = new Random(length);
        var a = Enumerable.Range(0, length).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var b = Enumerable.Range(0, length).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var plain = a.Zip(b, (x, y) => (double)x * y).Sum();
        Assert.Equal(plain, VectorMath.Dot(a, b), 4);
    }

    [Fact]
    public void Cosine_ignores_length_and_is_zero_for_an_empty_vector()
    {
        Assert.Equal(1f, VectorMath.Cosine([1, 2, 3], [2, 4, 6]), 5);
        Assert.Equal(0f, VectorMath.Cosine([1, 0], [0, 1]), 5);
        Assert.Equal(-1f, VectorMath.Cosine([1, 0], [-2, 0]), 5);
        Assert.Equal(0f, VectorMath.Cosine([], [1, 0]));
        Assert.Throws<ArgumentException>(() => VectorMath.Dot([1, 2], [1, 2, 3]));
    }

    [Fact]
    public void TopK_keeps_the_k_best_best_first_and_the_earlier_of_a_tie()
    {
        var top = new VectorMath.TopK<string>(3);
        foreach (var (item, score) in new[] { ("a", 0.1f), ("b", 0.9f), ("c", 0.5f), ("d", 0.7f), ("e", 0.5f), ("f", -1f) })
        {
            top.Offer(item, score);
        }

        Assert.Equal(["b", "d", "c"], top.Take().Select(t => t.Item));
        var none = new VectorMath.TopK<string>(0);
        none.Offer("a", 1);
        Assert.Empty(none.Take());
    }

    [Fact]
    public void The_vector_component_rescales_the_cosine_and_needs_both_vectors()
    {
        var offer = Side(Listing("offer", "Spent grain", "Wet brewers' grains"), "11.05");
        var want = Side(Listing("want", "Cattle feed", "Dairy farm"), "01.41");
        Assert.Null(Scoring.VectorFit(offer.Annotation, want.Annotation));
        Assert.Null(Scoring.VectorFit(offer.Annotation with { Vector = Unit(1, 0) }, want.Annotation));

        var same = Scoring.VectorFit(offer.Annotation with { Vector = Unit(1, 0) }, want.Annotation with { Vector = Unit(1, 0) })!;
        Assert.Equal(1, same.Cosine, 4);
        Assert.Equal(1, same.Value, 4);
        var unrelated = Scoring.VectorFit(offer.Annotation with { Vector = Unit(1, 0) }, want.Annotation with { Vector = Unit(0, 1) })!;
        Assert.Equal(0, unrelated.Value);
        var between = Scoring.VectorFit(offer.Annotation with { Vector = Unit(1, 0) }, want.Annotation with { Vector = Unit(0.55, Math.Sqrt(1 - 0.55 * 0.55)) })!;
        Assert.Equal((0.55 - Scoring.VectorUnrelated) / (Scoring.VectorSame - Scoring.VectorUnrelated), between.Value, 3);
    }

    [Fact]
    public void Vectors_add_a_component_to_the_score_only_when_both_sides_have_one()
    {
        var offer = Side(Listing("offer", "Spent grain from brewing", "Wet brewers' spent grain, 25 % dry matter", ewc: "02 07 04"), "11.05");
        var want = Side(Listing("want", "Spent grain for cattle feed", "Dairy farm buying brewers' grains as feed"), "01.41");
        var without = Scoring.Score(offer, want, Kb, NothingLearned)!;
        Assert.DoesNotContain(without.Reasons, r => r.Component == "vector");

        var with = Scoring.Score(
            offer with { Annotation = offer.Annotation with { Vector = Unit(1, 0) } }, want with { Annotation = want.Annotation with { Vector = Unit(1, 0) } }, Kb, NothingLearned)!;
        var vector = Assert.Single(with.Reasons, r => r.Component == "vector");
        Assert.Equal(Scoring.VectorWeight, vector.Contribution, 4);
        Assert.Equal(Math.Min(1, without.Score + Scoring.VectorWeight), with.Score, 3);
    }

    [Fact]
    public void Vector_similarity_is_evidence_from_its_floor_within_one_class_only()
    {
        static EvidenceInput Input(string wantClass, double cosine) =>
            new("material", wantClass, null, 0, true, true, 0, false, 0) { VectorSimilarity = cosine };

        Assert.True(Evidence.Decide(Input("material", Evidence.VectorFloor)).Suggest);
        Assert.Equal("vector", Evidence.Decide(Input("material", Evidence.VectorFloor)).Kind);
        Assert.False(Evidence.Decide(Input("material", Evidence.VectorFloor - 0.01)).Suggest);
        Assert.False(Evidence.Decide(Input("energy", 0.99)).Suggest);
    }

    private static float[] Unit(double x, double y)
    {
        var v = new float[8];
        v[0] = (float)x;
        v[1] = (float)y;
        VectorMath.Normalise(v);
        return v;
    }
}
