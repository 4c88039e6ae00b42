using Storyline.Documents;

namespace Storyline.Language.Entities;

/// <summary>One resolved name: its canonical form, type, the surface forms seen and how often.</summary>
public sealed record NameEntry(string Canonical, EntityType Type, IReadOnlyList<string> Aliases, int Mentions);

/// <summary>The names of a story: canonical name → aliases, with lookup by any alias.</summary>
public sealed class NameIndex
{
    private readonly Dictionary<string, NameEntry> _byCanonical;
    private readonly Dictionary<string, string> _byAlias;

    internal NameIndex(Dictionary<string, NameEntry> byCanonical)
    {
        _byCanonical = byCanonical;
        _byAlias = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in byCanonical.Values)
            foreach (var a in e.Aliases)
                _byAlias.TryAdd(a, e.Canonical);
    }

    public IReadOnlyCollection<NameEntry> Entries => _byCanonical.Values;

    public NameEntry? this[string canonical] => _byCanonical.GetValueOrDefault(canonical);

    /// <summary>The canonical name an alias (or canonical name) resolves to, or null.</summary>
    public string? Resolve(string alias) =>
        _byCanonical.ContainsKey(alias) ? alias : _byAlias.GetValueOrDefault(alias);

    /// <summary>Builds the index from documents whose entities carry canonical names.</summary>
    public static NameIndex Build(IEnumerable<AnnotatedDocument> documents)
    {
        var aliases = new Dictionary<(string, EntityType), SortedSet<string>>();
        var counts = new Dictionary<(string, EntityType), int>();
        foreach (var d in documents)
        {
            foreach (var e in d.Entities)
            {
                var key = (e.Canonical, e.Type);
                if (!aliases.TryGetValue(key, out var set)) aliases[key] = set = new SortedSet<string>(StringComparer.Ordinal);
                set.Add(e.Text);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        var byCanonical = new Dictionary<string, NameEntry>(StringComparer.Ordinal);
        // one entry per canonical name: the type it carries most often
        foreach (var group in counts.GroupBy(kv => kv.Key.Item1))
        {
            var top = group.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Item2).First();
            var all = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var kv in group) all.UnionWith(aliases[kv.Key]);
            byCanonical[group.Key] = new NameEntry(group.Key, top.Key.Item2, [.. all], group.Sum(kv => kv.Value));
        }
        return new NameIndex(byCanonical);
    }
}

/// <summary>
/// Resolves short and partial mentions to full names: within a document ("Biden" → "Joe Biden",
/// "IDF" → "Israel Defense Forces" where the text defines it or the initials match) and across the
/// documents of a story (a bare "Biden" in one article → "Joe Biden" seen in another).
/// </summary>
public static class NameResolver
{
    /// <summary>
    /// Spelling variants of a few names that news writes many ways, mapped to one canonical form and its
    /// type (a country is a place even where it acts, as in the usual news convention).
    /// </summary>
    private static readonly Dictionary<string, (string Canonical, EntityType Type)> Variants = new(StringComparer.Ordinal)
    {
        ["U.S."] = ("United States", EntityType.LOC), ["US"] = ("United States", EntityType.LOC),
        ["U.S.A."] = ("United States", EntityType.LOC), ["USA"] = ("United States", EntityType.LOC),
        ["United States"] = ("United States", EntityType.LOC), ["United States of America"] = ("United States", EntityType.LOC),
        ["America"] = ("United States", EntityType.LOC),
        ["U.K."] = ("United Kingdom", EntityType.LOC), ["UK"] = ("United Kingdom", EntityType.LOC),
        ["Britain"] = ("United Kingdom", EntityType.LOC), ["Great Britain"] = ("United Kingdom", EntityType.LOC),
        ["United Kingdom"] = ("United Kingdom", EntityType.LOC),
        ["U.N."] = ("United Nations", EntityType.ORG), ["UN"] = ("United Nations", EntityType.ORG),
        ["United Nations"] = ("United Nations", EntityType.ORG),
        ["EU"] = ("European Union", EntityType.ORG), ["E.U."] = ("European Union", EntityType.ORG),
        ["European Union"] = ("European Union", EntityType.ORG),
    };

    /// <summary>Full-name mentions needed before a differently typed bare surname is taken for the person.</summary>
    private const int MinRetypeEvidence = 2;

