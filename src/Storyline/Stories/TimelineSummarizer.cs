using Storyline.Documents;

namespace Storyline.Stories;

/// <summary>One date of a summarised timeline and its sentences, verbatim from the articles.</summary>
public sealed record TimelineDay(DateOnly Date, IReadOnlyList<string> Sentences);

/// <summary>Options of timeline summarisation.</summary>
public sealed record TimelineSummarizerOptions
{
    public static TimelineSummarizerOptions Default { get; } = new();

    /// <summary>Weight of one sentence that names a date (resolved time expression).</summary>
    public double MentionWeight { get; init; } = 1.0;

    /// <summary>Each further mention of the same day in one article counts this much of the one before.</summary>
    public double RepeatDecay { get; init; } = 1.0;

    /// <summary>Weight of one article published on a date.</summary>
    public double PublicationWeight { get; init; } = 0.5;

    /// <summary>Mentions made within this many days after the date count fully; later ones fade.</summary>
    public int FreshDays { get; init; } = 7;

    /// <summary>How fast mentions fade after <see cref="FreshDays"/> (weight halves every this many days).</summary>
    public double FadeHalfLifeDays { get; init; } = 60;

    /// <summary>Without a query, names in at least this share of the articles stand for one (0 turns it off).</summary>
    public double ImplicitQueryShare { get; init; } = 0.4;

    /// <summary>Add the implicit query's names to a given query too.</summary>
    public bool WidenQuery { get; init; } = true;

    /// <summary>At most this many names make the implicit query.</summary>
    public int ImplicitQueryTerms { get; init; } = 3;

    /// <summary>
    /// Days before the earliest article a named date may lie (the event an article published the next morning
    /// reports); older dates are background.
    /// </summary>
    public int EarlierDays { get; init; } = 1;

    /// <summary>Lead sentences of an article that speak for its publication date when they name no other.</summary>
    public int LeadSentences { get; init; } = 4;

    public int MinWords { get; init; } = 5;

    public int MaxWords { get; init; } = 60;

    /// <summary>A sentence this similar to one already chosen for the date is a repeat.</summary>
    public double MaxRedundancy { get; init; } = 0.5;

    /// <summary>Weight of a date's candidate sentences' own centrality against the whole collection's centre.</summary>
    public double GlobalWeight { get; init; } = 0.3;

    /// <summary>Score taken off quoted speech and questions, which timelines rarely keep.</summary>
    public double SpeechPenalty { get; init; } = 0.1;

    /// <summary>News puts what matters first: a bonus for early sentences, divided by (1 + position).</summary>
    public double LeadBonus { get; init; } = 0.3;
}

/// <summary>
/// Timeline summarisation (the news-tls protocol: up to L dates, up to K sentences each), in two steps after
/// Ghalandari and Ifrim (ACL 2020, "Examining the State of the Art in News Timeline Summarization"):
/// date selection, then per-date summarisation.
/// <para>Dates are ranked by how often the collection talks about them: each sentence whose time expression
/// resolves to a day counts for that day (fading when written long after it), and each article counts for
/// its publication day. A query keeps only sentences naming one of its terms.</para>
/// <para>Each chosen date is summarised from its candidate sentences (those naming it, and the leads of
/// articles published that day that name no other day) by centroid similarity (Radev et al. 2004), skipping
/// repeats. Needs only the tokens, sentences and times layers, so it stays cheap on thousands of articles.</para>
/// </summary>
public sealed class TimelineSummarizer(TimelineSummarizerOptions? options = null)
{
    private readonly TimelineSummarizerOptions _options = options ?? TimelineSummarizerOptions.Default;

    /// <summary>The annotation layers the summariser reads.</summary>
    public static IReadOnlyList<string> RequiredLayers { get; } = [Language.Layers.Tokens, Language.Layers.Sentences, Language.Layers.Times];

    private readonly record struct Candidate(int Doc, int Sentence, bool Mentioned, double Weight, int Position);

