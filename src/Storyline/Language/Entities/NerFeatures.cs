using System.Runtime.CompilerServices;

namespace Storyline.Language.Entities;

/// <summary>
/// Token views for the tagger: each token is a slice of some string (a document's text, or one string per
/// token when tagging pre-tokenised input), so nothing is copied.
/// </summary>
internal sealed class NerSentence
{
    public string[] Source = new string[64];
    public int[] Start = new int[64];
    public int[] Length = new int[64];
    public int Count;

    public void Clear() => Count = 0;

    public void Add(string source, int start, int length)
    {
        if (Count == Source.Length)
        {
            Array.Resize(ref Source, Count * 2);
            Array.Resize(ref Start, Count * 2);
            Array.Resize(ref Length, Count * 2);
        }
        Source[Count] = source;
        Start[Count] = start;
        Length[Count] = length;
        Count++;
    }

    public ReadOnlySpan<char> this[int i] => Source[i].AsSpan(Start[i], Length[i]);
}

/// <summary>
/// Hashed feature extraction (the "hashing trick", Weinberger et al. 2009): every feature is a 64-bit hash
/// of its template and its values, folded into a fixed number of weight buckets. Per-token hashes (word,
/// lower case, shape, affixes) are computed once per sentence; templates only combine them, so the hot loop
/// allocates nothing.
/// </summary>
internal sealed class NerFeatures
{
    // Static templates: depend on the words only. Dynamic templates (previous labels, document history) are
    // added during decoding.
    public const int StaticCount = 31;

    /// <summary>Static features of a model without word clusters (the first ones of each token's row).</summary>
    public const int UnclusteredCount = 26;

    /// <summary>Static features used per token: <see cref="StaticCount"/> with word clusters, else <see cref="UnclusteredCount"/>.</summary>
    public int StaticUsed => _clustered ? StaticCount : UnclusteredCount;
    public const int DynamicCount = 12;

    private const int PerToken = 11; // lower, word, shape, pre1..4, suf1..4

    private ulong[] _tok = new ulong[64 * PerToken];
    private byte[] _flags = new byte[64];
    private ulong[] _lex = new ulong[64];

    /// <summary>Weight-row offsets of the static features, StaticCount per token.</summary>
    public int[] Static = new int[64 * StaticCount];

    private readonly int _bucketMask;
    private readonly int _stride;
    private readonly int _base;
    private readonly WordLexicon _lexicon;
    private readonly bool _clustered;

    /// <param name="bucketBits">log2 of the number of weight rows.</param>
    /// <param name="stride">Values per weight row.</param>
    /// <param name="base">Index of row 0 in the weight array.</param>
    /// <param name="lexicon">Casing classes and word clusters.</param>
    public NerFeatures(int bucketBits, int stride, int @base, WordLexicon lexicon)
    {
        _bucketMask = (1 << bucketBits) - 1;
        _stride = stride;
        _base = @base;
        _lexicon = lexicon;
        _clustered = lexicon.HasClusters;
    }

    [Flags]
    private enum TokenFlags : byte
    {
        None = 0,
        InitialUpper = 1,
        AllUpper = 2,
        HasDigit = 4,
        HasLetter = 8,
        AllLower = 16,
        LongWord = 32,
    }

    // Sentinel values for positions outside the sentence.
    private const ulong Before = 0x5EED_0001_0000_0001UL;
    private const ulong After = 0x5EED_0002_0000_0002UL;

    public static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    // A polynomial step, not a full mix: the parts are template numbers, small values and 64-bit word hashes,
    // and Bucket mixes the final value once, so a feature costs one mix however many parts it joins.
    public static ulong Combine(ulong a, ulong b) => a * 0x9E3779B97F4A7C15UL + b + 0x632BE59BD9B4E019UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Bucket(ulong h) => _base + (int)(Mix(h) & (ulong)_bucketMask) * _stride;

