using Storyline.Documents;

namespace Storyline.Stories;

/// <summary>
/// Alternative words that name one thing with different connotations. <see cref="AnchorToDate"/>: the thing is
/// a dated event, so each use is tied to the date named beside it ("the Oct. 7 massacre" → 2023-10-07).
/// </summary>
public sealed record WordingFamily(string Concept, IReadOnlyList<string> Words, bool AnchorToDate = false)
{
    /// <summary>Word families newsrooms are known to choose between; words are in normalised form (lower case, singular).</summary>
    public static IReadOnlyList<WordingFamily> Defaults { get; } =
    [
        new("the attack", ["massacre", "attack", "attacked", "strike", "raid", "incursion", "pogrom", "atrocity", "onslaught", "rampage", "slaughter", "terror"], AnchorToDate: true),
        new("the armed group's members", ["terrorist", "militant", "fighter", "gunman", "gunmen", "insurgent", "rebel", "extremist", "jihadist", "combatant", "resistance"]),
        new("the war", ["war", "offensive", "assault", "campaign", "operation", "invasion", "retaliation", "genocide", "aggression", "bombardment", "hostilities", "conflict"]),
        new("the captives", ["hostage", "captive", "abductee", "prisoner", "detainee"]),
    ];
}

/// <summary>The words outlets choose for actors and events, side by side, and which outlets attribute claims.</summary>
internal static class Wording
{
    /// <summary>Phrases that attribute a claim to someone rather than stating it.</summary>
    public static readonly string[] AttributionCues =
    [
        "according to", " said", " says", " say ", " told", "claimed", "claims", "reported", "reportedly", "alleged",
        "allegedly", "cited", "citing", "stated", "quoted", "estimates", "estimated", "figures from", "data from",
    ];

    private const int AnchorChars = 48;

    public static IReadOnlyList<WordingRow> Build(StoryContext ctx, IReadOnlyList<WordingFamily> families)
    {
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < families.Count; i++)
            foreach (var w in families[i].Words) lookup.TryAdd(w, i);

        // (family, target) → outlet → term → uses
        var rows = new Dictionary<(int Family, string? Target), Dictionary<string, Dictionary<string, List<CitedSentence>>>>();
        var words = new List<(int Start, int End)>();
        foreach (var p in ctx.Members)
        {
            var doc = p.Doc;
            for (int s = 0; s < doc.Sentences.Length; s++)
            {
                words.Clear();
                var sent = doc.Sentences[s];
                Terms.Words(doc.Text, sent.Start, sent.End, words);
                foreach (var (ws, we) in words)
                {
                    var span = doc.Text.AsSpan(ws, we - ws);
                    if (!char.IsLetter(span[0])) continue;
                    string norm = Terms.Normalize(span);
                    if (!lookup.TryGetValue(norm, out int fam)) continue;
                    string? target = families[fam].AnchorToDate ? DateNear(ctx, doc, ws, sent.Span) : null;
                    var key = (fam, target);
                    if (!rows.TryGetValue(key, out var outlets)) rows[key] = outlets = new(StringComparer.Ordinal);
                    if (!outlets.TryGetValue(p.OutletLabel, out var terms)) outlets[p.OutletLabel] = terms = new(StringComparer.Ordinal);
                    string term = span.ToString().ToLowerInvariant();
                    if (!terms.TryGetValue(term, out var uses)) terms[term] = uses = [];
                    uses.Add(new CitedSentence(doc.SentenceText(s), p.Cite(s)));
                }
            }
        }

