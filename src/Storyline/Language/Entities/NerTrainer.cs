using System.Diagnostics;

namespace Storyline.Language.Entities;

/// <summary>What a training run did: dev scores per epoch and the epoch kept.</summary>
public sealed record NerTrainingReport(int Sentences, int Tokens, int BestEpoch, IReadOnlyList<NerScore> DevScores, TimeSpan Elapsed);

/// <summary>Exact-match entity precision, recall and F1 (conlleval rules), overall and per type.</summary>
public sealed record NerScore(int Epoch, double Precision, double Recall, double F1, IReadOnlyDictionary<string, double> F1ByType)
{
    public override string ToString() =>
        $"epoch {Epoch}: P {Precision:P2} R {Recall:P2} F1 {F1:P2} (" +
        string.Join(", ", F1ByType.Select(kv => $"{kv.Key} {kv.Value:P2}")) + ")";
}

/// <summary>
/// Trains the entity tagger: a structured averaged perceptron (Collins 2002, "Discriminative training
/// methods for hidden Markov models"; averaging after Freund and Schapire 1999) with first-order Viterbi
/// decoding over BILOU labels and hashed features. Deterministic for a given seed: one thread, fixed
/// feature hashing, a seeded shuffle of document-sized blocks. With a dev file, every epoch is scored and
/// the best epoch's weights are kept (scoring does not change training, so the same model comes from
/// training for exactly that many epochs without a dev file).
/// </summary>
public static class NerTrainer
{
    /// <summary>Default size of the weight table: 2^18 hashed buckets (2^17 to 2^19 scored the same on dev; this one fits a CPU cache better).</summary>
    public const int DefaultBucketBits = 18;

    /// <summary>Epochs of the shipped model (seed 1): the best on dev of the first six.</summary>
    public const int DefaultEpochs = 5;

    /// <summary>Sentences per block; the corpus keeps a story's sentences together, so a block approximates a document.</summary>
    private const int BlockSentences = 25;

    /// <summary>How many sentences back the document history reaches.</summary>
    public const int HistoryWindow = 50;

    /// <summary>
    /// Percentage of training sentences also shown in capitals, just before the original (where a headline
    /// stands). News has all-caps headlines and datelines ("JAPAN GET LUCKY WIN", "LONDON 1996-08-30") and
    /// the training corpus has none; without such copies the tagger misses nearly every name in them
    /// (case augmentation, as in Mayhew, Tsygankova and Roth 2019, "ner and pos when nothing is capitalized").
    /// </summary>
    public const int UpperCasePercent = 5;

    /// <summary>
    /// Percentage of training sentences also shown in headline case ("Israel Strikes Rafah as Talks Stall"),
    /// just before the original: without them every capitalised common word of a title looked like a name.
    /// </summary>
    public const int TitleCasePercent = 5;

    /// <summary>
    /// Sports- and business-page sentences added to the training corpus (<see cref="WirePageSentences"/>), about
    /// 9% of it: the corpus has almost no sport or markets, news wires a great deal. With 3,600 of them, PER/ORG/LOC
    /// F1 on wire lines written for the purpose (<c>WireCheckTests</c>) went from 0.59 to 0.85-0.91 over four
    /// seeds, while GMB dev moved by -0.2 on average, within the seed-to-seed spread.
    /// </summary>
    public const int WirePageSentenceCount = 3600;

