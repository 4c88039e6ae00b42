namespace Storyline.Stories;

/// <summary>
/// Titles from the articles' own words: the headline closest to the centre when articles have headlines,
/// else the most central lead sentence, cut at a clause boundary to headline length.
/// </summary>
internal static class Titles
{
    private const int MaxWords = 20;

    /// <summary>Openers of a leading subordinate clause ("As talks broke down, X did Y"): the title is the main clause.</summary>
    private static readonly string[] SubordinateOpeners =
        ["As ", "While ", "After ", "When ", "Since ", "Although ", "Though ", "Amid ", "Despite ", "Following ", "Before ", "Hours after ", "Days after ", "In ", "On "];

    /// <summary>Clause openers a long lead sentence can be cut before.</summary>
    private static readonly string[] Cuts = [", with ", ", as ", ", after ", ", while ", ", amid ", ", which ", ", who ", " — ", " - ", "; ", ": ", ", "];

    public static string ForStory(StoryContext ctx)
    {
        var (title, _) = Pick(ctx, ctx.Members, ctx.Centre);
        return title;
    }

    public static (string Title, Citation? Cite) ForEvent(StoryContext ctx, IReadOnlyList<DocumentProfile> members, Centroid centre) =>
        Pick(ctx, members, centre.ToVector(ctx.Options.TermsPerCentroid));

    private static (string, Citation?) Pick(StoryContext ctx, IReadOnlyList<DocumentProfile> members, SparseVector centre)
    {
        string? bestHeadline = null;
        double bestHeadlineScore = double.NegativeInfinity;
        DocumentProfile? bestDoc = null;
        int bestSentence = -1;
        double bestScore = double.NegativeInfinity;
        foreach (var p in members)
        {
            if (!string.IsNullOrWhiteSpace(p.Doc.Article.Title))
            {
                double score = HeadlineScore(ctx, p.Doc.Article.Title!, centre);
                if (score > bestHeadlineScore) { bestHeadlineScore = score; bestHeadline = p.Doc.Article.Title!.Trim(); }
            }
            int lead = TimelineBuilder.LeadSentence(ctx, p);
            if (lead < 0) continue;
            double s = ctx.SentenceVector(p, lead).Dot(centre);
            if (s > bestScore) { bestScore = s; bestDoc = p; bestSentence = lead; }
        }
        if (bestHeadline is not null) return (bestHeadline, null);
        if (bestDoc is null)
        {
            var first = members.Count > 0 ? members[0] : null;
            return (first is null ? "Untitled story" : "Articles from " + first.OutletLabel, null);
        }
        return (Shorten(bestDoc.SentenceText(bestSentence)), bestDoc.Cite(bestSentence));
    }

    private static double HeadlineScore(StoryContext ctx, string headline, SparseVector centre)
    {
        var words = new List<(int Start, int End)>();
        Terms.Words(headline, 0, headline.Length, words);
        var w = new Dictionary<int, float>();
        foreach (var (s, e) in words)
        {
            string norm = Terms.Normalize(headline.AsSpan(s, e - s));
            if (Terms.StopWords.Contains(norm) || !ctx.Vocab.TryGet(norm, out int id)) continue;
            w.TryGetValue(id, out float c);
            w[id] = c + ctx.Vocab.Idf(id);
        }
        return SparseVector.From(w, int.MaxValue).Dot(centre);
    }

    /// <summary>Cuts a sentence to headline length at the first clause boundary past its subject and verb.</summary>
    public static string Shorten(string sentence)
    {
        string s = sentence.Trim().TrimStart('-', '\u2022', ' ');
        foreach (var opener in SubordinateOpeners)
        {
            if (!s.StartsWith(opener, StringComparison.Ordinal)) continue;
            int comma = s.IndexOf(", ", StringComparison.Ordinal);
            if (comma > 0 && WordCount(s[..comma]) <= 12 && WordCount(s[(comma + 2)..]) >= 5)
            {
                var rest = s[(comma + 2)..];
                s = char.ToUpperInvariant(rest[0]) + rest[1..];
            }
            break;
        }
        if (WordCount(s) <= MaxWords) return s.TrimEnd('.');
        foreach (var cut in Cuts)
        {
            int from = 0;
            while ((from = s.IndexOf(cut, from, StringComparison.Ordinal)) > 0)
            {
                int words = WordCount(s[..from]);
                if (words >= 6 && words <= MaxWords + 6) return s[..from].TrimEnd('.', ',');
                from += cut.Length;
            }
        }
        // No clause boundary: keep the first words.
        int count = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == ' ' && ++count == MaxWords) return s[..i] + "\u2026";
        }
        return s;
    }

    private static int WordCount(string s)
    {
        int n = 0;
        bool inWord = false;
        foreach (char c in s)
        {
            bool w = !char.IsWhiteSpace(c);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }
}
