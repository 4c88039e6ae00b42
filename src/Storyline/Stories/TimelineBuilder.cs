using Storyline.Documents;

namespace Storyline.Stories;

/// <summary>
/// The story's timeline: every day-precision date the articles name (resolved time expressions) or report
/// (event dates), merged across articles. Each entry shows one sentence as written, cites every place that
/// sentence stands, and lists other sentences naming the same date as support.
/// </summary>
internal static class TimelineBuilder
{
    private sealed record Candidate(DocumentProfile Doc, int Sentence, bool Mentioned, double Centrality);

    public static IReadOnlyList<TimelineEntry> Build(StoryContext ctx, IReadOnlyList<StoryEvent> events)
    {
        var byDate = new Dictionary<DateOnly, List<Candidate>>();
        var seenSentence = new HashSet<(int, int, DateOnly)>();
        foreach (var p in ctx.Members)
        {
            foreach (var t in p.Doc.Times)
            {
                if (ctx.Day(t) is not { } day) continue;
                int s = p.Doc.SentenceAt(t.Span.Start);
                if (s < 0 || !ctx.IsReportable(p, s)) continue;
                if (!seenSentence.Add((p.Index, s, day))) continue;
                Add(byDate, day, new Candidate(p, s, true, ctx.Centrality(p, s)));
            }
        }
        // Event dates: the lead sentence of each member reports what happened that day.
        foreach (var ev in ctx.Cluster.Events)
        {
            if (ev.Date is not { } day) continue;
            foreach (var p in ev.Members)
            {
                int s = LeadSentence(ctx, p);
                if (s < 0 || !seenSentence.Add((p.Index, s, day))) continue;
                Add(byDate, day, new Candidate(p, s, false, ctx.Centrality(p, s)));
            }
        }

        var eventDays = new HashSet<DateOnly>();
        foreach (var e in events) if (e.Date is { } d) eventDays.Add(d);

        var scored = new List<(DateOnly Day, double Score, List<Candidate> Cands)>();
        foreach (var (day, cands) in byDate)
        {
            var articles = new HashSet<int>();
            foreach (var c in cands) articles.Add(c.Doc.CopyOf);
            double score = articles.Count + (eventDays.Contains(day) ? 1.5 : 0);
            scored.Add((day, score, cands));
        }
        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Day.CompareTo(b.Day));
        if (scored.Count > ctx.Options.MaxTimelineEntries) scored.RemoveRange(ctx.Options.MaxTimelineEntries, scored.Count - ctx.Options.MaxTimelineEntries);
        scored.Sort((a, b) => a.Day.CompareTo(b.Day));

        var entries = new List<TimelineEntry>(scored.Count);
        foreach (var (day, _, cands) in scored)
        {
            // Prefer a sentence that names the date itself, then the one that best says what the sentences
            // naming this date agree on (their centre), then the one closest to the story's centre.
            var consensus = Consensus(ctx, cands);
            cands.Sort((a, b) =>
            {
                if (a.Mentioned != b.Mentioned) return a.Mentioned ? -1 : 1;
                int c = consensus[b].CompareTo(consensus[a]);
                if (c != 0) return c;
                c = b.Centrality.CompareTo(a.Centrality);
                return c != 0 ? c : a.Doc.Index != b.Doc.Index ? a.Doc.Index.CompareTo(b.Doc.Index) : a.Sentence.CompareTo(b.Sentence);
            });
            var chosen = PreferOriginal(cands, cands[0]);
            string text = chosen.Doc.SentenceText(chosen.Sentence);
            var citations = new List<Citation>();
            var support = new List<CitedSentence>();
            var articles = new HashSet<string>(StringComparer.Ordinal);
            var supportDocs = new HashSet<int>();
            bool mentioned = false;
            foreach (var c in cands)
            {
                articles.Add(c.Doc.Id);
                mentioned |= c.Mentioned;
                string st = c.Doc.SentenceText(c.Sentence);
                if (string.Equals(st, text, StringComparison.Ordinal)) citations.Add(c.Doc.Cite(c.Sentence));
                else if (support.Count < ctx.Options.TimelineSupport && supportDocs.Add(c.Doc.Index))
                    support.Add(new CitedSentence(st, c.Doc.Cite(c.Sentence)));
            }
            entries.Add(new TimelineEntry(day, text, citations, mentioned ? TimelineBasis.Mentioned : TimelineBasis.Reported, support)
            {
                Articles = articles.Count,
            });
        }
        return entries;
    }

    /// <summary>
    /// Each candidate's similarity to the others naming the same date, blended with story centrality: a date's
    /// sentences from different articles tend to describe what happened that day, while a sentence naming the
    /// date in passing shares little with them.
    /// </summary>
    private static Dictionary<Candidate, double> Consensus(StoryContext ctx, List<Candidate> cands)
    {
        var result = new Dictionary<Candidate, double>(cands.Count, ReferenceEqualityComparer.Instance);
        var vectors = new SparseVector[cands.Count];
        for (int i = 0; i < cands.Count; i++) vectors[i] = ctx.SentenceVector(cands[i].Doc, cands[i].Sentence);
        for (int i = 0; i < cands.Count; i++)
        {
            double sum = 0;
            int n = 0;
            for (int j = 0; j < cands.Count; j++)
            {
                if (i == j || cands[j].Doc.CopyOf == cands[i].Doc.CopyOf) continue;
                sum += vectors[i].Dot(vectors[j]);
                n++;
            }
            result[cands[i]] = (n > 0 ? sum / n : 0) + 0.5 * cands[i].Centrality;
        }
        return result;
    }

    /// <summary>
    /// A syndicated copy's sentence gives way to its original's when the copy only wraps the same words
    /// (a reprint's dateline or credit glued to the front): the original reads as the reporter wrote it.
    /// </summary>
    private static Candidate PreferOriginal(List<Candidate> ranked, Candidate chosen)
    {
        if (chosen.Doc.CopyOf < 0 || chosen.Doc.CopyOf == chosen.Doc.Index) return chosen;
        string copyText = chosen.Doc.SentenceText(chosen.Sentence);
        foreach (var c in ranked)
        {
            if (c.Doc.Index != chosen.Doc.CopyOf || c.Mentioned != chosen.Mentioned) continue;
            string original = c.Doc.SentenceText(c.Sentence);
            if (original.Length > 0 && copyText.Contains(original, StringComparison.Ordinal)) return c;
        }
        return chosen;
    }

    private static void Add(Dictionary<DateOnly, List<Candidate>> map, DateOnly day, Candidate c)
    {
        if (!map.TryGetValue(day, out var list)) map[day] = list = [];
        list.Add(c);
    }

    /// <summary>The first sentence fit to be shown (headlines and furniture are skipped).</summary>
    public static int LeadSentence(StoryContext ctx, DocumentProfile p)
    {
        int n = p.Doc.Sentences.Length;
        for (int s = 0; s < n && s < 8; s++)
            if (ctx.IsReportable(p, s)) return s;
        return -1;
    }
}
