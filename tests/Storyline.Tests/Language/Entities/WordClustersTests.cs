using Storyline.Language.Entities;

namespace Storyline.Tests.Language.Entities;

public sealed class WordClustersTests
{
    /// <summary>
    /// A small text in which two groups of words fill two kinds of slot: people after "met" and before
    /// "said", cities after "in" and before "today". The exchange algorithm should put each group together.
    /// </summary>
    private static List<string[]> SlotText()
    {
        string[] people = ["Anna", "Boris", "Carla", "Dmitri"];
        string[] cities = ["Paris", "Lagos", "Quito", "Hanoi"];
        var sentences = new List<string[]>();
        for (int r = 0; r < 6; r++)
            foreach (var p in people)
                foreach (var c in cities)
                {
                    sentences.Add(["we", "met", p, "in", c, "today"]);
                    sentences.Add([p, "said", "it", "rained", "in", c, "today"]);
                }
        return sentences;
    }

    private static ushort ClassOf(WordClusters clusters, string word, int granularity)
    {
        clusters.TryGet(NerFeatures.HashLower(word), out var classes).ShouldBeTrue(word);
        return classes[granularity];
    }

    [Fact]
    public void WordsOfTheSameSlotShareAClass()
    {
        var clusters = WordClusterTrainer.Train(SlotText(), sizes: [4]);
        var anna = ClassOf(clusters, "Anna", 0);
        var paris = ClassOf(clusters, "Paris", 0);
        anna.ShouldNotBe(paris);
        foreach (var p in new[] { "Boris", "Carla", "Dmitri" }) ClassOf(clusters, p, 0).ShouldBe(anna, p);
        foreach (var c in new[] { "Lagos", "Quito", "Hanoi" }) ClassOf(clusters, c, 0).ShouldBe(paris, c);
    }

    [Fact]
    public void TrainingIsDeterministicAndTheFileRoundTrips()
    {
        var a = WordClusterTrainer.Train(SlotText(), sizes: [3, 5]);
        var b = WordClusterTrainer.Train(SlotText(), sizes: [3, 5]);
        var bytesA = Bytes(a);
        bytesA.ShouldBe(Bytes(b));
        var loaded = WordClusters.Load(new MemoryStream(bytesA));
        loaded.Sizes.ShouldBe([3, 5]);
        loaded.Count.ShouldBe(a.Count);
        Bytes(loaded).ShouldBe(bytesA);
    }

    [Fact]
    public void RejectsAStreamThatIsNotAClusterTable()
    {
        var model = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(model, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            gz.Write("not clusters"u8);
        model.Position = 0;
        Should.Throw<Exception>(() => WordClusters.Load(model));
    }

    [Fact]
    public void ATaggerTrainedWithClustersCarriesThemInItsFile()
    {
        var clusters = WordClusterTrainer.Train(SlotText(), sizes: [4]);
        var casing = CasingLexicon.Build(SlotText(), 3);
        var model = new NerModel(12, 10, new float[(1 << 12) * NerLabels.Count], casing, clusters);
        var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var loaded = NerModel.Load(file);
        loaded.Clusters.Count.ShouldBe(clusters.Count);
        Bytes(loaded.Clusters).ShouldBe(Bytes(clusters));
    }

    private static byte[] Bytes(WordClusters clusters)
    {
        var stream = new MemoryStream();
        clusters.Save(stream);
        return stream.ToArray();
    }
}
