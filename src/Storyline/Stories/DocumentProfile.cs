using System.Text.RegularExpressions;
using Storyline.Documents;

namespace Storyline.Stories;

/// <summary>Term ids and document frequencies, growing as articles arrive (smoothed idf stays defined for any count).</summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly List<int> _df = [];

    public int Documents { get; private set; }

    public int Count => _terms.Count;

    public int Id(string term)
    {
        if (_ids.TryGetValue(term, out int id)) return id;
        id = _terms.Count;
        _ids.Add(term, id);
        _terms.Add(term);
        _df.Add(0);
        return id;
    }

    public bool TryGet(string term, out int id) => _ids.TryGetValue(term, out id);

    public string Term(int id) => _terms[id];

    public int DocumentFrequency(int id) => _df[id];

    /// <summary>Counts one more document holding each of <paramref name="distinctTerms"/>.</summary>
    public void AddDocument(IEnumerable<int> distinctTerms)
    {
        Documents++;
        foreach (int t in distinctTerms) _df[t]++;
    }

    /// <summary>Smoothed inverse document frequency: ln((N+1)/(df+1)) + 1, never zero, so tiny collections still compare.</summary>
    public float Idf(int id) => (float)(Math.Log((Documents + 1.0) / (_df[id] + 1.0)) + 1.0);
}

