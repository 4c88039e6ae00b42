using System.Collections.Frozen;
using Storyline.Documents;

namespace Storyline.Stories;

/// <summary>Phrases that mark a sentence as page furniture rather than reporting (checked lower-cased).</summary>
internal static class Boilerplate
{
    public static readonly string[] Cues =
    [
        "subscribe", "sign up", "newsletter", "register to", "register for", "please register", "click here",
        "read more", "all rights reserved", "copyright", "cookie", "advertisement", "advertisment", "follow us",
        "share this", "donat", "your support", "contribution", "you have read", "full access", "photo:", "image:",
        "getty images", "photo credit", "watch |", "also read", "related topics", "skip to", "disclaimer",
        "with inputs from", "terms of use", "privacy policy", "log in", "sign in", "comments", "loyal",
    ];

    public static bool Matches(string sentence)
    {
        var lower = sentence.ToLowerInvariant();
        foreach (var cue in Cues)
            if (lower.Contains(cue, StringComparison.Ordinal)) return true;
        return false;
    }
}

/// <summary>What the parts of a story report share: its members in date order, the vocabulary and the story's centre.</summary>
internal sealed class StoryContext
{
    private static readonly FrozenSet<char> Terminals = FrozenSet.ToFrozenSet(['.', '!', '?', '"', '\u201D', '\u2019', '\'', ')']);

    public StoryContext(StoryCluster cluster, Vocabulary vocab, StoryOptions options)
    {
        Cluster = cluster;
        Vocab = vocab;
        Options = options;
        var members = new List<DocumentProfile>(cluster.Members);
        members.Sort(static (a, b) =>
        {
            int c = Nullable.Compare(a.Published, b.Published);
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        });
        Members = members;
        Centre = cluster.Centre.ToVector(options.TermsPerCentroid);
        DateAliases = FindDateAliases(members);
    }

    /// <summary>
    /// Dates named without a year ("Oct. 7") that a resolver placed in a later year than the story's
    /// well-attested date with the same month and day: the story means the attested one (an article a year
    /// on still speaks of "the Oct. 7 attack"). Maps the later date to the attested one.
    /// </summary>
    public IReadOnlyDictionary<DateOnly, DateOnly> DateAliases { get; }

    /// <summary>The date a time expression stands for in this story, after <see cref="DateAliases"/>.</summary>
    public DateOnly? Day(TimeExpression t)
    {
        if (t.Type != TimexType.DATE || DocumentProfile.DayOf(t.Value) is not { } d) return null;
        return DateAliases.TryGetValue(d, out var a) && !HasYear(t.Text) ? a : d;
    }

    private static bool HasYear(string text)
    {
        int run = 0;
        foreach (char c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run == 4) return true;
        }
        return false;
    }

    private static Dictionary<DateOnly, DateOnly> FindDateAliases(IReadOnlyList<DocumentProfile> members)
    {
        var support = new Dictionary<DateOnly, HashSet<int>>();
        var yearless = new HashSet<DateOnly>();
        var withYear = new HashSet<DateOnly>();
        foreach (var p in members)
            foreach (var t in p.Doc.Times)
            {
                if (t.Type != TimexType.DATE || DocumentProfile.DayOf(t.Value) is not { } d) continue;
                if (!support.TryGetValue(d, out var set)) support[d] = set = [];
                set.Add(p.CopyOf);
                (HasYear(t.Text) ? withYear : yearless).Add(d);
            }
        var aliases = new Dictionary<DateOnly, DateOnly>();
        foreach (var d in yearless)
        {
            if (withYear.Contains(d)) continue;
            for (int back = 1; back <= 2; back++)
            {
                var earlier = d.AddYears(-back);
                if (support.TryGetValue(earlier, out var e) && e.Count >= 2 && e.Count >= 2 * support[d].Count)
                {
                    aliases[d] = earlier;
                    break;
                }
            }
        }
        return aliases;
    }

    public StoryCluster Cluster { get; }

    public Vocabulary Vocab { get; }

    public StoryOptions Options { get; }

    public IReadOnlyList<DocumentProfile> Members { get; }

    public SparseVector Centre { get; }

    public SparseVector SentenceVector(DocumentProfile p, int s)
    {
        var terms = p.SentenceTerms[s];
        if (terms.Length == 0) return SparseVector.Empty;
        var w = new Dictionary<int, float>(terms.Length);
        foreach (int t in terms)
        {
            w.TryGetValue(t, out float c);
            w[t] = c + 1;
        }
        foreach (var k in w.Keys.ToArray()) w[k] = (float)(1 + Math.Log(w[k])) * Vocab.Idf(k);
        return SparseVector.From(w, int.MaxValue);
    }

    public int WordsIn(DocumentProfile p, int s)
    {
        var sent = p.Doc.Sentences[s];
        int n = 0;
        bool inWord = false;
        var text = p.Doc.Text;
        for (int i = sent.Start; i < sent.End; i++)
        {
            bool w = char.IsLetterOrDigit(text[i]);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }

    /// <summary>A sentence fit to be shown on its own: complete, of reasonable length, not page furniture.</summary>
    public bool IsReportable(DocumentProfile p, int s)
    {
        var sent = p.Doc.Sentences[s];
        if (sent.End <= sent.Start) return false;
        var text = p.Doc.Text;
        int words = WordsIn(p, s);
        if (words < Options.MinSentenceWords || words > Options.MaxSentenceWords) return false;
        char last = text[sent.End - 1];
        if (!Terminals.Contains(last)) return false;
        bool lower = false;
        for (int i = sent.Start; i < sent.End && !lower; i++) lower = char.IsLower(text[i]);
        if (!lower) return false;
        return !Boilerplate.Matches(text.Substring(sent.Start, sent.End - sent.Start));
    }

    /// <summary>How close a sentence is to the story's centre (its centrality).</summary>
    public double Centrality(DocumentProfile p, int s) => SentenceVector(p, s).Dot(Centre);
}