    /// <summary>Longest acronym accepted, in characters.</summary>
    private const int MaxAcronym = 8;

    /// <summary>
    /// Unifies canonical names across the documents of a story and returns the documents with updated
    /// entities. Single-word person names go to the one full name with that surname; acronyms go to the
    /// organisation whose initials they are.
    /// </summary>
    public static IReadOnlyList<AnnotatedDocument> ResolveAcross(IReadOnlyList<AnnotatedDocument> docs)
    {
        // "Ed Chernoff" in one article and "Edward Chernoff" in another are one person
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in docs)
            foreach (var e in d.Entities)
                if (e.Type == EntityType.PER && e.Canonical.Contains(' ')) people[e.Canonical] = people.GetValueOrDefault(e.Canonical) + 1;
        var unified = UnifyGivenNames(people);
        string Unified(string name) => unified.GetValueOrDefault(name) ?? name;

        var surnames = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var orgInitials = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var d in docs)
        {
            foreach (var e in d.Entities)
            {
                var words = e.Canonical.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (e.Type == EntityType.PER && words.Length >= 2)
                    Count(surnames, words[^1], Unified(e.Canonical));
                if (e.Type != EntityType.PER && words.Length >= 2 && Initials(words) is { } ini)
                    Count(orgInitials, ini, e.Canonical);
            }
        }
        var result = new AnnotatedDocument[docs.Count];
        for (int i = 0; i < docs.Count; i++)
        {
            var d = docs[i];
            var changed = new List<Entity>(d.Entities.Count);
            foreach (var e in d.Entities)
            {
                string? better = null;
                var type = e.Type;
                if (!e.Canonical.Contains(' '))
                {
                    if (e.Type == EntityType.PER) better = Dominant(surnames, e.Canonical);
                    else if (IsAcronym(e.Canonical)) better = Dominant(orgInitials, e.Canonical);
                    // a surname the story knows well is that person even where the tagger typed it otherwise
                    if (better is null && e.Type != EntityType.PER && Dominant(surnames, e.Canonical, MinRetypeEvidence) is { } person)
                    {
                        better = person;
                        type = EntityType.PER;
                    }
                }
                else if (e.Type == EntityType.PER && unified.TryGetValue(e.Canonical, out var same)) better = same;
                changed.Add(better is null ? e : e with { Canonical = better, Type = type });
            }
            // Speakers named by surname alone take the full name the story gives them, like the entities.
            var quotes = d.Quotes;
            string? FullSpeaker(string sp) => sp.Contains(' ') ? unified.GetValueOrDefault(sp) : Dominant(surnames, sp);
            if (quotes.Any(q => q.Speaker is { } sp && FullSpeaker(sp) is not null))
                quotes = [.. quotes.Select(q => q.Speaker is { } sp && FullSpeaker(sp) is { } full ? q with { Speaker = full } : q)];
            result[i] = d with { Entities = changed, Quotes = quotes };
        }
        return result;
    }

    /// <summary>Resolves across documents and builds the story's name index in one call.</summary>
    public static (IReadOnlyList<AnnotatedDocument> Documents, NameIndex Index) ResolveAndIndex(IReadOnlyList<AnnotatedDocument> docs)
    {
        var resolved = ResolveAcross(docs);
        return (resolved, NameIndex.Build(resolved));
    }

    private static void Count(Dictionary<string, Dictionary<string, int>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var c)) map[key] = c = new Dictionary<string, int>(StringComparer.Ordinal);
        c[value] = c.GetValueOrDefault(value) + 1;
    }

    /// <summary>The value clearly most frequent for a key (at least twice the runner-up), or null.</summary>
    private static string? Dominant(Dictionary<string, Dictionary<string, int>> map, string key, int minCount = 1)
    {
        if (!map.TryGetValue(key, out var c)) return null;
        string? best = null;
        int top = 0, second = 0;
        foreach (var (v, n) in c.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (n > top) { second = top; top = n; best = v; }
            else if (n > second) second = n;
        }
        return top >= 2 * second && top >= minCount ? best : null;
    }

    /// <summary>Initials of the capitalised words ("Israel Defense Forces" → "IDF"), or null when too short.</summary>
    private static string? Initials(string[] words)
    {
        Span<char> buf = stackalloc char[MaxAcronym];
        int n = 0;
        foreach (var w in words)
        {
            if (w.Length == 0 || !char.IsUpper(w[0])) continue;
            if (n == MaxAcronym) return null;
            buf[n++] = w[0];
        }
        return n >= 2 ? new string(buf[..n]) : null;
    }

    private static bool IsAcronym(ReadOnlySpan<char> s)
    {
        if (s.Length is < 2 or > MaxAcronym) return false;
        int upper = 0;
        foreach (char c in s)
        {
            if (char.IsUpper(c)) upper++;
            else if (!char.IsDigit(c) && c != '&') return false;
        }
        return upper >= 2;
    }

    /// <summary>
    /// Within one document: adds bare mentions the tagger missed (a known surname, a defined acronym),
    /// harmonises their types, and sets every mention's canonical name.
    /// </summary>
    internal static void ResolveWithin(string text, Token[] tokens, List<Mention> mentions)
    {
        string Surface(Mention m) => EntityBuilder.Clean(text.AsSpan(tokens[m.First].Start, tokens[m.End - 1].End - tokens[m.First].Start));
        string Word(int i) => text.Substring(tokens[i].Start, tokens[i].End - tokens[i].Start);

        // 1. Acronyms defined in the text: "Israel Defense Forces (IDF)". The words before the bracket whose
        //    initials spell the acronym are the name, whatever the tagger made of them.
        var acronyms = new Dictionary<string, Mention>(StringComparer.Ordinal);
        for (int i = 1; i + 2 < tokens.Length; i++)
        {
            if (text[tokens[i].Start] != '(' || text[tokens[i + 2].Start] != ')') continue;
            var candidate = Word(i + 1);
            if (!IsAcronym(candidate) || acronyms.ContainsKey(candidate)) continue;
            int first = InitialsStart(text, tokens, i, candidate);
            if (first < 0) continue;
            var exact = mentions.Find(m => m.First == first && m.End == i);
            if (exact is null)
            {
                mentions.RemoveAll(m => m.First < i && first < m.End);
                exact = new Mention(first, i, EntityType.ORG);
                mentions.Add(exact);
                mentions.Sort((a, b) => a.First.CompareTo(b.First));
            }
            acronyms[candidate] = exact;
        }
        foreach (var m in mentions)
        {
            int open = m.End;
            if (open + 2 < tokens.Length && text[tokens[open].Start] == '(' && text[tokens[open + 2].Start] == ')')
            {
                var candidate = Word(open + 1);
                if (IsAcronym(candidate) && m.Length >= 2 && char.ToUpperInvariant(candidate[0]) == char.ToUpperInvariant(text[tokens[m.First].Start]))
                    acronyms.TryAdd(candidate, m);
            }
        }

        // 2. Full person names by surname.
        var surnames = new Dictionary<string, Mention>(StringComparer.Ordinal);
        foreach (var m in mentions)
            if (m.Type == EntityType.PER && m.Length >= 2)
            {
                var last = Word(m.End - 1);
                if (last.Length >= 2 && char.IsUpper(last[0])) surnames.TryAdd(last, m);
            }

        // 3. Bare mentions the tagger left out, and type agreement for single words.
        var covered = new bool[tokens.Length];
        foreach (var m in mentions)
        {
            for (int k = m.First; k < m.End; k++) covered[k] = true;
            if (m.RoleFirst >= 0) for (int k = m.RoleFirst; k < m.First; k++) covered[k] = true;
        }
        var added = new List<Mention>();
        for (int i = 0; i < tokens.Length; i++)
        {
            if (covered[i] || tokens[i].Kind != TokenKind.Word || !char.IsUpper(text[tokens[i].Start])) continue;
            var w = Word(i);
            if (acronyms.TryGetValue(w, out var def)) added.Add(new Mention(i, i + 1, def.Type));
            else if (surnames.ContainsKey(w) && w.Length >= 3) added.Add(new Mention(i, i + 1, EntityType.PER));
        }
        if (added.Count > 0)
        {
            mentions.AddRange(added);
            mentions.Sort((a, b) => a.First.CompareTo(b.First));
        }
        foreach (var m in mentions)
        {
            if (m.Length != 1) continue;
            var w = Word(m.First);
            if (acronyms.TryGetValue(w, out var def)) m.Type = def.Type;
            else if (m.Type != EntityType.PER && surnames.ContainsKey(w)) m.Type = EntityType.PER;
        }

        // 4. Canonical names.
        var initials = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (m.Type == EntityType.PER || m.Length < 2) continue;
            var words = Surface(m).Split(' ');
            if (Initials(words) is { } ini) initials.TryAdd(ini, Canonicalise(Surface(m)));
        }
        var fullNames = FullNamesBySuffix(mentions, Surface);
        var byGivenName = FullNamesByGivenName(mentions, Surface);
        var orgsByLastWord = OrganisationsByLastWord(mentions, Surface);
        foreach (var m in mentions)
        {
            var surface = Surface(m);
            if (m.Type == EntityType.PER)
                m.Canonical = fullNames.GetValueOrDefault(surface)
                    ?? (m.Length == 1 && m.RoleFirst < 0 ? byGivenName.GetValueOrDefault(surface) : null)
                    ?? surface;
            else if (acronyms.TryGetValue(surface, out var def) && def != m)
                m.Canonical = Canonicalise(Surface(def));
            else if (IsAcronym(surface) && !Variants.ContainsKey(surface) && initials.TryGetValue(surface, out var full))
                m.Canonical = full;
            else if (m.Type == EntityType.ORG && m.Length == 1 && orgsByLastWord.TryGetValue(surface, out var longer))
                m.Canonical = longer;
            else
                m.Canonical = Canonicalise(surface);
            if (m.Type != EntityType.PER && Variants.TryGetValue(surface, out var variant)) m.Type = variant.Type;
        }

        // 5. "Ed Chernoff" and "Edward Chernoff": one person, under the form the article uses most.
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in mentions)
            if (m.Type == EntityType.PER && m.Canonical is { } c) people[c] = people.GetValueOrDefault(c) + 1;
        var unified = UnifyGivenNames(people);
        if (unified.Count > 0)
            foreach (var m in mentions)
                if (m.Type == EntityType.PER && m.Canonical is { } c && unified.TryGetValue(c, out var same)) m.Canonical = same;
    }

    /// <summary>
    /// Full person names that differ only in the form of the given name ("Ed Chernoff", "Edward Chernoff"):
    /// each variant mapped to the most used form (on a tie, the longer given name, then the first in order).
    /// </summary>
    internal static Dictionary<string, string> UnifyGivenNames(IReadOnlyDictionary<string, int> counts)
    {
        var byRest = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in counts.Keys.Order(StringComparer.Ordinal))
        {
            int cut = name.IndexOf(' ');
            if (cut <= 0) continue;
            var rest = name[(cut + 1)..];
            if (!byRest.TryGetValue(rest, out var list)) byRest[rest] = list = [];
            list.Add(name);
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var list in byRest.Values)
        {
            if (list.Count < 2) continue;
            foreach (var name in list)
            {
                string given = name[..name.IndexOf(' ')];
                string best = name;
                foreach (var other in list)
                {
                    if (other == name || !GivenNames.Match(given, other[..other.IndexOf(' ')])) continue;
                    if (Preferred(other, best)) best = other;
                }
                if (best != name) result[name] = best;
            }
        }
        // a variant maps straight to the final form even when forms chain ("Mike" → "Michael" ← "Mick")
        foreach (var key in result.Keys.ToList())
        {
            var target = result[key];
            for (int hops = 0; hops < 4 && result.TryGetValue(target, out var next); hops++) target = next;
            result[key] = target;
        }
        return result;

        bool Preferred(string a, string b)
        {
            int ca = counts[a], cb = counts[b];
            if (ca != cb) return ca > cb;
            int ga = a.IndexOf(' '), gb = b.IndexOf(' ');
            if (ga != gb) return ga > gb;
            return string.CompareOrdinal(a, b) < 0;
        }
    }

    /// <summary>
    /// Organisations named by their last word alone ("the Post" after "The Washington Post"), when exactly one
    /// longer organisation in the document ends in that word and the word is not a generic head such as
    /// "Council" or "Department".
    /// </summary>
    private static Dictionary<string, string> OrganisationsByLastWord(List<Mention> mentions, Func<Mention, string> surfaceOf) =>
        Unambiguous(mentions
            .Where(m => m.Type == EntityType.ORG && m.Length >= 2)
            .Select(m => Canonicalise(surfaceOf(m)))
            .Where(full => full.Contains(' '))
            .Select(full => (Key: full[(full.LastIndexOf(' ') + 1)..], Full: full))
            .Where(c => c.Key.Length >= 3 && char.IsUpper(c.Key[0]) && !PersonTitles.OrganisationHeads.Contains(c.Key)));

    /// <summary>Each key mapped to its value when all its pairs agree on one value; keys with two values are left out.</summary>
    private static Dictionary<string, string> Unambiguous(IEnumerable<(string Key, string Full)> pairs)
    {
        var candidates = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, full) in pairs)
            candidates[key] = candidates.TryGetValue(key, out var seen) && seen != full ? null : full;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, full) in candidates)
            if (full is not null) result[key] = full;
        return result;
    }

    /// <summary>
    /// Given names that belong to exactly one multi-word person name in the document ("Katherine" →
    /// "Katherine Jackson"); a given name shared by two people resolves to neither.
    /// </summary>
    private static Dictionary<string, string> FullNamesByGivenName(List<Mention> mentions, Func<Mention, string> surfaceOf) =>
        Unambiguous(mentions
            .Where(m => m.Type == EntityType.PER && m.Length >= 2)
            .Select(m => surfaceOf(m))
            .Where(full => full.IndexOf(' ') >= 3)
            .Select(full => (Key: full[..full.IndexOf(' ')], Full: full))
            .Where(c => char.IsUpper(c.Key[0]) && !c.Key.EndsWith('.')));

    /// <summary>Words that may sit inside a name without giving an initial ("Ministry of Defence").</summary>
    private static readonly HashSet<string> InitialsSkip = new(StringComparer.Ordinal) { "of", "and", "for", "the", "&" };

    /// <summary>
    /// The first token of the words just before <paramref name="end"/> whose capitalised initials spell the
    /// acronym exactly ("Israel Defense Forces" before "(IDF)"), or -1.
    /// </summary>
    private static int InitialsStart(string text, Token[] tokens, int end, string acronym)
    {
        var letters = acronym.Where(char.IsLetter).ToArray();
        int need = letters.Length - 1, k = end - 1;
        while (k >= 0 && need >= 0 && end - k <= 2 * letters.Length + 2)
        {
            var w = text.AsSpan(tokens[k].Start, tokens[k].End - tokens[k].Start);
            if (tokens[k].Kind == TokenKind.Word && char.IsUpper(w[0]))
            {
                if (char.ToUpperInvariant(w[0]) != char.ToUpperInvariant(letters[need])) return -1;
                need--;
                if (need < 0) return k;
            }
            else if (!InitialsSkip.Contains(w.ToString())) return -1;
            k--;
        }
        return -1;
    }

    /// <summary>
    /// For every proper word suffix of a multi-word person name in the document, the full name it stands
    /// for: "Biden" → "Joe Biden", "Suu Kyi" → "Aung San Suu Kyi". With several candidates, the most
    /// frequent, then the longest, then the first seen.
    /// </summary>
    private static Dictionary<string, string> FullNamesBySuffix(List<Mention> mentions, Func<Mention, string> surfaceOf)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var m in mentions)
        {
            if (m.Type != EntityType.PER || m.Length < 2) continue;
            var full = surfaceOf(m);
            if (!counts.TryGetValue(full, out int c)) order.Add(full);
            counts[full] = c + 1;
        }
        var best = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var full in order)
        {
            for (int cut = full.IndexOf(' '); cut >= 0; cut = full.IndexOf(' ', cut + 1))
            {
                var suffix = full[(cut + 1)..];
                if (!best.TryGetValue(suffix, out var current) || Better(full, current)) best[suffix] = full;
            }
        }
        return best;

        bool Better(string candidate, string current)
        {
            int a = counts[candidate], b = counts[current];
            if (a != b) return a > b;
            return candidate.Count(ch => ch == ' ') > current.Count(ch => ch == ' ');
        }
    }

    /// <summary>The canonical form of a non-person name: known variants unified, a leading "the" dropped.</summary>
    private static string Canonicalise(string surface)
    {
        if (surface.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && surface.Length > 4) surface = surface[4..];
        return Variants.TryGetValue(surface, out var v) ? v.Canonical : surface;
    }
}
