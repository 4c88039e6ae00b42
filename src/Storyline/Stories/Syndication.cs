namespace Storyline.Stories;

/// <summary>
/// Near-duplicate detection by MinHash over word shingles with locality-sensitive banding (Broder 1997;
/// Leskovec, Rajaraman and Ullman, Mining of Massive Datasets, ch. 3): wire copies and light rewrites share
/// most of their shingles, so their signatures agree in at least one band and the estimated Jaccard
/// similarity confirms it. Incremental: each article is compared only with articles sharing a band.
/// </summary>
public sealed class NearDuplicateIndex
{
    private const int Hashes = 64;
    private const int Bands = 16;
    private const int Rows = Hashes / Bands;

    private readonly ulong[] _seeds;
    private readonly int _shingleWords;
    private readonly double _threshold;
    private readonly List<uint[]> _signatures = [];
    private readonly Dictionary<ulong, List<int>> _buckets = [];
    private readonly List<int> _parent = [];

    public NearDuplicateIndex(int shingleWords = 3, double threshold = 0.5)
    {
        _shingleWords = Math.Max(1, shingleWords);
        _threshold = threshold;
        _seeds = new ulong[Hashes];
        ulong state = 0x9E3779B97F4A7C15UL;
        for (int i = 0; i < Hashes; i++) _seeds[i] = SplitMix(ref state);
    }

    public int Count => _signatures.Count;

    /// <summary>Adds a text and returns the index of an earlier near-duplicate, or -1.</summary>
    public int Add(string text)
    {
        var sig = Signature(text);
        int self = _signatures.Count;
        _signatures.Add(sig);
        _parent.Add(self);
        if (sig.Length == 0) return -1;
        int best = -1;
        double bestSim = _threshold;
        for (int b = 0; b < Bands; b++)
        {
            ulong key = (ulong)b * 0x100000001B3UL;
            for (int r = 0; r < Rows; r++) key = (key ^ sig[b * Rows + r]) * 0x100000001B3UL;
            if (!_buckets.TryGetValue(key, out var list)) _buckets[key] = list = [];
            foreach (int other in list)
            {
                double sim = Similarity(sig, _signatures[other]);
                if (sim >= bestSim && (best < 0 || sim > bestSim || other < best)) { best = other; bestSim = sim; }
            }
            list.Add(self);
        }
        if (best >= 0) _parent[self] = Find(best);
        return best;
    }

    /// <summary>The group an added text belongs to (the index of the group's first member).</summary>
    public int Group(int index) => Find(index);

    /// <summary>Estimated Jaccard similarity of two texts' shingle sets.</summary>
    public double Similarity(int a, int b) => Similarity(_signatures[a], _signatures[b]);

    private int Find(int i)
    {
        while (_parent[i] != i) i = _parent[i] = _parent[_parent[i]];
        return i;
    }

    private static double Similarity(uint[] a, uint[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int same = 0;
        for (int i = 0; i < Hashes; i++) if (a[i] == b[i]) same++;
        return same / (double)Hashes;
    }

    private uint[] Signature(string text)
    {
        // Hash each word (lower-cased letters and digits only), then each run of words.
        var wordHashes = new List<ulong>(text.Length / 5);
        ulong h = 0;
        bool inWord = false;
        foreach (char ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (!inWord) { h = 0xCBF29CE484222325UL; inWord = true; }
                h = (h ^ char.ToLowerInvariant(ch)) * 0x100000001B3UL;
            }
            else if (inWord && ch is not ('\'' or '\u2019' or '-'))
            {
                wordHashes.Add(h);
                inWord = false;
            }
        }
        if (inWord) wordHashes.Add(h);
        int n = wordHashes.Count - _shingleWords + 1;
        if (n <= 0) return [];
        var sig = new uint[Hashes];
        Array.Fill(sig, uint.MaxValue);
        for (int i = 0; i < n; i++)
        {
            ulong sh = 0;
            for (int k = 0; k < _shingleWords; k++) sh = (sh * 0x9E3779B97F4A7C15UL) ^ wordHashes[i + k];
            for (int j = 0; j < Hashes; j++)
            {
                uint v = (uint)(Mix(sh ^ _seeds[j]) >> 32);
                if (v < sig[j]) sig[j] = v;
            }
        }
        return sig;
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
