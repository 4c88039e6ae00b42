using System.IO.Compression;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Storyline.Language.Entities;

/// <summary>
/// The trained entity tagger: hashed feature weights (one row of label scores per bucket), the casing
/// lexicon and the settings the features were trained with. Immutable once built; decoding state lives in
/// a <see cref="NerDecoder"/>, so one model serves many threads.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "SLNER";
    private const byte FormatVersion = 2;

    internal NerModel(int bucketBits, int historyWindow, float[] weights, CasingLexicon casing, WordClusters clusters)
        : this(historyWindow, WeightTable.FromFloats(bucketBits, weights), casing, clusters, null)
    {
    }

    private NerModel(int historyWindow, WeightTable weights, CasingLexicon casing, WordClusters clusters, WordLexicon? lexicon)
    {
        HistoryWindow = historyWindow;
        Weights = weights;
        Casing = casing;
        Clusters = clusters;
        Lexicon = lexicon ?? new WordLexicon(casing, clusters);
    }

    internal int BucketBits => Weights.BucketBits;

    internal int HistoryWindow { get; }

    internal WeightTable Weights { get; }

    internal CasingLexicon Casing { get; }

    /// <summary>The word classes the model was trained with (part of the model file).</summary>
    public WordClusters Clusters { get; }

    internal WordLexicon Lexicon { get; }

    /// <summary>Writes the model: weights quantised to 16 bits, gzip-compressed.</summary>
    public void Save(Stream output)
    {
        using var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(BucketBits);
        w.Write(NerLabels.Count);
        w.Write(HistoryWindow);
        var dense = Weights.Floats ?? new float[(1 << BucketBits) * NerLabels.Count];
        if (Weights.Floats is null) Weights.CopyDense(dense);
        float max = 0;
        foreach (var x in dense) max = Math.Max(max, Math.Abs(x));
        float scale = max > 0 ? max / short.MaxValue : 1f;
        w.Write(scale);
        var casing = Casing.Entries.OrderBy(e => e.Key).ToArray();
        w.Write(casing.Length);
        foreach (var (key, cls) in casing)
        {
            w.Write(key);
            w.Write(cls);
        }
        Clusters.Write(w);
        var q = new short[dense.Length];
        for (int i = 0; i < q.Length; i++)
            q[i] = (short)Math.Round(dense[i] / scale);
        w.Write(MemoryMarshal.AsBytes(q.AsSpan()));
    }

    public void Save(string path)
    {
        using var f = File.Create(path);
        Save(f);
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a model of this format.</exception>
    public static NerModel Load(Stream input)
    {
        using var gz = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(gz);
        if (r.ReadString() != Magic || r.ReadByte() != FormatVersion)
            throw new InvalidDataException("not a Storyline entity model (or a different format version)");
        int bits = r.ReadInt32();
        int labels = r.ReadInt32();
        int window = r.ReadInt32();
        float scale = r.ReadSingle();
        if (labels != NerLabels.Count || bits is < 10 or > 26)
            throw new InvalidDataException("entity model has an unexpected shape");
        int casingCount = r.ReadInt32();
        var casing = new Dictionary<ulong, byte>(casingCount);
        for (int i = 0; i < casingCount; i++)
        {
            ulong key = r.ReadUInt64();
            casing[key] = r.ReadByte();
        }
        var clusters = WordClusters.Read(r);
        int size = (1 << bits) * labels;
        var q = new short[size];
        gz.ReadExactly(MemoryMarshal.AsBytes(q.AsSpan()));
        return new NerModel(window, WeightTable.FromQuantized(bits, q, scale), new CasingLexicon(casing), clusters, null);
    }

    public static NerModel Load(string path)
    {
        using var f = File.OpenRead(path);
        return Load(f);
    }
}

/// <summary>Receives the perceptron's corrections during training.</summary>
internal interface INerUpdater
{
    /// <summary>Adds <paramref name="delta"/> to the weights of <paramref name="label"/> for every feature bucket given.</summary>
    void Update(ReadOnlySpan<int> features, int label, float delta);

    /// <summary>Called once per token (the averaging clock).</summary>
    void Tick();
}

