using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Storyline.Language.Entities;

/// <summary>
/// Word classes learnt from unlabelled text, at several granularities (for example 64, 256 and 1024
/// classes): words that occur in similar contexts share a class, so the tagger can generalise from a name
/// it was trained on to a rare or unseen one of the same kind (Ratinov and Roth 2009, "Design challenges
/// and misconceptions in named entity recognition", use Brown clusters at several granularities this way).
/// Words are keyed by the 64-bit hash of their lower-cased form; no text is stored.
/// </summary>
public sealed class WordClusters
{
    private const string Magic = "SLWCL";
    private const byte FormatVersion = 1;

    /// <summary>Most granularities a model can use (they are packed into one lexicon value).</summary>
    public const int MaxGranularities = 3;

    private readonly Dictionary<ulong, ushort[]> _classes;

    internal WordClusters(int[] sizes, Dictionary<ulong, ushort[]> classes)
    {
        if (sizes.Length is 0 or > MaxGranularities) throw new ArgumentException("one to three granularities", nameof(sizes));
        foreach (int s in sizes)
            if (s is < 2 or > ushort.MaxValue - 1) throw new ArgumentException("class counts must be between 2 and 65534", nameof(sizes));
        Sizes = sizes;
        _classes = classes;
    }

    /// <summary>No clusters (every word unknown): a model trained without them.</summary>
    public static WordClusters None { get; } = new([2], []);

    /// <summary>Number of classes of each granularity.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>Number of words that have classes.</summary>
    public int Count => _classes.Count;

    internal IEnumerable<KeyValuePair<ulong, ushort[]>> Entries => _classes;

    /// <summary>The classes of a word (by <see cref="NerFeatures.HashLower"/>), 1-based; false for an unknown word.</summary>
    internal bool TryGet(ulong lowerHash, out ushort[] classes) => _classes.TryGetValue(lowerHash, out classes!);

    public void Save(Stream output)
    {
        using var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz);
        Write(w);
    }

    public void Save(string path)
    {
        using var f = File.Create(path);
        Save(f);
    }

    /// <summary>Writes the clusters (sorted by key, so equal clusters give equal bytes).</summary>
    internal void Write(BinaryWriter w)
    {
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(Sizes.Count);
        foreach (int s in Sizes) w.Write(s);
        var keys = _classes.Keys.ToArray();
        Array.Sort(keys);
        w.Write(keys.Length);
        foreach (var k in keys) w.Write(k);
        for (int g = 0; g < Sizes.Count; g++)
            foreach (var k in keys) w.Write(_classes[k][g]);
    }

    public static WordClusters Load(Stream input)
    {
        using var gz = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(gz);
        return Read(r);
    }

    public static WordClusters Load(string path)
    {
        using var f = File.OpenRead(path);
        return Load(f);
    }

    /// <exception cref="InvalidDataException">Not a cluster table of this format.</exception>
    internal static WordClusters Read(BinaryReader r)
    {
        if (r.ReadString() != Magic || r.ReadByte() != FormatVersion)
            throw new InvalidDataException("not a Storyline word-cluster table (or a different format version)");
        int granularities = r.ReadInt32();
        if (granularities is < 1 or > MaxGranularities) throw new InvalidDataException("word clusters have an unexpected shape");
        var sizes = new int[granularities];
        for (int g = 0; g < granularities; g++) sizes[g] = r.ReadInt32();
        int count = r.ReadInt32();
        if (count < 0) throw new InvalidDataException("word clusters have an unexpected shape");
        var keys = new ulong[count];
        for (int i = 0; i < count; i++) keys[i] = r.ReadUInt64();
        var values = new ushort[count][];
        for (int i = 0; i < count; i++) values[i] = new ushort[granularities];
        for (int g = 0; g < granularities; g++)
            for (int i = 0; i < count; i++) values[i][g] = r.ReadUInt16();
        var classes = new Dictionary<ulong, ushort[]>(count);
        for (int i = 0; i < count; i++) classes[keys[i]] = values[i];
        return new WordClusters(sizes, classes);
    }
}

/// <summary>
/// Learns <see cref="WordClusters"/> with the exchange algorithm (Kneser and Ney 1993, "Improved
/// clustering techniques for class-based statistical language modelling"; Martin, Liermann and Ney 1998):
/// every word in turn moves to the class that most increases the likelihood of a class bigram model,
/// <c>sum N(c,d) log N(c,d) - sum N(c) log N(c)</c> over the left and right class counts. The cost of a move
/// depends only on the classes of the word's neighbours, which makes it fast enough for millions of
/// tokens (Uszkoreit and Brants 2008). Deterministic: single-threaded, words visited in a fixed order.
/// </summary>
public static class WordClusterTrainer
{
    /// <summary>Default granularities: coarse, middle and fine classes.</summary>
    public static readonly int[] DefaultSizes = [64, 256, 1024];

    /// <summary>Words seen fewer times than this share one "rare word" pseudo-word and get no class.</summary>
    public const int DefaultMinCount = 2;

