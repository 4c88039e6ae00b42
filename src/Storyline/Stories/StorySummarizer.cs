namespace Storyline.Stories;

/// <summary>
/// A cited summary by maximal marginal relevance (Carbonell and Goldstein, SIGIR 1998) over sentence
/// centrality: each step takes the sentence closest to the story's centre that repeats least of what is
/// already chosen. Only reportable sentences (complete, not page furniture) qualify; copies of a chosen
/// sentence in other articles become extra citations rather than extra sentences.
/// </summary>
internal static class StorySummarizer
{
    public static IReadOnlyList<SummarySentence> Summarize(StoryContext ctx)
    {
        var cands = new List<(DocumentProfile Doc, int S, SparseVector V, double Score)>();
        foreach (var p in ctx.Members)
        {
            int n = p.Doc.Sentences.Length;
            for (int s = 0; s < n; s++)
            {
                if (!ctx.IsReportable(p, s)) continue;
                var v = ctx.SentenceVector(p, s);
                if (v.IsEmpty) continue;
                // A slight lead bias: news puts what matters first.
                double position = 1.0 / (1.0 + 0.05 * s);
                cands.Add((p, s, v, v.Dot(ctx.Centre) * (0.85 + 0.15 * position)));
            }
        }
        var chosen = new List<int>();
        double lambda = ctx.Options.SummaryLambda;
        var seenText = new HashSet<string>(StringComparer.Ordinal);
        while (chosen.Count < ctx.Options.SummarySentences && chosen.Count < cands.Count)
        {
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int i = 0; i < cands.Count; i++)
            {
                if (chosen.Contains(i)) continue;
                double redundancy = 0;
                foreach (int j in chosen) redundancy = Math.Max(redundancy, cands[i].V.Dot(cands[j].V));
                double score = lambda * cands[i].Score - (1 - lambda) * redundancy;
                if (score > bestScore) { bestScore = score; best = i; }
            }
            if (best < 0) break;
            chosen.Add(best);
            seenText.Add(cands[best].Doc.SentenceText(cands[best].S));
        }
        // Present in story order: by article date, then position.
        chosen.Sort((a, b) =>
        {
            int c = Nullable.Compare(cands[a].Doc.Published, cands[b].Doc.Published);
            if (c != 0) return c;
            c = string.CompareOrdinal(cands[a].Doc.Id, cands[b].Doc.Id);
            return c != 0 ? c : cands[a].S.CompareTo(cands[b].S);
        });
        var result = new List<SummarySentence>(chosen.Count);
        foreach (int i in chosen)
        {
            string text = cands[i].Doc.SentenceText(cands[i].S);
            var cites = new List<Citation>();
            foreach (var c in cands)
                if (c.Doc.SentenceText(c.S) == text) cites.Add(c.Doc.Cite(c.S));
            result.Add(new SummarySentence(text, cites));
        }
        return result;
    }
}