    /// <summary>FNV-1a over the lower-cased characters.</summary>
    public static ulong HashLower(ReadOnlySpan<char> s)
    {
        ulong h = 0xcbf29ce484222325UL;
        foreach (char c in s)
        {
            h ^= char.ToLowerInvariant(c);
            h *= 0x100000001b3UL;
        }
        return h;
    }

    /// <summary>
    /// All per-token hashes in one pass over the characters: lower case (FNV-1a, the same as
    /// <see cref="HashLower"/>), exact, collapsed shape, prefixes of 1-4 letters (running lower-case hash),
    /// suffixes of 1-4 letters (hashed from the end), and the casing flags.
    /// </summary>
    private static void HashToken(ReadOnlySpan<char> w, Span<ulong> h, out byte flags)
    {
        const ulong Prime = 0x100000001b3UL;
        ulong low = 0xcbf29ce484222325UL, exact = 0x84222325cbf29ce4UL, shape = 0x1234567887654321UL;
        char lastShape = '\0';
        int shapeLength = 0;
        bool anyUpper = false, anyLower = false, digit = false;
        for (int j = 0; j < w.Length; j++)
        {
            char c = w[j];
            char lc, k;
            if (c < 128)
            {
                // ASCII, most of news text: the same answers as the char methods below, without the calls
                if ((uint)(c - 'A') <= 'Z' - 'A') { lc = (char)(c | 0x20); anyUpper = true; k = 'X'; }
                else if ((uint)(c - 'a') <= 'z' - 'a') { lc = c; anyLower = true; k = 'x'; }
                else if ((uint)(c - '0') <= 9) { lc = c; digit = true; k = 'd'; }
                else { lc = c; k = c; }
            }
            else
            {
                lc = char.ToLowerInvariant(c);
                if (char.IsUpper(c)) { anyUpper = true; k = 'X'; }
                else if (char.IsLower(c)) { anyLower = true; k = 'x'; }
                else if (char.IsDigit(c)) { digit = true; k = 'd'; }
                else k = c is '\u2019' or '\u2018' ? '\'' : c;
            }
            low = (low ^ lc) * Prime;
            exact = (exact ^ c) * Prime;
            if (j < 4) h[3 + j] = low + (ulong)(j + 1);
            if (k != lastShape && shapeLength < 8)
            {
                lastShape = k;
                shape = (shape ^ k) * Prime;
                shapeLength++;
            }
        }
        for (int j = w.Length; j < 4; j++) h[3 + j] = low + (ulong)(j + 1); // a short word is its own prefix
        ulong suffix = 0xcbf29ce484222325UL ^ 0x5555UL;
        for (int j = 1; j <= 4; j++)
        {
            if (j <= w.Length) suffix = (suffix ^ char.ToLowerInvariant(w[^j])) * Prime;
            h[6 + j] = suffix + 0x100UL + (ulong)j;
        }
        h[0] = low;
        h[1] = exact;
        h[2] = shape;
        var f = TokenFlags.None;
        if (w.Length > 0 && char.IsUpper(w[0])) f |= TokenFlags.InitialUpper;
        if (anyUpper && !anyLower) f |= TokenFlags.AllUpper;
        if (anyLower && !anyUpper) f |= TokenFlags.AllLower;
        if (digit) f |= TokenFlags.HasDigit;
        if (anyUpper || anyLower) f |= TokenFlags.HasLetter;
        if (w.Length > 1) f |= TokenFlags.LongWord;
        flags = (byte)f;
    }

    public ulong LowerHash(int i) => _tok[i * PerToken];

    public bool IsCapitalised(int i) => (_flags[i] & (byte)TokenFlags.InitialUpper) != 0;

    public bool IsAllLower(int i) => (_flags[i] & (byte)TokenFlags.AllLower) != 0;

    private ulong Tok(int i, int field, int n) => i < 0 ? Before + (ulong)field : i >= n ? After + (ulong)field : _tok[i * PerToken + field];

    /// <summary>How a sentence is capitalised as a whole: 0 as running text, 1 headline case, 2 all capitals.</summary>
    public const int CaseModes = 3;