    public IReadOnlyList<TimelineDay> Summarize(IReadOnlyList<AnnotatedDocument> docs, int dates, int perDate, IReadOnlyList<string>? query)
    {
        ArgumentNullException.ThrowIfNull(docs);
        if (dates <= 0 || perDate <= 0 || docs.Count == 0) return [];
        var keywords = NormalizeQuery(query);
        if (_options.ImplicitQueryShare > 0 && (keywords is null || _options.WidenQuery) && ImplicitQuery(docs) is { } names)
        {
            keywords ??= new HashSet<string>(StringComparer.Ordinal);
            keywords.UnionWith(names);
        }
        var vocab = new Vocabulary();
        var prepared = new List<(AnnotatedDocument Doc, int[][] Terms, bool[] Relevant)>(docs.Count);
        DateOnly? first = null, last = null;
        foreach (var raw in docs)
        {
            if (raw is null) continue;
            var doc = Terms.WithSentences(raw);
            var pub = doc.Article.Published ?? doc.ReferenceDate;
            if (pub is { } p)
            {
                if (first is null || p < first) first = p;
                if (last is null || p > last) last = p;
            }
            var (terms, relevant) = Analyse(doc, vocab, keywords);
            prepared.Add((doc, terms, relevant));
        }
        if (first is null || last is null) return [];

        // 1. Date scores and candidate sentences.
        var score = new Dictionary<DateOnly, double>();
        var cands = new Dictionary<DateOnly, List<Candidate>>();
        for (int di = 0; di < prepared.Count; di++)
        {
            var (doc, terms, relevant) = prepared[di];
            var pub = doc.Article.Published ?? doc.ReferenceDate;
            if (pub is { } p)
                Add(score, p, _options.PublicationWeight);
            var mentioned = new bool[doc.Sentences.Length];
            var perDay = new Dictionary<DateOnly, int>();
            foreach (var t in doc.Times)
            {
                if (t.Type != TimexType.DATE || DocumentProfile.DayOf(t.Value) is not { } day) continue;
                if (day < first.Value.AddDays(-_options.EarlierDays) || day > last) continue;
                int s = doc.SentenceAt(t.Span.Start);
                if (s < 0 || mentioned[s]) continue;
                mentioned[s] = true;
                if (!relevant[s]) continue;
                // Repeated mentions in one article count less each time: many articles naming a day say
                // more than one article naming it often.
                perDay.TryGetValue(day, out int seenBefore);
                perDay[day] = seenBefore + 1;
                double w = _options.MentionWeight * Fade(day, pub) * Math.Pow(_options.RepeatDecay, seenBefore);
                Add(score, day, w);
                if (Usable(doc, s)) AddCand(cands, day, new Candidate(di, s, true, w, s));
            }
            if (pub is { } pd)
            {
                for (int s = 0, taken = 0; s < doc.Sentences.Length && taken < _options.LeadSentences; s++)
                {
                    if (mentioned[s] || !Usable(doc, s)) continue;
                    taken++;
                    if (relevant[s]) AddCand(cands, pd, new Candidate(di, s, false, 0.5, s));
                }
            }
        }

        // 2. The L best dates that have something to say.
        var ranked = score.Where(kv => cands.ContainsKey(kv.Key)).ToList();
        ranked.Sort((a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
        if (ranked.Count > dates) ranked.RemoveRange(dates, ranked.Count - dates);
        ranked.Sort((a, b) => a.Key.CompareTo(b.Key));

        // 3. Per date: sentences closest to the centre of its candidates, without repeats.
        var global = GlobalCentre(prepared, vocab);
        var result = new List<TimelineDay>(ranked.Count);
        foreach (var (day, _) in ranked)
        {
            var list = cands[day];
            var vectors = new SparseVector[list.Count];
            var centre = new Dictionary<int, float>();
            for (int i = 0; i < list.Count; i++)
            {
                vectors[i] = Vector(prepared[list[i].Doc].Terms[list[i].Sentence], vocab);
                for (int k = 0; k < vectors[i].Ids.Length; k++)
                {
                    centre.TryGetValue(vectors[i].Ids[k], out float c);
                    centre[vectors[i].Ids[k]] = c + vectors[i].Weights[k] * (float)list[i].Weight;
                }
            }
            var cv = SparseVector.From(centre, 400);
            var order = new int[list.Count];
            var sc = new double[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                order[i] = i;
                sc[i] = vectors[i].Dot(cv) + _options.GlobalWeight * vectors[i].Dot(global) + (list[i].Mentioned ? 0.05 : 0) +
                        _options.LeadBonus / (1 + list[i].Position) -
                        (IsSpeech(prepared[list[i].Doc].Doc, list[i].Sentence) ? _options.SpeechPenalty : 0);
            }
            Array.Sort(order, (a, b) => sc[b] != sc[a] ? sc[b].CompareTo(sc[a]) : a.CompareTo(b));
            var chosen = new List<int>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (int i in order)
            {
                if (chosen.Count >= perDate) break;
                string text = prepared[list[i].Doc].Doc.SentenceText(list[i].Sentence).Trim();
                if (!seen.Add(text)) continue;
                bool repeat = false;
                foreach (int j in chosen)
                    if (vectors[i].Dot(vectors[j]) > _options.MaxRedundancy) { repeat = true; break; }
                if (repeat) continue;
                chosen.Add(i);
            }
            var sentences = chosen.Select(i => prepared[list[i].Doc].Doc.SentenceText(list[i].Sentence).Trim()).ToList();
            if (sentences.Count > 0) result.Add(new TimelineDay(day, sentences));
        }
        return result;
    }

    /// <summary>Mentions long after the date are retrospective: they count less than reports of the day.</summary>
    private double Fade(DateOnly day, DateOnly? published)
    {
        if (published is not { } pub) return 1;
        int after = pub.DayNumber - day.DayNumber;
        if (after <= _options.FreshDays) return 1;
        return Math.Pow(0.5, (after - _options.FreshDays) / _options.FadeHalfLifeDays);
    }

    /// <summary>Quoted speech or a question: reactions, not the account of what happened.</summary>
    private static bool IsSpeech(AnnotatedDocument doc, int s)
    {
        var sent = doc.Sentences[s];
        var span = doc.Text.AsSpan(sent.Start, sent.End - sent.Start);
        return span.IndexOfAny("\"\u201C\u201D") >= 0 || span.Contains("``", StringComparison.Ordinal) ||
               span.Contains("''", StringComparison.Ordinal) || span.TrimEnd().EndsWith("?");
    }

    private bool Usable(AnnotatedDocument doc, int s)
    {
        var sent = doc.Sentences[s];
        int words = 0;
        bool inWord = false, lower = false;
        var text = doc.Text;
        for (int i = sent.Start; i < sent.End; i++)
        {
            char c = text[i];
            bool w = char.IsLetterOrDigit(c);
            if (w && !inWord) words++;
            inWord = w;
            lower |= char.IsLower(c);
        }
        return lower && words >= _options.MinWords && words <= _options.MaxWords &&
               !Boilerplate.Matches(text.Substring(sent.Start, sent.End - sent.Start));
    }

    /// <summary>
    /// Without a query, the timeline is about what the collection is about: the names (capitalised words
    /// inside sentences) that most of its articles share.
    /// </summary>
    private HashSet<string>? ImplicitQuery(IReadOnlyList<AnnotatedDocument> docs)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<(int Start, int End)>(256);
        int n = 0;
        foreach (var doc in docs)
        {
            if (doc is null || string.IsNullOrEmpty(doc.Text)) continue;
            n++;
            seen.Clear();
            words.Clear();
            string text = doc.Text;
            Stories.Terms.Words(text, 0, text.Length, words);
            foreach (var (ws, we) in words)
            {
                if (!char.IsUpper(text[ws]) || we - ws < 3 || AtSentenceStart(text, ws)) continue;
                string norm = Stories.Terms.Normalize(text.AsSpan(ws, we - ws));
                if (Stories.Terms.StopWords.Contains(norm) || !seen.Add(norm)) continue;
                df.TryGetValue(norm, out int c);
                df[norm] = c + 1;
            }
        }
        if (n < 5) return null;
        var top = df.Where(kv => kv.Value >= _options.ImplicitQueryShare * n)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(_options.ImplicitQueryTerms).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        return top.Count > 0 ? top : null;
    }

    private static bool AtSentenceStart(string text, int at)
    {
        for (int i = at - 1; i >= 0; i--)
        {
            char c = text[i];
            if (c is ' ' or '\t' or '"' or '\'' or '`' or '\u201C' or '(') continue;
            return c is '.' or '!' or '?' or '\n' or '\r';
        }
        return true;
    }

    private static HashSet<string>? NormalizeQuery(IReadOnlyList<string>? query)
    {
        if (query is null || query.Count == 0) return null;
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in query)
        {
            if (string.IsNullOrWhiteSpace(q)) continue;
            var words = new List<(int Start, int End)>();
            Terms.Words(q, 0, q.Length, words);
            foreach (var (s, e) in words) set.Add(Terms.Normalize(q.AsSpan(s, e - s)));
        }
        return set.Count > 0 ? set : null;
    }