/// <summary>
/// First-order Viterbi decoding over BILOU labels with the transition constraints built in. Scores are
/// static features per token and label, plus the previous label's transition weight and a feature that
/// joins the previous label's class with the word's shape. Holds per-call buffers: use one per thread (or per call).
/// </summary>
internal sealed class NerDecoder
{
    private const int L = NerLabels.Count;
    private const int P = NerFeatures.PrevClasses;
    private const int PF = NerFeatures.PairsPerClass;

    private readonly WeightTable _weights;
    private readonly NerFeatures _features;
    private float[] _emit = new float[64 * L];          // static + history score per token and label
    private float[] _pair = new float[64 * P * L];      // prev-class feature score per token, class and label
    private int[] _pairFeat = new int[64 * PF * P];      // their buckets (for updates)
    private float[] _delta = new float[64 * L];         // Viterbi best score
    private int[] _back = new int[64 * L];              // Viterbi back pointer
    private int[] _histFeat = new int[64 * 8];
    private int[] _histCount = new int[64];
    private readonly float[] _trans = new float[(L + 1) * L];
    private readonly int[] _transFeat = new int[L + 1];
    private static readonly int[][] Predecessors = BuildPredecessors();

    // The allowed predecessors of every label in one flat table: label, offset of the transition weight in
    // _trans, offset of the label-pair score within a token's _pair block.
    private static readonly int[] PredStart = BuildPredStart();
    private static readonly int[] PredLabel = BuildPredTable(0);
    private static readonly int[] PredTrans = BuildPredTable(1);
    private static readonly int[] PredPair = BuildPredTable(2);
    private static readonly bool[] AllowedLast = BuildAllowedLast();
    private int[] _predicted = new int[64];

    public NerDecoder(WeightTable weights, WordLexicon lexicon, int historyWindow)
    {
        _weights = weights;
        _features = new NerFeatures(weights.BucketBits, weights.Stride, weights.Base, lexicon);
        History = new PredictionHistory(historyWindow);
        for (int p = -1; p < L; p++) _transFeat[p + 1] = _features.Transition(p);
        LoadTransitions(); // a loaded model's weights never change
    }

    private void LoadTransitions()
    {
        for (int p = 0; p <= L; p++)
            for (int l = 0; l < L; l++)
                _trans[p * L + l] = _weights.Value(_transFeat[p], l);
    }

    public NerDecoder(NerModel model) : this(model.Weights, model.Lexicon, model.HistoryWindow)
    {
    }

    public PredictionHistory History { get; }

    /// <summary>A reusable sentence buffer for callers of this decoder.</summary>
    public NerSentence Sentence { get; } = new();

    private static int[][] BuildPredecessors()
    {
        var table = new int[L][];
        for (int l = 0; l < L; l++)
        {
            var list = new List<int>();
            for (int p = 0; p < L; p++)
                if (NerLabels.Allowed(p, l, nextIsLast: false)) list.Add(p);
            table[l] = [.. list];
        }
        return table;
    }

    private static int[] BuildPredStart()
    {
        var start = new int[L + 1];
        for (int l = 0; l < L; l++) start[l + 1] = start[l] + Predecessors[l].Length;
        return start;
    }

    private static int[] BuildPredTable(int column)
    {
        var table = new List<int>();
        for (int l = 0; l < L; l++)
            foreach (int p in Predecessors[l])
                table.Add(column switch { 0 => p, 1 => (p + 1) * L + l, _ => NerFeatures.PrevClass(p) * L + l });
        return [.. table];
    }

    private static bool[] BuildAllowedLast()
    {
        var table = new bool[L];
        for (int l = 0; l < L; l++) table[l] = NerLabels.PositionOf(l) is not ('B' or 'I');
        return table;
    }

    private void Ensure(int n)
    {
        if (_predicted.Length >= n) return;
        int size = Math.Max(n, _predicted.Length * 2);
        _emit = new float[size * L];
        _pair = new float[size * P * L];
        _pairFeat = new int[size * PF * P];
        _delta = new float[size * L];
        _back = new int[size * L];
        _histFeat = new int[size * 8];
        _histCount = new int[size];
        _predicted = new int[size];
    }

