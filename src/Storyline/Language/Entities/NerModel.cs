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
    private const byte FormatVersion = 1;

    internal NerModel(int bucketBits, int historyWindow, float[] weights, CasingLexicon casing)
    {
        BucketBits = bucketBits;
        HistoryWindow = historyWindow;
        Weights = weights;
        Casing = casing;
    }

    internal int BucketBits { get; }

    internal int HistoryWindow { get; }

    internal float[] Weights { get; }

    internal CasingLexicon Casing { get; }

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
        float max = 0;
        foreach (var x in Weights) max = Math.Max(max, Math.Abs(x));
        float scale = max > 0 ? max / short.MaxValue : 1f;
        w.Write(scale);
        var casing = Casing.Entries.OrderBy(e => e.Key).ToArray();
        w.Write(casing.Length);
        foreach (var (key, cls) in casing)
        {
            w.Write(key);
            w.Write(cls);
        }
        var q = new short[Weights.Length];
        for (int i = 0; i < q.Length; i++)
            q[i] = (short)Math.Round(Weights[i] / scale);
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
        int size = (1 << bits) * labels;
        var q = new short[size];
        gz.ReadExactly(MemoryMarshal.AsBytes(q.AsSpan()));
        var weights = new float[size];
        for (int i = 0; i < size; i++) weights[i] = q[i] * scale;
        return new NerModel(bits, window, weights, new CasingLexicon(casing));
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
    /// <summary>Called when the tagger chose <paramref name="predicted"/> where <paramref name="gold"/> was right.</summary>
    void Update(ReadOnlySpan<int> features, int gold, int predicted);

    /// <summary>Called once per token, mistake or not (the averaging clock).</summary>
    void Tick();
}

/// <summary>
/// Greedy left-to-right BILOU decoding with transition constraints. Holds per-call buffers: use one per
/// thread (or per tagging call).
/// </summary>
internal sealed class NerDecoder
{
    private readonly float[] _weights;
    private readonly NerFeatures _features;
    private float[] _static = new float[64 * NerLabels.Count];
    private readonly int[] _dynamic = new int[NerFeatures.DynamicCount];
    private readonly int[] _all = new int[NerFeatures.StaticCount + NerFeatures.DynamicCount];

    public NerDecoder(float[] weights, int bucketBits, CasingLexicon casing)
    {
        _weights = weights;
        _features = new NerFeatures(bucketBits, casing);
        History = new PredictionHistory(50);
    }

    public NerDecoder(NerModel model) : this(model.Weights, model.BucketBits, model.Casing)
    {
        History = new PredictionHistory(model.HistoryWindow);
    }

    public PredictionHistory History { get; }

    public NerFeatures Features => _features;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(float[] weights, int offset, Span<float> scores)
    {
        var row = weights.AsSpan(offset, NerLabels.Count);
        if (Vector.IsHardwareAccelerated && Vector<float>.Count is 8 or 16)
        {
            var s = MemoryMarshal.Cast<float, Vector<float>>(scores[..16]);
            var w = MemoryMarshal.Cast<float, Vector<float>>(row[..16]);
            for (int v = 0; v < s.Length; v++) s[v] += w[v];
            scores[16] += row[16];
        }
        else
        {
            for (int l = 0; l < NerLabels.Count; l++) scores[l] += row[l];
        }
    }

    /// <summary>
    /// Labels one sentence into <paramref name="labels"/> and records it in the history. With an updater and
    /// gold labels, corrects the weights at every mistake (the structured perceptron's greedy variant; the
    /// decoder continues from its own prediction so that training sees its own errors).
    /// </summary>
    public void Decode(NerSentence sentence, Span<int> labels, ReadOnlySpan<int> gold = default, INerUpdater? updater = null)
    {
        int n = sentence.Count;
        if (n == 0) return;
        _features.Compute(sentence);
        const int L = NerLabels.Count;
        if (_static.Length < n * L) _static = new float[Math.Max(n * L, _static.Length * 2)];
        var weights = _weights;
        var stat = _features.Static;
        for (int i = 0; i < n; i++)
        {
            var scores = _static.AsSpan(i * L, L);
            scores.Clear();
            int fo = i * NerFeatures.StaticCount;
            for (int k = 0; k < NerFeatures.StaticCount; k++)
                AddRow(weights, stat[fo + k], scores);
        }

        Span<float> total = stackalloc float[L];
        int prev = -1, prev2 = -1;
        for (int i = 0; i < n; i++)
        {
            _static.AsSpan(i * L, L).CopyTo(total);
            int nd = _features.ComputeDynamic(i, prev, prev2, History, _dynamic);
            for (int k = 0; k < nd; k++) AddRow(weights, _dynamic[k], total);
            bool last = i == n - 1;
            int best = -1;
            float bestScore = float.NegativeInfinity;
            for (int l = 0; l < L; l++)
            {
                if (total[l] > bestScore && NerLabels.Allowed(prev, l, last))
                {
                    bestScore = total[l];
                    best = l;
                }
            }
            if (updater is not null)
            {
                if (best != gold[i])
                {
                    int fo = i * NerFeatures.StaticCount;
                    stat.AsSpan(fo, NerFeatures.StaticCount).CopyTo(_all);
                    _dynamic.AsSpan(0, nd).CopyTo(_all.AsSpan(NerFeatures.StaticCount));
                    updater.Update(_all.AsSpan(0, NerFeatures.StaticCount + nd), gold[i], best);
                }
                updater.Tick();
            }
            labels[i] = best;
            prev2 = prev;
            prev = best;
        }
        History.Add(_features, labels[..n]);
    }
}