    /// <summary>Normalised terms of each sentence, and whether it names a query term (all sentences when no query).</summary>
    private static (int[][] Terms, bool[] Relevant) Analyse(AnnotatedDocument doc, Vocabulary vocab, HashSet<string>? keywords)
    {
        var sentences = doc.Sentences;
        var terms = new int[sentences.Length][];
        var relevant = new bool[sentences.Length];
        var words = new List<(int Start, int End)>(48);
        var ids = new List<int>(32);
        var distinct = new HashSet<int>();
        string text = doc.Text;
        for (int s = 0; s < sentences.Length; s++)
        {
            words.Clear();
            ids.Clear();
            Stories.Terms.Words(text, sentences[s].Start, sentences[s].End, words);
            bool hit = keywords is null;
            foreach (var (ws, we) in words)
            {
                var span = text.AsSpan(ws, we - ws);
                if (!Stories.Terms.IsContentWord(span)) continue;
                string norm = Stories.Terms.Normalize(span);
                if (!hit && keywords!.Contains(norm)) hit = true;
                if (norm.Length < 2 || Stories.Terms.StopWords.Contains(norm)) continue;
                int id = vocab.Id(norm);
                ids.Add(id);
                distinct.Add(id);
            }
            terms[s] = [.. ids];
            relevant[s] = hit;
        }
        vocab.AddDocument(distinct);
        return (terms, relevant);
    }