        var result = new List<(WordingRow Row, int Outlets, int Uses, int Terms)>();
        foreach (var ((fam, target), outlets) in rows)
        {
            var list = new List<OutletWording>();
            int uses = 0;
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (outlet, terms) in outlets.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                var tl = new List<TermUse>();
                foreach (var (term, cites) in terms.OrderByDescending(t => t.Value.Count).ThenBy(t => t.Key, StringComparer.Ordinal))
                {
                    tl.Add(new TermUse(term, cites.Count, cites.Take(ctx.Options.WordingCitations).ToList()));
                    uses += cites.Count;
                    distinct.Add(Terms.Normalize(term));
                }
                list.Add(new OutletWording(outlet, tl));
            }
            // A row says something only when outlets can be compared or the words differ.
            if (outlets.Count < 2 && distinct.Count < 2) continue;
            string concept = families[fam].Concept + (target is null ? "" : " of " + target);
            result.Add((new WordingRow(concept, target, list), outlets.Count, uses, distinct.Count));
        }
        result.Sort((a, b) =>
        {
            // Dated rows first (they name a specific event), then rows where outlets differ most.
            bool da = a.Row.Target is not null, db = b.Row.Target is not null;
            if (da != db) return da ? -1 : 1;
            int c = b.Terms.CompareTo(a.Terms);
            if (c != 0) return c;
            c = b.Outlets.CompareTo(a.Outlets);
            return c != 0 ? c : b.Uses.CompareTo(a.Uses);
        });
        return result.Take(12).Select(r => r.Row).ToList();
    }

    /// <summary>The day-precision date of a time expression close to the word, in the same sentence.</summary>
    private static string? DateNear(StoryContext ctx, AnnotatedDocument doc, int offset, TextSpan sentence)
    {
        string? best = null;
        int bestDist = AnchorChars + 1;
        foreach (var t in doc.Times)
        {
            if (!sentence.Contains(t.Span) || ctx.Day(t) is not { } day) continue;
            int dist = t.Span.End <= offset ? offset - t.Span.End : Math.Max(0, t.Span.Start - offset);
            if (dist < bestDist) { bestDist = dist; best = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture); }
        }
        return best;
    }

    /// <summary>Per outlet: claims (sentences carrying a figure or a word of a family) attributed to someone, and stated as fact.</summary>
    public static IReadOnlyList<OutletAttribution> Attribution(StoryContext ctx, IReadOnlyList<WordingFamily> families)
    {
        var familyWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in families) foreach (var w in f.Words) familyWords.Add(w);
        var byOutlet = new Dictionary<string, (int A, int F, List<CitedSentence> AE, List<CitedSentence> FE)>(StringComparer.Ordinal);
        var words = new List<(int Start, int End)>();
        foreach (var p in ctx.Members)
        {
            var doc = p.Doc;
            var claimSentences = new SortedSet<int>();
            var sourced = new HashSet<int>();
            foreach (var f in doc.Figures)
            {
                int s = doc.SentenceAt(f.Span.Start);
                if (s < 0) continue;
                claimSentences.Add(s);
                if (!string.IsNullOrWhiteSpace(f.Source)) sourced.Add(s);
            }
            for (int s = 0; s < doc.Sentences.Length; s++)
            {
                words.Clear();
                var sent = doc.Sentences[s];
                Terms.Words(doc.Text, sent.Start, sent.End, words);
                foreach (var (ws, we) in words)
                    if (familyWords.Contains(Terms.Normalize(doc.Text.AsSpan(ws, we - ws)))) { claimSentences.Add(s); break; }
            }
            var quoted = new HashSet<int>();
            foreach (var q in doc.Quotes)
            {
                int s = doc.SentenceAt(q.Span.Start);
                if (s >= 0) quoted.Add(s);
            }
            if (!byOutlet.TryGetValue(p.OutletLabel, out var acc)) acc = (0, 0, [], []);
            foreach (int s in claimSentences)
            {
                if (!ctx.IsReportable(p, s)) continue;
                string text = doc.SentenceText(s);
                bool attributed = sourced.Contains(s) || quoted.Contains(s) || HasCue(text);
                var cite = new CitedSentence(text, p.Cite(s));
                if (attributed) { acc.A++; if (acc.AE.Count < 2) acc.AE.Add(cite); }
                else { acc.F++; if (acc.FE.Count < 2) acc.FE.Add(cite); }
            }
            byOutlet[p.OutletLabel] = acc;
        }
        return byOutlet.OrderBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => new OutletAttribution(k.Key, k.Value.A, k.Value.F, k.Value.AE, k.Value.FE))
            .ToList();
    }

    private static bool HasCue(string sentence)
    {
        var lower = sentence.ToLowerInvariant();
        foreach (var cue in AttributionCues)
            if (lower.Contains(cue, StringComparison.Ordinal)) return true;
        return false;
    }
}
