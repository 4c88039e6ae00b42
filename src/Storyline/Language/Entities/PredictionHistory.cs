using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Storyline.Language.Entities;

/// <summary>How one word was labelled so far in a document: per entity type, as O, and seen in lower case.</summary>
internal struct HistoryCounts
{
    public int Per, Org, Loc, Misc, Outside, Lower;

    public readonly int this[int type] => type switch { 0 => Per, 1 => Org, 2 => Loc, 3 => Misc, _ => Outside };

    public void Add(int type, int delta)
    {
        switch (type)
        {
            case 0: Per += delta; break;
            case 1: Org += delta; break;
            case 2: Loc += delta; break;
            case 3: Misc += delta; break;
            case 5: Lower += delta; break;
            default: Outside += delta; break;
        }
    }

    /// <summary>The most frequent label type (4 = O); ties go to the entity type.</summary>
    public readonly int Majority()
    {
        int best = 4, count = Outside;
        for (int t = 0; t < 4; t++)
            if (this[t] > 0 && this[t] >= count) { best = t; count = this[t]; }
        return best;
    }

    public readonly bool IsEmpty => Per + Org + Loc + Misc + Outside + Lower == 0;
}

/// <summary>
/// The labels the tagger gave each capitalised word in the recent part of the document (a window of
/// sentences, so that a stream without document marks still works), plus which words were seen in lower
/// case. Not thread-safe: one per tagging call.
/// </summary>
internal sealed class PredictionHistory(int windowSentences)
{
    private readonly Dictionary<ulong, HistoryCounts> _counts = [];
    private readonly Queue<(int Sentence, ulong Key, int Type)> _entries = new();
    private int _sentence;

    public void Reset()
    {
        _counts.Clear();
        _entries.Clear();
        _sentence = 0;
    }

    public bool TryGet(ulong key, out HistoryCounts counts) => _counts.TryGetValue(key, out counts);

    /// <summary>Records a tagged sentence and forgets sentences that fell out of the window.</summary>
    public void Add(NerFeatures features, ReadOnlySpan<int> labels)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            int type;
            if (features.IsCapitalised(i)) type = labels[i] == NerLabels.O ? 4 : NerLabels.TypeOf(labels[i]);
            else if (features.IsAllLower(i)) type = 5;
            else continue;
            ulong key = features.LowerHash(i);
            Bump(key, type, 1);
            _entries.Enqueue((_sentence, key, type));
        }
        _sentence++;
        while (_entries.Count > 0 && _entries.Peek().Sentence <= _sentence - windowSentences)
        {
            var (_, key, type) = _entries.Dequeue();
            Bump(key, type, -1);
        }
    }

    private void Bump(ulong key, int type, int delta)
    {
        ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, key, out _);
        c.Add(type, delta);
        if (delta < 0 && c.IsEmpty) _counts.Remove(key);
    }
}

/// <summary>
/// How a word is usually written away from the start of a sentence, learnt from the training text:
/// it tells a capitalised "The" at a sentence start from a name.
/// </summary>
internal sealed class CasingLexicon
{
    public const byte Unseen = 0, Lower = 1, Mixed = 2, Capital = 3;

    private readonly Dictionary<ulong, byte> _classes;

    public CasingLexicon(Dictionary<ulong, byte> classes) => _classes = classes;

    public static CasingLexicon Empty { get; } = new([]);

    public int Size => _classes.Count;

    public IEnumerable<KeyValuePair<ulong, byte>> Entries => _classes;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ClassOf(ulong lowerHash) => _classes.TryGetValue(lowerHash, out var c) ? c : Unseen;

    /// <summary>Builds the lexicon from sentences: counts capitalised and lower-case uses not at position 0.</summary>
    public static CasingLexicon Build(IEnumerable<string[]> sentences, int minCount)
    {
        var counts = new Dictionary<ulong, (int Cap, int Low)>();
        foreach (var s in sentences)
        {
            for (int i = 1; i < s.Length; i++)
            {
                var w = s[i];
                if (w.Length == 0 || !char.IsLetter(w[0])) continue;
                ulong key = NerFeatures.HashLower(w);
                ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
                if (char.IsUpper(w[0])) c.Cap++; else c.Low++;
            }
        }
        var classes = new Dictionary<ulong, byte>();
        foreach (var (key, (cap, low)) in counts)
        {
            int total = cap + low;
            if (total < minCount) continue;
            double share = (double)cap / total;
            classes[key] = share >= 0.9 ? Capital : share <= 0.1 ? Lower : Mixed;
        }
        return new CasingLexicon(classes);
    }
}