    private static SparseVector Vector(int[] terms, Vocabulary vocab)
    {
        if (terms.Length == 0) return SparseVector.Empty;
        var w = new Dictionary<int, float>(terms.Length);
        foreach (int t in terms)
        {
            w.TryGetValue(t, out float c);
            w[t] = c + 1;
        }
        foreach (var k in w.Keys.ToArray()) w[k] = (float)(1 + Math.Log(w[k])) * vocab.Idf(k);
        return SparseVector.From(w, int.MaxValue);
    }

    /// <summary>The collection's centre over relevant sentences: what the whole timeline is about.</summary>
    private static SparseVector GlobalCentre(List<(AnnotatedDocument Doc, int[][] Terms, bool[] Relevant)> prepared, Vocabulary vocab)
    {
        var tf = new Dictionary<int, float>();
        foreach (var (_, terms, relevant) in prepared)
            for (int s = 0; s < terms.Length; s++)
            {
                if (!relevant[s]) continue;
                foreach (int t in terms[s])
                {
                    tf.TryGetValue(t, out float c);
                    tf[t] = c + 1;
                }
            }
        foreach (var k in tf.Keys.ToArray()) tf[k] = (float)(1 + Math.Log(tf[k])) * vocab.Idf(k);
        return SparseVector.From(tf, 500);
    }

    private static void Add(Dictionary<DateOnly, double> map, DateOnly d, double w)
    {
        map.TryGetValue(d, out double c);
        map[d] = c + w;
    }

    private static void AddCand(Dictionary<DateOnly, List<Candidate>> map, DateOnly d, Candidate c)
    {
        if (!map.TryGetValue(d, out var list)) map[d] = list = [];
        list.Add(c);
    }
}