    /// <summary>Short function words a headline keeps in lower case (AP style capitalises the rest).</summary>
    private static readonly HashSet<string> HeadlineLowerWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "but", "or", "nor", "of", "in", "on", "at", "to", "for", "by", "as", "from",
        "into", "over", "with", "via", "vs", "per",
    };

    /// <summary>Words seen fewer times than this get no casing class.</summary>
    private const int CasingMinCount = 3;

    /// <summary>
    /// Trains on the GMB CSV at <paramref name="gmbCsvPath"/> and writes the model to <paramref name="outPath"/>.
    /// With <paramref name="devCsvPath"/>, scores every epoch on it and keeps the best epoch.
    /// </summary>
    public static NerTrainingReport Train(string gmbCsvPath, string outPath, int seed = 1, int epochs = DefaultEpochs,
        TextWriter? log = null, string? devCsvPath = null, int bucketBits = DefaultBucketBits, WordClusters? clusters = null)
    {
        var (model, report) = TrainModel(gmbCsvPath, seed, epochs, log, devCsvPath, bucketBits, clusters);
        var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        model.Save(outPath);
        log?.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length / 1024.0 / 1024.0:F1} MB)");
        if (devCsvPath is not null && log is not null)
            log.WriteLine("saved model (quantised) on dev: " + Evaluate(NerModel.Load(outPath), GmbCorpus.Load(devCsvPath, majority: [])));
        return report;
    }

    public static (NerModel Model, NerTrainingReport Report) TrainModel(string gmbCsvPath, int seed, int epochs,
        TextWriter? log = null, string? devCsvPath = null, int bucketBits = DefaultBucketBits, WordClusters? clusters = null)
    {
        clusters ??= WordClusters.None;
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        var clock = Stopwatch.StartNew();
        var train = GmbCorpus.Load(gmbCsvPath);
        train.AddRange(WirePageSentences.Generate(WirePageSentenceCount, seed));
        var dev = devCsvPath is null ? null : GmbCorpus.Load(devCsvPath, majority: []);
        int tokens = train.Sum(s => s.Words.Length);
        log?.WriteLine($"train: {train.Count} sentences, {tokens} tokens" + (dev is null ? "" : $"; dev: {dev.Count} sentences"));

        var casing = CasingLexicon.Build(train.Select(s => s.Words), CasingMinCount);
        var (weights, scores, bestEpoch) = TrainMember(train, dev, casing, clusters, seed, epochs, bucketBits, log, clock);
        var final = new NerModel(bucketBits, HistoryWindow, weights, casing, clusters);
        return (final, new NerTrainingReport(train.Count, tokens, bestEpoch, scores, clock.Elapsed));
    }

    private static (float[] Weights, List<NerScore> Scores, int BestEpoch) TrainMember(List<TrainingSentence> train,
        List<TrainingSentence>? dev, CasingLexicon casing, WordClusters clusters, int seed, int epochs, int bucketBits, TextWriter? log, Stopwatch clock)
    {
        int size = (1 << bucketBits) * NerLabels.Count;
        var perceptron = new AveragedPerceptron(size);
        var decoder = new NerDecoder(WeightTable.FromFloats(bucketBits, perceptron.Weights), new WordLexicon(casing, clusters), HistoryWindow);
        int blocks = (train.Count + BlockSentences - 1) / BlockSentences;
        var order = Enumerable.Range(0, blocks).ToArray();
        var rng = new Random(seed);
        var sentence = new NerSentence();
        var labels = new int[512];
        var scores = new List<NerScore>();
        float[]? best = null;
        int bestEpoch = 0;
        double bestF1 = double.NegativeInfinity;

        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            rng.Shuffle(order);
            int seen = 0;
            var counting = new CountingUpdater(perceptron);
            foreach (int b in order)
            {
                decoder.History.Reset();
                int end = Math.Min(train.Count, (b + 1) * BlockSentences);
                for (int s = b * BlockSentences; s < end; s++)
                {
                    var ts = train[s];
                    var copy = CaseCopy(ts.Words, s, seed);
                    if (copy is not null)
                    {
                        sentence.Clear();
                        foreach (var w in copy) sentence.Add(w, 0, w.Length);
                        if (labels.Length < ts.Words.Length) labels = new int[ts.Words.Length * 2];
                        decoder.Decode(sentence, labels, ts.Labels, counting);
                        seen += ts.Words.Length;
                    }
                    sentence.Clear();
                    foreach (var w in ts.Words) sentence.Add(w, 0, w.Length);
                    if (labels.Length < ts.Words.Length) labels = new int[ts.Words.Length * 2];
                    decoder.Decode(sentence, labels, ts.Labels, counting);
                    seen += ts.Words.Length;
                }
            }
            var averaged = perceptron.Averaged();
            string line = $"seed {seed} epoch {epoch}: {counting.Mistakes} corrections in {seen} tokens, {clock.Elapsed.TotalSeconds:F0}s";
            if (dev is not null)
            {
                var score = Evaluate(new NerModel(bucketBits, HistoryWindow, averaged, casing, clusters), dev, epoch);
                scores.Add(score);
                line += "; dev " + score;
                if (score.F1 > bestF1)
                {
                    bestF1 = score.F1;
                    best = averaged;
                    bestEpoch = epoch;
                }
            }
            else
            {
                best = averaged;
                bestEpoch = epoch;
            }
            log?.WriteLine(line);
        }
        return (best!, scores, bestEpoch);
    }

    /// <summary>
    /// The capitalised or headline-case copy of sentence <paramref name="index"/> that also trains, or null
    /// (a fixed choice for a seed).
    /// </summary>
    private static string[]? CaseCopy(string[] words, int index, int seed)
    {
        ulong draw = NerFeatures.Mix((ulong)index * 0x9E3779B97F4A7C15UL + (ulong)seed) % 100;
        if (draw < UpperCasePercent)
            return Array.ConvertAll(words, w => w.ToUpperInvariant());
        if (draw < UpperCasePercent + TitleCasePercent)
        {
            var copy = new string[words.Length];
            for (int i = 0; i < words.Length; i++)
            {
                var w = words[i];
                copy[i] = w.Length > 0 && char.IsLower(w[0]) && (i == 0 || !HeadlineLowerWords.Contains(w))
                    ? char.ToUpperInvariant(w[0]) + w[1..] : w;
            }
            return copy;
        }
        return null;
    }

    /// <summary>Tags the sentences in order (one running document history) and scores PER/ORG/LOC.</summary>
    internal static NerScore Evaluate(NerModel model, IReadOnlyList<TrainingSentence> gold, int epoch = 0)
    {
        var decoder = new NerDecoder(model);
        var sentence = new NerSentence();
        var counter = new EntityCounter();
        var labels = new int[512];
        foreach (var ts in gold)
        {
            sentence.Clear();
            foreach (var w in ts.Words) sentence.Add(w, 0, w.Length);
            if (labels.Length < ts.Words.Length) labels = new int[ts.Words.Length * 2];
            decoder.Decode(sentence, labels);
            counter.Add(ts.Labels, labels.AsSpan(0, ts.Words.Length));
        }
        return counter.Score(epoch);
    }

    private sealed class CountingUpdater(AveragedPerceptron inner) : INerUpdater
    {
        public int Mistakes;

        public void Update(ReadOnlySpan<int> features, int label, float delta)
        {
            if (delta > 0) Mistakes++;
            inner.Update(features, label, delta);
        }

        public void Tick() => inner.Tick();
    }
}