    /// <summary>Share of a sentence's words (of two letters or more) that must be capitalised for headline case.</summary>
    private const double HeadlineShare = 0.7;

    /// <summary>Share of those words that must be all capitals for an all-caps line.</summary>
    private const double AllCapsShare = 0.8;

    /// <summary>Fewest such words for a sentence to count as a headline or an all-caps line.</summary>
    private const int CaseModeMinWords = 3;

    /// <summary>
    /// The sentence's case mode, joined into the capitalisation features: in a headline or an all-caps line a
    /// capital letter says little about names, in running text it says much, and the same weights cannot
    /// serve both.
    /// </summary>
    private int CaseMode(int n)
    {
        int words = 0, initial = 0, upper = 0;
        for (int i = 0; i < n; i++)
        {
            var f = (TokenFlags)_flags[i];
            if ((f & TokenFlags.HasLetter) == 0 || (f & TokenFlags.LongWord) == 0) continue;
            words++;
            if ((f & TokenFlags.InitialUpper) != 0) initial++;
            if ((f & TokenFlags.AllUpper) != 0) upper++;
        }
        if (words < CaseModeMinWords) return 0;
        if (upper >= AllCapsShare * words) return 2;
        return initial >= HeadlineShare * words ? 1 : 0;
    }

    /// <summary>Computes the token hashes and the static feature buckets of a sentence.</summary>
    public void Compute(NerSentence sentence)
    {
        int n = sentence.Count;
        if (_flags.Length < n)
        {
            int size = Math.Max(n, _flags.Length * 2);
            _tok = new ulong[size * PerToken];
            _flags = new byte[size];
            _lex = new ulong[size];
            Static = new int[size * StaticCount];
        }
        for (int i = 0; i < n; i++)
        {
            HashToken(sentence[i], _tok.AsSpan(i * PerToken, PerToken), out _flags[i]);
            _lex[i] = _lexicon.Lookup(_tok[i * PerToken]);
        }

        ulong mode = (ulong)CaseMode(n);
        for (int i = 0; i < n; i++)
        {
            Span<int> f = Static.AsSpan(i * StaticCount, StaticCount);
            ulong low = Tok(i, 0, n), word = Tok(i, 1, n), shape = Tok(i, 2, n);
            ulong lowM1 = Tok(i - 1, 0, n), lowP1 = Tok(i + 1, 0, n), lowM2 = Tok(i - 2, 0, n), lowP2 = Tok(i + 2, 0, n);
            ulong shM1 = Tok(i - 1, 2, n), shP1 = Tok(i + 1, 2, n);
            int k = 0;
            f[k++] = Bucket(1);
            f[k++] = Bucket(Combine(2, low));
            f[k++] = Bucket(Combine(3, word));
            f[k++] = Bucket(Combine(4, shape));
            // Affixes of 2-4 letters. One-letter affixes and the exact-case neighbouring words were dropped: they
            // scored no better on dev and cost four weight rows per token.
            for (int p = 2; p <= 4; p++) f[k++] = Bucket(Combine(4 + (ulong)p, Tok(i, 2 + p, n)));
            for (int p = 2; p <= 4; p++) f[k++] = Bucket(Combine(8 + (ulong)p, Tok(i, 6 + p, n)));
            f[k++] = Bucket(Combine(13, lowM1));
            f[k++] = Bucket(Combine(14, lowP1));
            f[k++] = Bucket(Combine(15, lowM2));
            f[k++] = Bucket(Combine(16, lowP2));
            f[k++] = Bucket(Combine(Combine(19, shM1), shape));
            f[k++] = Bucket(Combine(Combine(20, shape), shP1));
            f[k++] = Bucket(Combine(Combine(Combine(21, shM1), shape), shP1));
            f[k++] = Bucket(Combine(Combine(22, lowM1), low));
            f[k++] = Bucket(Combine(Combine(23, low), lowP1));
            f[k++] = Bucket(Combine(Combine(24, lowM1), shape));
            f[k++] = Bucket(Combine(Combine(25, shape), lowP1));
            // Position: the first word of a sentence is capitalised whatever it is.
            ulong first = i == 0 ? 1UL : i == 1 ? 2UL : 3UL;
            f[k++] = Bucket(Combine(Combine(Combine(26, first), shape), mode));
            // Capitalisation in context: how this word is usually written when it is not sentence-initial.
            ulong lex = _lex[i];
            ulong casing = WordLexicon.Casing(lex);
            f[k++] = Bucket(Combine(Combine(Combine(Combine(27, casing), (ulong)(_flags[i] & 3)), first == 1 ? 1UL : 0UL), mode));
            f[k++] = Bucket(Combine(Combine(Combine(28, casing), shape), mode));
            f[k++] = Bucket(Combine(Combine(29, Tok(i - 1, 9, n)), shape)); // previous word's 3-letter suffix
            f[k++] = Bucket(Combine(Combine(30, lowM2), lowM1));
            if (!_clustered) continue;
            // Word classes from unlabelled text (0 = unknown word), at each granularity, and the middle
            // classes of the neighbours. Only for models trained with clusters: the rows cost time.
            ulong lexM1 = i > 0 ? _lex[i - 1] : Before, lexP1 = i + 1 < n ? _lex[i + 1] : After;
            f[k++] = Bucket(Combine(Combine(31, WordLexicon.Cluster(lex, 0)), shape));
            f[k++] = Bucket(Combine(32, WordLexicon.Cluster(lex, 1)));
            f[k++] = Bucket(Combine(33, WordLexicon.Cluster(lex, 2)));
            f[k++] = Bucket(Combine(34, WordLexicon.Cluster(lexM1, 1)));
            f[k++] = Bucket(Combine(35, WordLexicon.Cluster(lexP1, 1)));
        }
    }