    /// <summary>Passes over the vocabulary per granularity.</summary>
    public const int DefaultIterations = 12;

    /// <summary>
    /// Sentences of unlabelled text for clustering, by file kind: a GMB-style CSV (its words, labels
    /// ignored), JSON lines (each object's <c>text</c>), or plain text; the last two are tokenised and split
    /// into sentences as the pipeline does.
    /// </summary>
    public static IEnumerable<string[]> ReadSentences(string path)
    {
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (words, _) in GmbCorpus.ReadRaw(path)) yield return words;
            yield break;
        }
        bool gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        string name = gzip ? path[..^3] : path;
        if (name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var line in ReadLines(path, gzip))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                string? text;
                try
                {
                    using var json = System.Text.Json.JsonDocument.Parse(line);
                    text = json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object &&
                           json.RootElement.TryGetProperty("text", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String
                        ? t.GetString() : null;
                }
                catch (System.Text.Json.JsonException)
                {
                    continue; // a broken line is skipped, not fatal
                }
                if (text is null) continue;
                foreach (var s in Split(text)) yield return s;
            }
            yield break;
        }
        foreach (var s in Split(string.Join('\n', ReadLines(path, gzip)))) yield return s;
    }

    private static IEnumerable<string> ReadLines(string path, bool gzip)
    {
        using var file = File.OpenRead(path);
        using Stream stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line) yield return line;
    }

    private static IEnumerable<string[]> Split(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        foreach (var sentence in SentenceSplitter.Split(text, tokens))
        {
            var words = new string[sentence.TokenCount];
            for (int i = 0; i < words.Length; i++)
            {
                var t = tokens[sentence.FirstToken + i];
                words[i] = text[t.Start..t.End];
            }
            yield return words;
        }
    }

    /// <summary>Clusters the words of the given sentences.</summary>
    public static WordClusters Train(IEnumerable<IReadOnlyList<string>> sentences, int[]? sizes = null,
        int minCount = DefaultMinCount, int iterations = DefaultIterations, TextWriter? log = null)
    {
        sizes ??= DefaultSizes;
        var clock = Stopwatch.StartNew();
        // 1. vocabulary by frequency (ties by key, so the order is fixed)
        var frequency = new Dictionary<ulong, int>();
        var corpus = new List<ulong[]>();
        foreach (var s in sentences)
        {
            var keys = new ulong[s.Count];
            for (int i = 0; i < keys.Length; i++)
            {
                keys[i] = NerFeatures.HashLower(s[i]);
                CollectionsMarshal.GetValueRefOrAddDefault(frequency, keys[i], out _)++;
            }
            corpus.Add(keys);
        }
        var vocab = frequency.Where(kv => kv.Value >= minCount).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => kv.Key).ToArray();
        var id = new Dictionary<ulong, int>(vocab.Length);
        for (int i = 0; i < vocab.Length; i++) id[vocab[i]] = i;
        int rare = vocab.Length, boundary = vocab.Length + 1, words = vocab.Length + 2;

        // 2. word bigram counts, with a boundary pseudo-word between sentences
        var pairs = new Dictionary<long, int>();
        long tokens = 0;
        foreach (var keys in corpus)
        {
            int prev = boundary;
            foreach (var k in keys)
            {
                int w = id.TryGetValue(k, out int x) ? x : rare;
                CollectionsMarshal.GetValueRefOrAddDefault(pairs, (long)prev * words + w, out _)++;
                prev = w;
                tokens++;
            }
            CollectionsMarshal.GetValueRefOrAddDefault(pairs, (long)prev * words + boundary, out _)++;
        }
        var graph = new BigramGraph(words, pairs);
        log?.WriteLine($"clusters: {corpus.Count} sentences, {tokens} tokens, {vocab.Length} words with count >= {minCount}, {pairs.Count} bigram types");

        // 3. exchange at each granularity
        var classes = new Dictionary<ulong, ushort[]>(vocab.Length);
        foreach (var k in vocab) classes[k] = new ushort[sizes.Length];
        var xlogx = new double[pairs.Values.Sum() + 2L > int.MaxValue ? throw new ArgumentException("corpus too large") : pairs.Values.Sum() + 2];
        for (int i = 1; i < xlogx.Length; i++) xlogx[i] = i * Math.Log(i);
        for (int g = 0; g < sizes.Length; g++)
        {
            var cls = Exchange(graph, sizes[g], iterations, xlogx, log, clock);
            for (int w = 0; w < vocab.Length; w++) classes[vocab[w]][g] = (ushort)(cls[w] + 1);
        }
        return new WordClusters([.. sizes], classes);
    }

    /// <summary>Word bigram counts as adjacency lists (right and left neighbours), sorted by neighbour.</summary>
    private sealed class BigramGraph
    {
        public readonly int Words;
        public readonly int[] RightStart, RightWord, RightCount, LeftStart, LeftWord, LeftCount;
        public readonly int[] Self, AsLeft, AsRight;

        public BigramGraph(int words, Dictionary<long, int> pairs)
        {
            Words = words;
            var list = pairs.Select(kv => (A: (int)(kv.Key / words), B: (int)(kv.Key % words), N: kv.Value)).ToArray();
            Self = new int[words];
            AsLeft = new int[words];
            AsRight = new int[words];
            foreach (var (a, b, n) in list)
            {
                AsLeft[a] += n;
                AsRight[b] += n;
                if (a == b) Self[a] += n;
            }
            var others = list.Where(p => p.A != p.B).ToArray();
            (RightStart, RightWord, RightCount) = Csr(words, others.OrderBy(p => p.A).ThenBy(p => p.B).Select(p => (p.A, p.B, p.N)));
            (LeftStart, LeftWord, LeftCount) = Csr(words, others.OrderBy(p => p.B).ThenBy(p => p.A).Select(p => (p.B, p.A, p.N)));
        }

        private static (int[], int[], int[]) Csr(int words, IEnumerable<(int From, int To, int N)> sorted)
        {
            var items = sorted.ToArray();
            var start = new int[words + 1];
            var to = new int[items.Length];
            var n = new int[items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                start[items[i].From + 1]++;
                to[i] = items[i].To;
                n[i] = items[i].N;
            }
            for (int w = 0; w < words; w++) start[w + 1] += start[w];
            return (start, to, n);
        }
    }

    private static int[] Exchange(BigramGraph graph, int k, int iterations, double[] xlogx, TextWriter? log, Stopwatch clock)
    {
        int words = graph.Words;
        var cls = new int[words];
        for (int w = 0; w < words; w++) cls[w] = w % k; // frequency rank round robin: frequent words start apart
        var n = new int[k * k];
        var left = new int[k];
        var right = new int[k];
        for (int a = 0; a < words; a++)
        {
            for (int e = graph.RightStart[a]; e < graph.RightStart[a + 1]; e++)
                n[cls[a] * k + cls[graph.RightWord[e]]] += graph.RightCount[e];
            n[cls[a] * k + cls[a]] += graph.Self[a];
            left[cls[a]] += graph.AsLeft[a];
            right[cls[a]] += graph.AsRight[a];
        }
        var rc = new int[k];
        var lc = new int[k];
        var touchedR = new int[k];
        var touchedL = new int[k];
        for (int it = 1; it <= iterations; it++)
        {
            int moves = 0;
            for (int w = 0; w < words; w++)
            {
                int nr = 0, nl = 0;
                for (int e = graph.RightStart[w]; e < graph.RightStart[w + 1]; e++)
                {
                    int c = cls[graph.RightWord[e]];
                    if (rc[c] == 0) touchedR[nr++] = c;
                    rc[c] += graph.RightCount[e];
                }
                for (int e = graph.LeftStart[w]; e < graph.LeftStart[w + 1]; e++)
                {
                    int c = cls[graph.LeftWord[e]];
                    if (lc[c] == 0) touchedL[nl++] = c;
                    lc[c] += graph.LeftCount[e];
                }
                int self = graph.Self[w], asLeft = graph.AsLeft[w], asRight = graph.AsRight[w];
                int from = cls[w];
                Move(from, -1);

                int best = from;
                double bestGain = Gain(from);
                for (int b = 0; b < k; b++)
                {
                    if (b == from) continue;
                    double gain = Gain(b);
                    if (gain > bestGain + 1e-9) { bestGain = gain; best = b; }
                }
                Move(best, 1);
                cls[w] = best;
                if (best != from) moves++;
                for (int t = 0; t < nr; t++) rc[touchedR[t]] = 0;
                for (int t = 0; t < nl; t++) lc[touchedL[t]] = 0;

                void Move(int b, int sign)
                {
                    for (int t = 0; t < nr; t++) n[b * k + touchedR[t]] += sign * rc[touchedR[t]];
                    for (int t = 0; t < nl; t++) n[touchedL[t] * k + b] += sign * lc[touchedL[t]];
                    n[b * k + b] += sign * self;
                    left[b] += sign * asLeft;
                    right[b] += sign * asRight;
                }

                // Change of the objective when the (removed) word joins class b.
                double Gain(int b)
                {
                    double gain = 0;
                    int row = b * k;
                    for (int t = 0; t < nr; t++)
                    {
                        int c = touchedR[t];
                        if (c == b) continue;
                        int x = n[row + c];
                        gain += xlogx[x + rc[c]] - xlogx[x];
                    }
                    for (int t = 0; t < nl; t++)
                    {
                        int c = touchedL[t];
                        if (c == b) continue;
                        int x = n[c * k + b];
                        gain += xlogx[x + lc[c]] - xlogx[x];
                    }
                    int bb = n[row + b];
                    gain += xlogx[bb + rc[b] + lc[b] + self] - xlogx[bb];
                    gain -= xlogx[left[b] + asLeft] - xlogx[left[b]];
                    gain -= xlogx[right[b] + asRight] - xlogx[right[b]];
                    return gain;
                }
            }
            log?.WriteLine($"clusters {k}: iteration {it}, {moves} moves, {clock.Elapsed.TotalSeconds:F0}s");
            if (moves == 0) break;
        }
        return cls;
    }
}