/// <summary>
/// Perceptron weights with lazy averaging: alongside the weights, each update is also accumulated
/// multiplied by the time it happened, so the average over all steps is <c>w - u / c</c> (Daumé 2006).
/// </summary>
internal sealed class AveragedPerceptron(int size) : INerUpdater
{
    public float[] Weights { get; } = new float[size];

    private readonly double[] _timed = new double[size];
    private long _clock = 1;

    public void Update(ReadOnlySpan<int> features, int label, float delta)
    {
        double c = _clock * (double)delta;
        foreach (int f in features)
        {
            Weights[f + label] += delta;
            _timed[f + label] += c;
        }
    }

    public void Tick() => _clock++;

    public float[] Averaged()
    {
        var avg = new float[Weights.Length];
        double c = _clock;
        for (int i = 0; i < avg.Length; i++)
            avg[i] = (float)(Weights[i] - _timed[i] / c);
        return avg;
    }
}

/// <summary>Counts exact entity matches (span and type) for PER, ORG and LOC, conlleval style.</summary>
internal sealed class EntityCounter
{
    private readonly int[] _gold = new int[3], _pred = new int[3], _correct = new int[3];

    public void Add(ReadOnlySpan<int> gold, ReadOnlySpan<int> predicted)
    {
        var g = Chunks(gold);
        var p = Chunks(predicted);
        foreach (var c in g) if (c.Type < 3) _gold[c.Type]++;
        foreach (var c in p)
        {
            if (c.Type >= 3) continue;
            _pred[c.Type]++;
            if (g.Contains(c)) _correct[c.Type]++;
        }
    }

    /// <summary>Entity chunks of a label sequence, read as IOB (B and U open, I and L continue a same-type chunk).</summary>
    private static HashSet<(int Start, int End, int Type)> Chunks(ReadOnlySpan<int> labels)
    {
        var set = new HashSet<(int, int, int)>();
        int start = -1, type = -1;
        for (int i = 0; i <= labels.Length; i++)
        {
            int l = i < labels.Length ? labels[i] : NerLabels.O;
            int t = NerLabels.TypeOf(l);
            char pos = NerLabels.PositionOf(l);
            bool continues = t == type && t >= 0 && pos is 'I' or 'L';
            if (!continues)
            {
                if (start >= 0) set.Add((start, i, type));
                start = t >= 0 ? i : -1;
                type = t;
            }
        }
        return set;
    }

    public NerScore Score(int epoch)
    {
        var byType = new Dictionary<string, double>();
        for (int t = 0; t < 3; t++) byType[NerLabels.TypeName(t)] = F1(_correct[t], _pred[t], _gold[t]);
        int c = _correct.Sum(), p = _pred.Sum(), g = _gold.Sum();
        double precision = p == 0 ? 0 : (double)c / p, recall = g == 0 ? 0 : (double)c / g;
        return new NerScore(epoch, precision, recall, F1(c, p, g), byType);
    }

    private static double F1(int correct, int predicted, int gold) =>
        correct == 0 ? 0 : 2.0 * correct / (predicted + gold);
}