    /// <summary>
    /// Number of coarse previous-label classes for the label-pair features: outside any entity (start, O or
    /// a closed entity), or inside an open entity of each type. The full previous label still has its own
    /// transition weight; the classes keep the word-specific pairs few, which keeps decoding fast.
    /// </summary>
    public const int PrevClasses = 5;

    /// <summary>Label-pair features per previous-label class: the word shape (adding a pair with the word itself scored no better on dev and cost five more weight rows per token).</summary>
    public const int PairsPerClass = 1;

    /// <summary>Coarse class of a previous label (-1 = sentence start) for label-pair features.</summary>
    public static int PrevClass(int prev) =>
        prev < 0 || !NerLabels.IsOpen(prev) ? 0 : 1 + NerLabels.TypeOf(prev);

    /// <summary>Bucket of the pure transition feature (previous label → label).</summary>
    public int Transition(int prev) => Bucket(Combine(101, (ulong)(prev + 1)));

    /// <summary>Buckets of the features joining the previous label's class with this word's shape: one per class.</summary>
    public void PairFeatures(int i, Span<int> f)
    {
        ulong shape = _tok[i * PerToken + 2];
        for (int c = 0; c < PrevClasses; c++) f[c] = Bucket(Combine(Combine(104, (ulong)c), shape));
    }

    /// <summary>
    /// Document features: how this word was labelled earlier in the document (Ratinov and Roth 2009,
    /// "extended prediction history"), and whether it was seen in lower case.
    /// </summary>
    public int HistoryFeatures(int i, PredictionHistory history, Span<int> f)
    {
        int k = 0;
        if (IsCapitalised(i) && history.TryGet(_tok[i * PerToken], out var counts))
        {
            ulong shape = _tok[i * PerToken + 2];
            int best = counts.Majority();
            f[k++] = Bucket(Combine(105, (ulong)best));
            f[k++] = Bucket(Combine(Combine(106, (ulong)best), i == 0 ? 1UL : 0UL));
            for (int t = 0; t < NerLabels.TypeCount; t++)
                if (counts[t] > 0) f[k++] = Bucket(Combine(107, (ulong)t));
            if (counts.Lower > 0) f[k++] = Bucket(Combine(Combine(108, shape), i == 0 ? 1UL : 0UL));
        }
        return k;
    }
}
