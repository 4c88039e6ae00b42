using Storyline.Documents;
using static Storyline.Language.Quotes.SpeechLexicon;

namespace Storyline.Language.Quotes;

/// <summary>A person mentioned in the text, with the canonical name it refers to.</summary>
internal readonly record struct PersonMention(int Start, int End, string Canonical);

/// <summary>
/// Person mentions for attribution. Uses the entity layer when it holds persons (their canonical names);
/// otherwise a small fallback: runs of capitalised words, titles stripped, of at least two words that are
/// not organisation or place words, and later single-word mentions of the same surname ("Kirby" → "John Kirby").
/// </summary>
internal static class PersonMentions
{
    public static PersonMention[] Find(AnnotatedDocument doc)
    {
        var list = new List<PersonMention>();
        foreach (var e in doc.Entities)
            if (e.Type == EntityType.PER)
                list.Add(new PersonMention(e.Span.Start, e.Span.End, string.IsNullOrEmpty(e.Canonical) ? e.Text : e.Canonical));
        if (list.Count > 0 || doc.Entities.Count > 0)
        {
            list.Sort((a, b) => a.Start.CompareTo(b.Start));
            return FullNames(list);
        }
        return Fallback(doc);
    }

    /// <summary>
    /// A surname alone takes the fullest name the document gives the same surname ("Biden" → "Joe Biden"),
    /// so every mention of one person carries one canonical name.
    /// </summary>
    private static PersonMention[] FullNames(List<PersonMention> list)
    {
        var bySurname = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in list)
        {
            var sur = Surname(p.Canonical);
            if (sur.Length == 0) continue;
            if (!bySurname.TryGetValue(sur, out var known) || known.Length < p.Canonical.Length) bySurname[sur] = p.Canonical;
        }
        var result = new PersonMention[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            var p = list[i];
            var sur = Surname(p.Canonical);
            result[i] = sur.Length > 0 && bySurname.TryGetValue(sur, out var full) && full.Length > p.Canonical.Length &&
                        full.EndsWith(p.Canonical, StringComparison.OrdinalIgnoreCase)
                ? p with { Canonical = full }
                : p;
        }
        return result;
    }

    private static string Surname(string name)
    {
        int sp = name.LastIndexOf(' ');
        return sp < 0 ? name : name[(sp + 1)..];
    }

    private static PersonMention[] Fallback(AnnotatedDocument doc)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        var surnames = new Dictionary<string, string>(StringComparer.Ordinal);
        var runs = new List<(int First, int Last)>();
        int i = 0;
        while (i < tokens.Length)
        {
            if (!IsCapWord(text, tokens[i])) { i++; continue; }
            int j = i;
            while (j + 1 < tokens.Length && IsCapWord(text, tokens[j + 1]) && !HasBreak(text, tokens[j].End, tokens[j + 1].Start)) j++;
            runs.Add((i, j));
            i = j + 1;
        }
        var full = new List<(int First, int Last)>();
        foreach (var (first, last) in runs)
        {
            int f = first;
            while (f <= last && TitleWords.Contains(Word(text, tokens[f]))) f++;
            if (last - f + 1 < 2 || last - f + 1 > 4) continue;
            bool ok = true;
            for (int k = f; k <= last && ok; k++)
                ok = !NotPersonWords.Contains(Word(text, tokens[k])) && !TitleWords.Contains(Word(text, tokens[k]));
            // a run followed by an organisation word belongs to that organisation ("Biden administration" is handled below)
            if (!ok) continue;
            full.Add((f, last));
            var name = text[tokens[f].Start..tokens[last].End];
            var sur = Word(text, tokens[last]);
            if (!surnames.TryGetValue(sur, out var known) || known.Length < name.Length) surnames[sur] = name;
        }
        var result = new List<PersonMention>();
        var covered = new HashSet<int>();
        foreach (var (f, l) in full)
        {
            var sur = Word(text, tokens[l]);
            result.Add(new PersonMention(tokens[f].Start, tokens[l].End, surnames[sur]));
            for (int k = f; k <= l; k++) covered.Add(k);
        }
        for (int k = 0; k < tokens.Length; k++)
        {
            if (covered.Contains(k) || !IsCapWord(text, tokens[k])) continue;
            var w = Word(text, tokens[k]);
            if (surnames.TryGetValue(w, out var canonical))
                result.Add(new PersonMention(tokens[k].Start, tokens[k].End, canonical));
        }
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return [.. result];
    }

    private static string Word(string text, Token t) => text.Substring(t.Start, t.End - t.Start);

    private static bool IsCapWord(string text, Token t) =>
        t.Kind == TokenKind.Word && char.IsUpper(text[t.Start]) && !(t.End - t.Start == 1 && text[t.Start] == 'I');

    private static bool HasBreak(string text, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (text[k] is '\n' or ',' or '.' or ';' or ':' or '"' or '\u201C' or '\u201D' or '(' or ')') return true;
        return false;
    }
}