    /// <summary>
    /// Labels one sentence into <paramref name="labels"/> and records it in the history. With an updater and
    /// gold labels, applies the structured perceptron update (Collins 2002) when the best sequence is wrong.
    /// </summary>
    public void Decode(NerSentence sentence, Span<int> labels, ReadOnlySpan<int> gold = default, INerUpdater? updater = null)
    {
        int n = sentence.Count;
        if (n == 0) return;
        Ensure(n);
        _features.Compute(sentence);
        var weights = _weights;
        var stat = _features.Static;
        int used = _features.StaticUsed;

        if (weights.Floats is not null) LoadTransitions(); // training: the weights move between sentences

        for (int i = 0; i < n; i++)
        {
            var scores = _emit.AsSpan(i * L, L);
            scores.Clear();
            weights.AddRows(stat.AsSpan(i * NerFeatures.StaticCount, used), scores);
            int nh = _features.HistoryFeatures(i, History, _histFeat.AsSpan(i * 8, 8));
            _histCount[i] = nh;
            weights.AddRows(_histFeat.AsSpan(i * 8, nh), scores);
            var pf = _pairFeat.AsSpan(i * PF * P, PF * P);
            _features.PairFeatures(i, pf);
            for (int c = 0; c < P; c++)
            {
                var ps = _pair.AsSpan((i * P + c) * L, L);
                ps.Clear();
                weights.AddRows(pf.Slice(PF * c, PF), ps);
            }
        }

        // Viterbi over the allowed transitions only (each label has at most 9 possible predecessors).
        for (int i = 0; i < n; i++)
        {
            bool lastToken = i == n - 1;
            var emit = _emit.AsSpan(i * L, L);
            int pairRow = i * P * L;
            for (int l = 0; l < L; l++)
            {
                float best = float.NegativeInfinity;
                int arg = -1;
                if (lastToken && !AllowedLast[l])
                {
                    // an entity cannot stay open at the end of the sentence
                }
                else if (i == 0)
                {
                    if (NerLabels.Allowed(-1, l, lastToken)) best = _trans[l] + _pair[pairRow + l];
                }
                else
                {
                    // an unreachable predecessor scores -infinity and never wins the comparison
                    var prev = _delta.AsSpan((i - 1) * L, L);
                    var pair = _pair.AsSpan(pairRow, P * L);
                    for (int e = PredStart[l], end = PredStart[l + 1]; e < end; e++)
                    {
                        float sc = prev[PredLabel[e]] + _trans[PredTrans[e]] + pair[PredPair[e]];
                        if (sc > best) { best = sc; arg = PredLabel[e]; }
                    }
                }
                _delta[i * L + l] = best + emit[l];
                _back[i * L + l] = arg;
            }
        }
        int last = 0;
        float top = float.NegativeInfinity;
        for (int l = 0; l < L; l++)
            if (_delta[(n - 1) * L + l] > top) { top = _delta[(n - 1) * L + l]; last = l; }
        for (int i = n - 1; i >= 0; i--)
        {
            _predicted[i] = last;
            last = _back[i * L + last];
        }

        if (updater is not null)
        {
            for (int i = 0; i < n; i++)
            {
                int g = gold[i], p = _predicted[i];
                int gp = i == 0 ? -1 : gold[i - 1], pp = i == 0 ? -1 : _predicted[i - 1];
                if (g != p)
                {
                    var sf = stat.AsSpan(i * NerFeatures.StaticCount, used);
                    updater.Update(sf, g, 1f);
                    updater.Update(sf, p, -1f);
                    var hf = _histFeat.AsSpan(i * 8, _histCount[i]);
                    updater.Update(hf, g, 1f);
                    updater.Update(hf, p, -1f);
                }
                if (g != p || gp != pp)
                {
                    updater.Update([_transFeat[gp + 1]], g, 1f);
                    updater.Update([_transFeat[pp + 1]], p, -1f);
                    int gc = NerFeatures.PrevClass(gp), pc = NerFeatures.PrevClass(pp);
                    updater.Update(_pairFeat.AsSpan(i * PF * P + PF * gc, PF), g, 1f);
                    updater.Update(_pairFeat.AsSpan(i * PF * P + PF * pc, PF), p, -1f);
                }
                updater.Tick();
            }
        }
        _predicted.AsSpan(0, n).CopyTo(labels);
        History.Add(_features, labels[..n]);
    }
}
