using System.Text;
using Storyline.Documents;

namespace Storyline.Language.Entities;

/// <summary>A mention being built: a token range, its type, and what the resolution steps learn.</summary>
internal sealed class Mention(int first, int end, EntityType type)
{
    public int First = first;
    public int End = end;
    public EntityType Type = type;
    public int RoleFirst = -1;
    /// <summary>Token range of a role given in apposition ("Ines Barrow, a structural engineer, said"), or -1.</summary>
    public int AppositionFirst = -1, AppositionEnd = -1;
    public string? Canonical;

    public int Length => End - First;
}

/// <summary>
/// Turns token labels into entity mentions: splits titles off person names into roles, attaches the
/// role words in front of a name ("White House national security spokesperson John Kirby"), finds the
/// later bare mentions of a person's surname and of an organisation's acronym, and resolves every
/// mention to a canonical name within the document.
/// </summary>
internal static class EntityBuilder
{
    /// <summary>Longest role, in tokens, looked for in front of a name.</summary>
    private const int MaxRoleTokens = 8;

    /// <summary>Courtesy titles: split off names, but not roles.</summary>

    /// <summary>Words that may sit inside a role but neither start nor end it.</summary>
    private static readonly HashSet<string> RoleInnerOnly = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "for", "and" };

    public static IReadOnlyList<Entity> Build(AnnotatedDocument document, int[] labels)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var mentions = Spans(labels);
        TrimPunctuation(tokens, mentions);
        // nobody is named by an initial alone ("said on X." is the platform, not a person)
        mentions.RemoveAll(m => m.Type == EntityType.PER && m.Length == 1 && IsInitial(Word(text, tokens, m.First)));
        var split = new List<Mention>();
        foreach (var m in mentions)
            if (m.Type != EntityType.PER && SplitMergedPerson(text, tokens, m) is { } qualifier) split.Add(qualifier);
        if (split.Count > 0)
        {
            mentions.AddRange(split);
            mentions.Sort((a, b) => a.First.CompareTo(b.First));
        }
        AlignListedPeople(text, tokens, mentions);
        SplitAtInnerHonorifics(text, tokens, mentions);
        TrimTrailingTitles(text, tokens, mentions);
        foreach (var m in mentions)
            if (m.Type == EntityType.PER) SplitTitles(text, tokens, m);
        var byEnd = new Dictionary<int, Mention>();
        foreach (var m in mentions) byEnd[m.End] = m;
        foreach (var m in mentions)
            if (m.Type == EntityType.PER) FindRole(text, tokens, byEnd, m);
        foreach (var m in mentions)
            if (m.Type == EntityType.PER && m.RoleFirst < 0) FindApposition(text, tokens, m);
        NameResolver.ResolveWithin(text, tokens, mentions);

        var result = new List<Entity>(mentions.Count);
        foreach (var m in mentions)
        {
            var span = new TextSpan(tokens[m.First].Start, tokens[m.End - 1].End);
            var surface = Clean(span.SliceOf(text));
            string? role = m.RoleFirst >= 0 ? Clean(text.AsSpan(tokens[m.RoleFirst].Start, tokens[m.First - 1].End - tokens[m.RoleFirst].Start)) : null;
            if (role is not null && PersonTitles.Courtesy.Contains(role)) role = null; // "Mr." is a courtesy, not a role
            if (role is null && m.AppositionFirst >= 0)
                role = Clean(text.AsSpan(tokens[m.AppositionFirst].Start, tokens[m.AppositionEnd - 1].End - tokens[m.AppositionFirst].Start));
            result.Add(new Entity(span, surface, m.Type, m.Canonical ?? surface, role));
        }
        return result;
    }

    /// <summary>Mentions from well-formed BILOU labels (ill-formed runs are read as IOB).</summary>
    internal static List<Mention> Spans(int[] labels)
    {
        var list = new List<Mention>();
        int i = 0;
        while (i < labels.Length)
        {
            int t = NerLabels.TypeOf(labels[i]);
            if (t < 0) { i++; continue; }
            int j = i + 1;
            if (NerLabels.PositionOf(labels[i]) != 'U')
            {
                while (j < labels.Length && NerLabels.TypeOf(labels[j]) == t && NerLabels.PositionOf(labels[j]) is 'I' or 'L')
                {
                    j++;
                    if (NerLabels.PositionOf(labels[j - 1]) == 'L') break;
                }
            }
            list.Add(new Mention(i, j, (EntityType)t));
            i = j;
        }
        return list;
    }

    /// <summary>
    /// A name neither starts nor ends with a dash, quote or other punctuation token ("— Lena Marsh-Okoye" in
    /// a photo credit is the person "Lena Marsh-Okoye"); a mention of punctuation alone is dropped.
    /// </summary>
    private static void TrimPunctuation(Token[] tokens, List<Mention> mentions)
    {
        int kept = 0;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            while (m.First < m.End && IsPunctuation(tokens[m.First].Kind)) m.First++;
            while (m.End > m.First && IsPunctuation(tokens[m.End - 1].Kind)) m.End--;
            if (m.End > m.First) mentions[kept++] = m;
        }
        mentions.RemoveRange(kept, mentions.Count - kept);

        static bool IsPunctuation(TokenKind kind) => kind is TokenKind.Punctuation or TokenKind.Quote or TokenKind.Symbol;
    }

    private static bool IsInitial(ReadOnlySpan<char> w) => w.Length is 1 or 2 && char.IsUpper(w[0]) && (w.Length == 1 || w[1] == '.');

    private static ReadOnlySpan<char> Word(string text, Token[] tokens, int i) => text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start);

    /// <summary>
    /// Names listed together are of a kind: in "Yahya Sinwar, Mohammed Al-Masri and Ismail Haniyeh", a
    /// multi-word name typed otherwise among people is a person too. Only the person case is repaired,
    /// because lists of places and organisations mix legitimately ("Israel, Hamas and Hezbollah").
    /// </summary>
    private static void AlignListedPeople(string text, Token[] tokens, List<Mention> mentions)
    {
        int start = 0;
        while (start < mentions.Count)
        {
            int end = start + 1;
            while (end < mentions.Count && IsListGap(text, tokens, mentions[end - 1].End, mentions[end].First)) end++;
            if (end - start >= 3)
            {
                int people = 0;
                for (int k = start; k < end; k++) if (mentions[k].Type == EntityType.PER) people++;
                if (people == end - start - 1)
                    for (int k = start; k < end; k++)
                        if (mentions[k].Type != EntityType.PER && mentions[k].Length >= 2) mentions[k].Type = EntityType.PER;
            }
            start = end;
        }
    }

    /// <summary>Tokens between two listed names: a comma, "and", "or", or a comma and one of them.</summary>
    private static bool IsListGap(string text, Token[] tokens, int from, int to)
    {
        if (to - from is < 1 or > 2) return false;
        for (int k = from; k < to; k++)
        {
            var w = Word(text, tokens, k);
            if (!(w is "," or "and" or "or")) return false;
        }
        return true;
    }

    /// <summary>Most words of a name split off a merged mention.</summary>
    private const int MaxSplitNameWords = 4;

    /// <summary>
    /// An organisation right before a person may have taken the person's title with it ("Joint Chiefs of
    /// Staff Gen." before "CQ Brown"): the title is the person's, and becomes part of the role.
    /// </summary>
    private static void TrimTrailingTitles(string text, Token[] tokens, List<Mention> mentions)
    {
        for (int i = 0; i + 1 < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type == EntityType.PER || mentions[i + 1].Type != EntityType.PER || mentions[i + 1].First != m.End) continue;
            while (m.Length > 1 && PersonTitles.IsTitle(Word(text, tokens, m.End - 1))) m.End--;
        }
    }

    /// <summary>
    /// A person span with a courtesy title inside is two people run together, as when a caption credit meets
    /// the next sentence ("courtesy Mona Edwards Mr Walgren said"): it is cut before the title, and the title
    /// then stays off the second name.
    /// </summary>
    private static void SplitAtInnerHonorifics(string text, Token[] tokens, List<Mention> mentions)
    {
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type != EntityType.PER || m.Length < 3) continue;
            for (int k = m.First + 1; k < m.End - 1; k++)
            {
                if (!PersonTitles.IsHonorific(Word(text, tokens, k).ToString())) continue;
                mentions.Insert(i + 1, new Mention(k, m.End, EntityType.PER));
                m.End = k;
                break;
            }
        }
    }

    /// <summary>
    /// An organisation or place span that runs over a title into a name ("US National Security Adviser Jake
    /// Sullivan", "PM Netanyahu") is a person with a role: the words after the last title or role noun
    /// become the name, provided they all look like name words.
    /// </summary>
    private static Mention? SplitMergedPerson(string text, Token[] tokens, Mention m)
    {
        if (m.Length < 2) return null;
        // "Secretary of State Antony Blinken": the mention starts inside a title that began before it
        if (m.First >= 2 && Word(text, tokens, m.First - 1) is "of" && PersonTitles.IsTitle(Word(text, tokens, m.First - 2)))
        {
            int k = m.First;
            while (k < m.End - 1 && PersonTitles.IsTitle(Word(text, tokens, k))) k++;
            if (k > m.First && LooksLikeName(text, tokens, k, m.End))
            {
                m.RoleFirst = m.First;
                m.First = k;
                m.Type = EntityType.PER;
                return null;
            }
        }
        int head = -1;
        for (int k = m.End - 2; k >= m.First; k--)
        {
            var w = Word(text, tokens, k);
            if (PersonTitles.PersonHeads.Contains(w.ToString())) { head = k; break; }
        }
        if (head < 0 || !LooksLikeName(text, tokens, head + 1, m.End)) return null;
        // what stands before the title keeps its own name and type ("EU Commission" in "EU Commission
        // President Jose Manuel Barroso"), without the title words next to the head ("National Security")
        int qualifierEnd = head;
        while (qualifierEnd > m.First && PersonTitles.IsTitle(Word(text, tokens, qualifierEnd - 1))) qualifierEnd--;
        var qualifier = qualifierEnd > m.First ? new Mention(m.First, qualifierEnd, m.Type) : null;
        m.RoleFirst = m.First;
        m.First = head + 1;
        m.Type = EntityType.PER;
        return qualifier;
    }

    /// <summary>One to <see cref="MaxSplitNameWords"/> capitalised words, none of them a title or an organisation noun.</summary>
    private static bool LooksLikeName(string text, Token[] tokens, int first, int end)
    {
        if (end - first is < 1 or > MaxSplitNameWords) return false;
        var orgHeads = PersonTitles.OrganisationHeads.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = first; k < end; k++)
        {
            var w = Word(text, tokens, k);
            if (tokens[k].Kind != TokenKind.Word || !char.IsUpper(w[0]) || PersonTitles.IsTitle(w) || orgHeads.Contains(w)) return false;
        }
        return true;
    }

    /// <summary>Moves title words at the start of a person span ("President Joe Biden") into the role.</summary>
    private static void SplitTitles(string text, Token[] tokens, Mention m)
    {
        int k = m.First;
        while (k < m.End - 1 && PersonTitles.IsTitle(Word(text, tokens, k))) k++;
        if (k > m.First)
        {
            m.RoleFirst = m.First;
            m.First = k;
        }
    }

    /// <summary>
    /// Extends a person's role leftwards over title words, role nouns and their modifiers, and the names of
    /// organisations and places that qualify them. The word next to the name must be a title or a role noun.
    /// </summary>
    private static void FindRole(string text, Token[] tokens, Dictionary<int, Mention> byEnd, Mention m)
    {
        int start = m.RoleFirst >= 0 ? m.RoleFirst : m.First;
        int k = start - 1;
        if (k < 0) return;
        if (m.RoleFirst < 0 && !IsRoleHead(Word(text, tokens, k))) return;
        int first = start;
        while (k >= 0 && start - k <= MaxRoleTokens)
        {
            if (HasLineBreak(text, tokens[k].End, tokens[first].Start)) break;
            var other = byEnd.GetValueOrDefault(k + 1);
            if (other is not null && other != m)
            {
                if (other.Type == EntityType.PER) break;
                first = other.First;
                k = other.First - 1;
                continue;
            }
            var w = Word(text, tokens, k);
            if (IsRoleHead(w) || PersonTitles.IsTitle(w) || PersonTitles.RoleModifiers.Contains(w.ToString()) ||
                IsTitleCaseQualifier(text, tokens, k, first))
            {
                first = k;
                k--;
                continue;
            }
            break;
        }
        while (first < start && RoleInnerOnly.Contains(Word(text, tokens, first).ToString())) first++;
        if (first < start) m.RoleFirst = first;
    }

    /// <summary>Longest role in apposition, in tokens.</summary>
    private const int MaxAppositionTokens = 10;

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an" };

    private static readonly HashSet<string> RelativeWords = new(StringComparer.OrdinalIgnoreCase) { "who", "which", "that", "whose" };

    /// <summary>
    /// A role set off by commas next to the name: after it ("Ines Barrow, a structural engineer who
    /// reviewed the report, said") or before it ("the Pentagon's former top policy official, Dana Stroul,
    /// wrote"). The phrase must end in a role noun; a relative clause after the noun is not part of it.
    /// </summary>
    private static void FindApposition(string text, Token[] tokens, Mention m)
    {
        // after the name
        if (m.End + 2 < tokens.Length && IsComma(text, tokens, m.End))
        {
            int start = m.End + 1;
            if (Determiners.Contains(Word(text, tokens, start).ToString())) start++;
            int head = -1;
            for (int k = start; k < tokens.Length && k - start < MaxAppositionTokens; k++)
            {
                if (HasLineBreak(text, tokens[k - 1].End, tokens[k].Start) || !IsPhraseToken(text, tokens, k)) break;
                var w = Word(text, tokens, k);
                if (RelativeWords.Contains(w.ToString())) break;
                if (IsRoleNoun(w)) head = k;
            }
            if (head >= start && (head + 1 >= tokens.Length || !IsPhraseToken(text, tokens, head + 1) || RelativeWords.Contains(Word(text, tokens, head + 1).ToString())))
            {
                m.AppositionFirst = start;
                m.AppositionEnd = head + 1;
                return;
            }
        }
        // before the name
        if (m.First >= 3 && IsComma(text, tokens, m.First - 1) && IsRoleNoun(Word(text, tokens, m.First - 2)) &&
            (m.End >= tokens.Length || IsComma(text, tokens, m.End)))
        {
            int end = m.First - 1, k = end - 1;
            while (k > 0 && end - k < MaxAppositionTokens && IsPhraseToken(text, tokens, k - 1) &&
                   !Determiners.Contains(Word(text, tokens, k - 1).ToString()) && !HasLineBreak(text, tokens[k - 1].End, tokens[k].Start))
                k--;
            m.AppositionFirst = k;
            m.AppositionEnd = end;
        }
    }

    private static bool IsComma(string text, Token[] tokens, int k) => tokens[k].End - tokens[k].Start == 1 && text[tokens[k].Start] == ',';

    /// <summary>Words, possessive clitics and hyphenated words make up a role phrase; punctuation ends it.</summary>
    private static bool IsPhraseToken(string text, Token[] tokens, int k) =>
        tokens[k].Kind == TokenKind.Word && char.IsLetter(text[tokens[k].Start]) || (tokens[k].Kind == TokenKind.Word && Tokenizer.IsApostrophe(text[tokens[k].Start]));

    /// <summary>Capitalised words that start sentences or clauses rather than qualify a title.</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "But", "And", "As", "After", "Before", "When", "While", "If", "Then",
        "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our", "Former", "Meanwhile", "Also",
        "By", "For", "From", "With", "To", "Of", "Under", "Since", "During", "Yesterday", "Today", "Earlier", "Later",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December", "Last", "Next",
    };

    /// <summary>
    /// A capitalised word just before a role is part of it ("Water Resources Minister", "Relief director"):
    /// it names the office, unless it is a function word, a day or a month.
    /// </summary>
    private static bool IsTitleCaseQualifier(string text, Token[] tokens, int k, int roleFirst)
    {
        if (tokens[k].Kind != TokenKind.Word || roleFirst >= tokens.Length) return false;
        var w = Word(text, tokens, k);
        return char.IsUpper(w[0]) && !FunctionWords.Contains(w.ToString());
    }

    private static bool HasLineBreak(string text, int from, int to) => text.AsSpan(from, Math.Max(0, to - from)).IndexOfAny('\n', '\u2029') >= 0;

    private static bool IsRoleHead(ReadOnlySpan<char> w) => IsRoleNoun(w) || PersonTitles.IsTitle(w);

    /// <summary>A noun that names a role ("spokesperson", "Adviser"), singular or plural ("leaders").</summary>
    private static bool IsRoleNoun(ReadOnlySpan<char> w)
    {
        var lookup = PersonTitles.RoleHeads.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.Contains(w) || (w.Length > 3 && w[^1] == 's' && lookup.Contains(w[..^1]));
    }

    /// <summary>Collapses runs of white space (a name can span a wrapped line).</summary>
    internal static string Clean(ReadOnlySpan<char> s)
    {
        if (s.IndexOfAny('\n', '\r', '\t') < 0 && s.IndexOf("  ", StringComparison.Ordinal) < 0) return s.ToString();
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