/// <summary>A sparse vector as parallel arrays sorted by term id, L2-normalised.</summary>
internal readonly record struct SparseVector(int[] Ids, float[] Weights)
{
    public static SparseVector Empty { get; } = new([], []);

    public bool IsEmpty => Ids.Length == 0;

    /// <summary>Builds a normalised vector from the weights of the terms in <paramref name="kept"/> (all when null).</summary>
    public static SparseVector From(Dictionary<int, float> weights, HashSet<int>? kept)
    {
        if (kept is null) return From(weights, int.MaxValue);
        var subset = new Dictionary<int, float>(kept.Count);
        foreach (int id in kept) subset[id] = weights[id];
        return From(subset, int.MaxValue);
    }

    /// <summary>Builds a normalised vector from term weights, keeping the <paramref name="keep"/> heaviest.</summary>
    public static SparseVector From(Dictionary<int, float> weights, int keep)
    {
        if (weights.Count == 0) return Empty;
        var pairs = new KeyValuePair<int, float>[weights.Count];
        int n = 0;
        foreach (var kv in weights) pairs[n++] = kv;
        if (n > keep)
        {
            Array.Sort(pairs, static (a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
            n = keep;
        }
        var ids = new int[n];
        var w = new float[n];
        double norm = 0;
        for (int i = 0; i < n; i++) norm += pairs[i].Value * (double)pairs[i].Value;
        float inv = norm > 0 ? (float)(1.0 / Math.Sqrt(norm)) : 0f;
        Array.Sort(pairs, 0, n, Comparer<KeyValuePair<int, float>>.Create(static (a, b) => a.Key.CompareTo(b.Key)));
        for (int i = 0; i < n; i++)
        {
            ids[i] = pairs[i].Key;
            w[i] = pairs[i].Value * inv;
        }
        return new SparseVector(ids, w);
    }

    public double Dot(SparseVector other)
    {
        int i = 0, j = 0;
        double sum = 0;
        var a = Ids;
        var b = other.Ids;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { sum += Weights[i] * (double)other.Weights[j]; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return sum;
    }
}

/// <summary>A running sum of member vectors: the centre of a story or event, pruned to its heaviest terms.</summary>
internal sealed class Centroid(int keep)
{
    private readonly Dictionary<int, float> _sum = [];
    private double _norm = -1;

    public int Members { get; private set; }

    public IReadOnlyDictionary<int, float> Weights => _sum;

    public void Add(SparseVector v)
    {
        for (int i = 0; i < v.Ids.Length; i++)
        {
            _sum.TryGetValue(v.Ids[i], out float w);
            _sum[v.Ids[i]] = w + v.Weights[i];
        }
        Members++;
        if (_sum.Count > keep + keep / 2) Prune();
        _norm = -1;
    }

    private void Prune()
    {
        var values = new float[_sum.Count];
        int n = 0;
        foreach (var w in _sum.Values) values[n++] = w;
        Array.Sort(values);
        float cut = values[values.Length - keep];
        var drop = new List<int>();
        foreach (var kv in _sum)
            if (kv.Value < cut) drop.Add(kv.Key);
        foreach (int k in drop) _sum.Remove(k);
    }

    /// <summary>Cosine similarity between a normalised vector and this centre.</summary>
    public double Cosine(SparseVector v)
    {
        double norm = Norm();
        if (norm == 0) return 0;
        double dot = 0;
        for (int i = 0; i < v.Ids.Length; i++)
            if (_sum.TryGetValue(v.Ids[i], out float w)) dot += w * (double)v.Weights[i];
        return dot / norm;
    }

    /// <summary>Cosine similarity between two centres (iterating the smaller one).</summary>
    public double Cosine(Centroid other)
    {
        double na = Norm(), nb = other.Norm();
        if (na == 0 || nb == 0) return 0;
        var (small, large) = _sum.Count <= other._sum.Count ? (_sum, other._sum) : (other._sum, _sum);
        double dot = 0;
        foreach (var (id, w) in small)
            if (large.TryGetValue(id, out float v)) dot += w * (double)v;
        return dot / (na * nb);
    }

    /// <summary>Folds another centre into this one (two stories becoming one).</summary>
    public void Absorb(Centroid other)
    {
        foreach (var (id, w) in other._sum)
        {
            _sum.TryGetValue(id, out float v);
            _sum[id] = v + w;
        }
        Members += other.Members;
        if (_sum.Count > keep + keep / 2) Prune();
        _norm = -1;
    }

    /// <summary>The ids of the <paramref name="count"/> heaviest terms, heaviest first.</summary>
    public int[] Top(int count)
    {
        var pairs = new KeyValuePair<int, float>[_sum.Count];
        int n = 0;
        foreach (var kv in _sum) pairs[n++] = kv;
        Array.Sort(pairs, static (a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
        var ids = new int[Math.Min(count, n)];
        for (int i = 0; i < ids.Length; i++) ids[i] = pairs[i].Key;
        return ids;
    }

    private double Norm()
    {
        if (_norm < 0)
        {
            double s = 0;
            foreach (var w in _sum.Values) s += w * (double)w;
            _norm = Math.Sqrt(s);
        }
        return _norm;
    }

    public SparseVector ToVector(int top) => SparseVector.From(new Dictionary<int, float>(_sum), top);
}

/// <summary>What story building knows about one article: its dates, terms per sentence, vector and index keys.</summary>
internal sealed partial class DocumentProfile
{
    public required int Index { get; init; }

    public required AnnotatedDocument Doc { get; init; }

    public string Id => Doc.Article.Id;

    public DateOnly? Published => Doc.Article.Published ?? Doc.ReferenceDate;

    /// <summary>When the reported happening took place: a recent date named in the lead, else the publication date.</summary>
    public DateOnly? EventDate { get; init; }

    private int[][]? _sentenceTerms;

    /// <summary>
    /// Normalised content-term ids of each sentence, computed when a report first needs them: the index
    /// itself keeps only the article vector, so memory stays small over tens of thousands of articles.
    /// </summary>
    public int[][] SentenceTerms => _sentenceTerms ??= ComputeSentenceTerms(Doc, Vocab);

    public required Vocabulary Vocab { get; init; }

    public required SparseVector Vector { get; set; }

    /// <summary>The article's rarest names and terms: keys of the candidate index.</summary>
    public int[] Keys { get; set; } = [];

    /// <summary>Distinct term ids the article uses as names (entities, or capitalised words inside a sentence).</summary>
    public int[] Names { get; init; } = [];

    public required string OutletLabel { get; init; }

    public int StoryId { get; set; } = -1;

    public int EventId { get; set; } = -1;

    /// <summary>Near-duplicate group (union-find root index), set by syndication.</summary>
    public int CopyOf { get; set; } = -1;

    public int WordCount { get; init; }

    public string SentenceText(int s) => Doc.SentenceText(s);

    public Citation Cite(int s) => new(Id, Doc.Sentences[s].Start, Doc.Sentences[s].End);

    /// <summary>A day-precision TIMEX3 value ("2024-05-31"), or null for anything coarser or relative.</summary>
    public static DateOnly? DayOf(string? timex)
    {
        if (timex is null || timex.Length < 10 || !DayValue().IsMatch(timex)) return null;
        return DateOnly.TryParseExact(timex.AsSpan(0, 10), "yyyy-MM-dd", out var d) ? d : null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?:$|T)", RegexOptions.CultureInvariant)]
    private static partial Regex DayValue();

    public static DocumentProfile Create(int index, AnnotatedDocument doc, Vocabulary vocab, StoryOptions options)
    {
        doc = Terms.WithSentences(doc);
        string text = doc.Text;
        var sentences = doc.Sentences;
        var entities = doc.Entities;
        bool haveEntities = entities.Count > 0;
        var counts = new Dictionary<int, float>();
        var names = new HashSet<int>();
        var words = new List<(int Start, int End)>(64);
        int entity = 0;
        int wordCount = 0;
        for (int s = 0; s < sentences.Length; s++)
        {
            words.Clear();
            Terms.Words(text, sentences[s].Start, sentences[s].End, words);
            wordCount += words.Count;
            for (int w = 0; w < words.Count; w++)
            {
                var (ws, we) = words[w];
                var span = text.AsSpan(ws, we - ws);
                if (!Terms.IsContentWord(span)) continue;
                string norm = Terms.Normalize(span);
                if (norm.Length < 2 || Terms.StopWords.Contains(norm)) continue;
                bool isName;
                if (haveEntities)
                {
                    while (entity < entities.Count && entities[entity].Span.End <= ws) entity++;
                    isName = entity < entities.Count && entities[entity].Span.Start <= ws;
                }
                else isName = w > 0 && Terms.StartsUpper(span);
                int id = vocab.Id(norm);
                // With an entity layer, names are its canonical forms (added below), one per entity.
                if (isName && !haveEntities) names.Add(id);
                counts.TryGetValue(id, out float c);
                counts[id] = c + (isName ? options.NameBoost : 1f);
            }
        }
        // Canonical names let "Biden" and "Joe Biden" meet across articles.
        foreach (var e in entities)
        {
            if (string.IsNullOrWhiteSpace(e.Canonical)) continue;
            string canonical = e.Canonical.ToLowerInvariant();
            int id = vocab.Id("\u00A7" + canonical);
            // Tokens the tagger took for names but that say nothing (bracket tokens, weekdays) are no names.
            if (!Terms.StopWords.Contains(canonical)) names.Add(id);
            counts.TryGetValue(id, out float c);
            counts[id] = c + options.NameBoost;
        }
        vocab.AddDocument(counts.Keys);

        var weights = new Dictionary<int, float>(counts.Count);
        foreach (var (id, c) in counts)
            weights[id] = (float)(1 + Math.Log(c)) * vocab.Idf(id);
        var vector = SparseVector.From(weights, KeptTerms(counts, vocab, options.TermsPerArticle));
        var keys = PickKeys(vector, vocab, options.KeysPerArticle);

        var published = doc.Article.Published ?? doc.ReferenceDate;
        return new DocumentProfile
        {
            Index = index,
            Doc = doc,
            Vocab = vocab,
            Vector = vector,
            Keys = keys,
            Names = [.. names],
            EventDate = LeadDate(doc, published, options) ?? published,
            OutletLabel = string.IsNullOrWhiteSpace(doc.Article.Outlet) ? "unknown outlet (" + doc.Article.Id + ")" : doc.Article.Outlet!,
            WordCount = wordCount,
        };
    }

    /// <summary>
    /// Which terms an article vector keeps: the heaviest by raw count times idf. Ranking by the damped weight
    /// instead would let a long article's many once-mentioned rare words push out the words it keeps coming
    /// back to (the place and the disaster it is about), which are what it shares with the rest of its story.
    /// </summary>
    private static HashSet<int>? KeptTerms(Dictionary<int, float> counts, Vocabulary vocab, int keep)
    {
        if (counts.Count <= keep) return null;
        var ranked = new KeyValuePair<int, float>[counts.Count];
        int n = 0;
        foreach (var (id, c) in counts) ranked[n++] = new(id, c * vocab.Idf(id));
        Array.Sort(ranked, static (a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
        var kept = new HashSet<int>(keep);
        for (int i = 0; i < keep; i++) kept.Add(ranked[i].Key);
        return kept;
    }

    private static int[][] ComputeSentenceTerms(AnnotatedDocument doc, Vocabulary vocab)
    {
        var sentences = doc.Sentences;
        var result = new int[sentences.Length][];
        var words = new List<(int Start, int End)>(64);
        var ids = new List<int>(32);
        for (int s = 0; s < sentences.Length; s++)
        {
            words.Clear();
            ids.Clear();
            Terms.Words(doc.Text, sentences[s].Start, sentences[s].End, words);
            foreach (var (ws, we) in words)
            {
                var span = doc.Text.AsSpan(ws, we - ws);
                if (!Terms.IsContentWord(span)) continue;
                string norm = Terms.Normalize(span);
                if (norm.Length < 2 || Terms.StopWords.Contains(norm)) continue;
                ids.Add(vocab.Id(norm));
            }
            result[s] = [.. ids];
        }
        return result;
    }

    /// <summary>The heaviest terms by idf among the article's vector: rare names and words say what it is about.</summary>
    private static int[] PickKeys(SparseVector v, Vocabulary vocab, int count)
    {
        var order = new int[v.Ids.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => v.Weights[b].CompareTo(v.Weights[a]));
        var keys = new int[Math.Min(count, order.Length)];
        for (int i = 0; i < keys.Length; i++) keys[i] = v.Ids[order[i]];
        return keys;
    }

    /// <summary>A day named in the lead shortly before publication ("on Wednesday" in a Thursday article) dates the event.</summary>
    private static DateOnly? LeadDate(AnnotatedDocument doc, DateOnly? published, StoryOptions options)
    {
        if (published is not { } pub || doc.Times.Count == 0 || doc.Sentences.Length == 0) return null;
        int leadEnd = doc.Sentences[Math.Min(options.LeadSentences, doc.Sentences.Length) - 1].End;
        foreach (var t in doc.Times)
        {
            if (t.Span.Start >= leadEnd || t.Type != TimexType.DATE) continue;
            if (DayOf(t.Value) is { } d && d <= pub && d >= pub.AddDays(-options.LeadDateLookbackDays))
                return d;
        }
        return null;
    }
}
