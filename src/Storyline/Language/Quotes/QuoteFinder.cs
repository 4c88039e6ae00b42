using System.Text.RegularExpressions;
using Storyline.Documents;
using static Storyline.Language.Quotes.SpeechLexicon;

namespace Storyline.Language.Quotes;

/// <summary>Options for <see cref="QuoteFinder"/>.</summary>
public sealed record QuoteFinderOptions
{
    /// <summary>Also report reported speech without quote marks ("Kirby said gaps remain") as indirect quotes.</summary>
    public bool IncludeIndirect { get; init; } = true;

    /// <summary>Longest quotation (characters) accepted when a closing mark is missing at a paragraph end.</summary>
    public int MaxUnclosedLength { get; init; } = 1500;

    /// <summary>How many tokens an attribution after a quote may run before its speech verb.</summary>
    public int AttributionWindow { get; init; } = 14;
}

/// <summary>
/// Finds quotations and who said them. Direct quotes in any mark style (straight, curly, mixed, across
/// paragraphs, split by the attribution), the colon form, partial quotes inside reported speech, and
/// reported speech without marks. The speaker comes from the attribution around the quote (a speech verb
/// and its subject: a name, a description of an unnamed source, or a pronoun resolved to the nearest
/// preceding person subject), else it carries over from the previous quote or attribution in the
/// neighbourhood, as news paragraphs of continued quotation do. Immutable and thread-safe.
/// </summary>
public sealed partial class QuoteFinder(QuoteFinderOptions options) : IAnnotator
{
    public static readonly QuoteFinder Instance = new(new QuoteFinderOptions());

    public QuoteFinderOptions Options { get; } = options;

    public string Name => "quotes";

    // Speakers are canonical names from the entity layer; where it finds no person in a document a small
    // name finder stands in.
    public IReadOnlyCollection<string> Requires => [Layers.Tokens, Layers.Sentences, Layers.Entities];

    public IReadOnlyCollection<string> Produces => [Layers.Quotes];

    public AnnotatedDocument Annotate(AnnotatedDocument document) =>
        document with { Quotes = Find(document) };

    /// <summary>A quotation between marks: the words (without marks) and where the marks are.</summary>
    internal readonly record struct Marked(int Open, int Close, int Start, int End, bool ContinuesPrevious, bool Unclosed);

    internal readonly record struct Attribution(string? Speaker, TextSpan? Span);

    /// <summary>Tokens after a closing mark within which an attribution counts as tight (",” she said").</summary>
    private const int TightWindow = 6;

    [GeneratedRegex(@"\b(?:[Aa]n?|[Oo]ne)\s+(?<d>(?:[\w’'-]+\s+){0,5}?(?<h>official|officials|spokesperson|spokesman|spokeswoman|source|aide|diplomat|adviser|advisor|analyst|expert|negotiator|officer|lawmaker|minister|member|person))\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex IndefiniteDescription();

    public IReadOnlyList<Quote> Find(AnnotatedDocument doc)
    {
        var text = doc.Text;
        if (string.IsNullOrEmpty(text) || doc.Tokens.Length == 0) return [];
        var marked = FindMarked(text);
        var ctx = new Context(doc, marked, PersonMentions.Find(doc), Options);
        var result = new List<Quote>();
        Attribution? previous = null;
        int previousParagraph = -1;
        int previousEnd = -1;
        for (int qi = 0; qi < marked.Count; qi++)
        {
            var q = marked[qi];
            if (q.End <= q.Start) continue;
            var kind = ctx.IsPartial(q) ? QuoteKind.Partial : QuoteKind.Direct;
            Attribution? who = null;
            // an attribution right after the closing mark (",” she said", ",” added Rep. X") is the strongest signal,
            // even for a paragraph that continues an earlier quotation or a partial quote
            var tight = ctx.After(q, out bool tightAccording, tightOnly: true);
            if (tight is not null && !tightAccording) who = tight;
            // a transcript line: “PENCE: Well, ...”
            who ??= ctx.SpeakerLabel(q);
            if (who is null && q.ContinuesPrevious && previous is not null) who = previous;
            // a partial quote belongs to the outermost reporting clause ("Clinton says Trump's tweets were “unhinged”")
            if (who is null && kind == QuoteKind.Partial) who = ctx.FirstReporter(q) ?? ctx.PossessiveClaim(q) ?? ctx.Before(q) ?? ctx.SentenceSubject(q) ?? ctx.After(q, out _);
            if (who is null)
            {
                // "Biden stressed “...,” according to a readout": the subject before names the speaker, the
                // "according to" phrase only the medium
                var after = ctx.After(q, out bool viaAccording);
                who = viaAccording ? ctx.Before(q) ?? after : after ?? ctx.Before(q);
            }
            // "President Obama is rolling out a new message: “It's about me.”": a quotation announced by a colon
            // belongs to the subject of the announcing sentence
            if (who is null && ctx.AfterColon(q)) who = ctx.SentenceSubject(q);
            int paragraph = ctx.ParagraphOf(q.Open);
            if (who is null && previous is not null && (paragraph == previousParagraph || ctx.OnlyQuotesBetween(previousEnd, q.Open)))
                who = previous;
            if (who is null) who = ctx.PreviousSentenceSpeaker(q);
            if (who is null && previous is not null && paragraph - previousParagraph <= 1 && ctx.StartsParagraph(q)) who = previous;
            var w = who ?? new Attribution(null, null);
            result.Add(new Quote(new TextSpan(q.Start, q.End), text[q.Start..q.End], w.Speaker, w.Span, kind));
            if (who is not null)
            {
                previous = who;
                previousParagraph = paragraph;
            }
            previousEnd = q.Close + 1;
        }
        if (Options.IncludeIndirect) result.AddRange(ctx.Indirect());
        result.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        ResolveDocumentSpeakers(doc, result);
        return result;
    }

    /// <summary>
    /// Speakers that are documents or media rather than their issuers: a bullet dash kept in front of a
    /// speaker ("- The White House") is dropped; "the statement said" takes the issuer of the statement named
    /// earlier ("In a second statement, the White House claimed ..."); "the newspaper said" takes the outlet
    /// named before it ("The Washington Post cited ..."). Without an earlier issuer the description stays.
    /// </summary>
    private static void ResolveDocumentSpeakers(AnnotatedDocument doc, List<Quote> quotes)
    {
        var text = doc.Text;
        for (int i = 0; i < quotes.Count; i++)
        {
            var q = quotes[i];
            if (q.Speaker is not { } speaker) continue;
            var trimmed = speaker.TrimStart('-', '\u2013', '\u2014', '\u2022', '*', ' ');
            if (trimmed.Length != speaker.Length && trimmed.Length > 0)
            {
                var span = q.SpeakerSpan is { } ss ? new TextSpan(ss.End - trimmed.Length >= ss.Start ? ss.End - trimmed.Length : ss.Start, ss.End) : (TextSpan?)null;
                q = quotes[i] = q with { Speaker = trimmed, SpeakerSpan = span };
                speaker = trimmed;
            }
            var head = speaker.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? speaker[4..] : speaker;
            if (SpeechLexicon.IssuedDocuments.Contains(head))
            {
                // the latest earlier quote whose sentence mentions the same kind of document, with a real speaker
                for (int j = i - 1; j >= 0; j--)
                {
                    var p = quotes[j];
                    if (p.Speaker is null || SpeechLexicon.IssuedDocuments.Contains(p.Speaker) || SpeechLexicon.MediaNouns.Contains(p.Speaker)) continue;
                    int si = doc.SentenceAt(p.Span.Start);
                    if (si < 0) continue;
                    var sent = doc.Sentences[si];
                    if (text.AsSpan(sent.Start, sent.End - sent.Start).Contains(head, StringComparison.OrdinalIgnoreCase))
                    {
                        quotes[i] = q with { Speaker = p.Speaker };
                        break;
                    }
                }
            }
            else if (SpeechLexicon.MediaNouns.Contains(head))
            {
                // the nearest outlet named before the quote, within a few sentences
                int at = q.SpeakerSpan?.Start ?? q.Span.Start;
                int si = doc.SentenceAt(at);
                int floor = si >= 4 ? doc.Sentences[si - 4].Start : 0;
                Entity? outlet = null;
                foreach (var e in doc.Entities)
                {
                    if (e.Span.End > at) break;
                    if (e.Span.Start >= floor && e.Type == EntityType.ORG && IsOutletName(e.Text)) outlet = e;
                }
                if (outlet is not null)
                {
                    var name = outlet.Canonical.Length > 0 ? outlet.Canonical : outlet.Text;
                    quotes[i] = q with { Speaker = name };
                }
            }
        }
    }

    private static bool IsOutletName(string name)
    {
        foreach (var part in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (SpeechLexicon.OutletNameWords.Contains(part)) return true;
        return false;
    }

    // ---- quote marks ----

    internal static bool IsDoubleMark(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB';

    private static bool OpenerContext(string text, int i) =>
        (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '\u2014' or '\u2013' or '-' or ':' or '/' or '\'' or '\u2018') &&
        i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);

    private static bool CloserContext(string text, int i) =>
        i > 0 && !char.IsWhiteSpace(text[i - 1]);

    /// <summary>Pairs double quote marks paragraph by paragraph; a quotation left open at a paragraph end that the next paragraph reopens continues there.</summary>
    internal List<Marked> FindMarked(string text)
    {
        var list = new List<Marked>();
        int open = -1;
        bool continues = false;
        bool pendingContinuation = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n' || c == '\u2029')
            {
                if (open >= 0)
                {
                    int next = i;
                    while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
                    bool reopened = next < text.Length && IsDoubleMark(text[next]);
                    // a quotation open at a paragraph end continues only if the next paragraph reopens it;
                    // otherwise the marks are unbalanced and the stretch is not reported
                    if (reopened && i - open > 1 && i - open <= Options.MaxUnclosedLength)
                    {
                        AddTrimmed(list, text, open, i, continues, unclosed: true);
                        pendingContinuation = reopened;
                    }
                    open = -1;
                }
                continue;
            }
            if (!IsDoubleMark(c)) continue;
            if (open < 0)
            {
                if (OpenerContext(text, i))
                {
                    open = i;
                    continues = pendingContinuation;
                    pendingContinuation = false;
                }
            }
            else if (CloserContext(text, i))
            {
                AddTrimmed(list, text, open, i, continues, unclosed: false);
                open = -1;
                continues = false;
            }
            else if (OpenerContext(text, i))
            {
                open = i;
            }
        }
        return list;
    }

    private static void AddTrimmed(List<Marked> list, string text, int open, int close, bool continues, bool unclosed)
    {
        int s = open + 1, e = close;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        if (e > s) list.Add(new Marked(open, close, s, e, continues, unclosed));
    }

    /// <summary>Per-document attribution state.</summary>
    private sealed class Context(AnnotatedDocument doc, List<Marked> marked, PersonMention[] persons, QuoteFinderOptions options)
    {
        private readonly string _text = doc.Text;
        private readonly Token[] _tokens = doc.Tokens;

        private ReadOnlySpan<char> W(int i) => _text.AsSpan(_tokens[i].Start, _tokens[i].End - _tokens[i].Start);

        private bool Is(int i, string w) => i >= 0 && i < _tokens.Length && W(i).Equals(w, StringComparison.OrdinalIgnoreCase);

        /// <summary>Index of the first token starting at or after <paramref name="offset"/>.</summary>
        private int TokenFrom(int offset)
        {
            int lo = 0, hi = _tokens.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_tokens[mid].Start < offset) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        /// <summary>Whether an offset lies inside a quotation (marks included); the quotations are in text order.</summary>
        private bool InsideQuote(int offset)
        {
            int lo = 0, hi = marked.Count - 1, found = -1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                if (marked[mid].Open <= offset) { found = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            return found >= 0 && offset <= marked[found].Close;
        }

        private int[]? _paragraphBreaks;

        /// <summary>The paragraph number of an offset (line breaks counted once per run), by binary search over the breaks.</summary>
        public int ParagraphOf(int offset)
        {
            if (_paragraphBreaks is null)
            {
                var breaks = new List<int>();
                for (int i = 0; i < _text.Length; i++)
                    if (_text[i] == '\n' && (i + 1 >= _text.Length || _text[i + 1] != '\n')) breaks.Add(i);
                _paragraphBreaks = [.. breaks];
            }
            int idx = Array.BinarySearch(_paragraphBreaks, offset);
            return idx >= 0 ? idx : ~idx;
        }

        public bool StartsParagraph(Marked q)
        {
            int i = q.Open - 1;
            while (i >= 0 && _text[i] is ' ' or '\t') i--;
            return i < 0 || _text[i] == '\n';
        }

        public bool OnlyQuotesBetween(int from, int to)
        {
            if (from < 0 || to <= from) return false;
            for (int i = from; i < to; i++)
                if (!char.IsWhiteSpace(_text[i])) return false;
            return true;
        }

        /// <summary>A partial quote: quoted words running on from the reporting sentence (lower-case start, no colon or comma lead).</summary>
        public bool IsPartial(Marked q)
        {
            if (q.ContinuesPrevious) return false;
            char first = _text[q.Start];
            int p = q.Open - 1;
            while (p >= 0 && _text[p] == ' ') p--;
            char before = p >= 0 ? _text[p] : '\n';
            if (before is ':' or '\n') return false;
            if (char.IsLetter(before))
            {
                // "said “...”" is a direct quote; "an update on “...”" runs on from the sentence
                int k = TokenFrom(q.Open) - 1;
                if (k >= 0 && SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(k))) return false;
                return true;
            }
            if (char.IsLower(first) || first is '.' or '\u2026') return true;
            // a short capitalised title or name in quotes inside a sentence ("a proud Zionist") is partial too
            return char.IsLetter(before) && CountWords(q.Start, q.End) <= 4;
        }

        private int CountWords(int s, int e)
        {
            int n = 0;
            bool inWord = false;
            for (int i = s; i < e; i++)
            {
                bool letter = !char.IsWhiteSpace(_text[i]);
                if (letter && !inWord) n++;
                inWord = letter;
            }
            return n;
        }

        /// <summary>The attribution after the closing mark: ", Kirby said", " he added", " said the senior official", ", according to X".</summary>
        public Attribution? After(Marked q, out bool viaAccording, bool tightOnly = false)
        {
            viaAccording = false;
            int i = TokenFrom(q.Close + 1);
            if (i >= _tokens.Length || HasNewline(q.Close + 1, _tokens[i].Start)) return null;
            int start = i;
            // "” ― Sonya Herridge": a dash and a name sign the quotation
            if (IsDash(W(i)) && i + 1 < _tokens.Length && !HasNewline(_tokens[i].End, _tokens[i + 1].Start) && char.IsUpper(W(i + 1)[0]))
            {
                var signed = Speaker(i + 1, PhraseEndForward(i + 1), q, signature: true);
                if (signed is not null) return signed;
            }
            // skip a comma or dash right after the mark
            while (i < _tokens.Length && i - start < 2 && _tokens[i].Kind == TokenKind.Punctuation && (W(i) is "," || IsDash(W(i)))) i++;
            int from = i;
            int limit = Math.Min(_tokens.Length, from + (tightOnly ? TightWindow : options.AttributionWindow));
            for (int k = from; k < limit; k++)
            {
                if (_tokens[k].Kind == TokenKind.Quote && IsDoubleMark(_text[_tokens[k].Start])) break;
                if (k > from && HasNewline(_tokens[k - 1].End, _tokens[k].Start)) break;
                var w = W(k);
                if (w is "(")
                {
                    // "Rep. Gwen Moore (D-Wis.) said": step over the parenthesis
                    int close = k + 1;
                    while (close < limit && W(close) is not ")") close++;
                    if (close < limit) { k = close; continue; }
                }
                // "R-Ky.," and "D-Wis.)": an abbreviation's period followed by a comma or bracket goes on
                if (_tokens[k].Kind == TokenKind.Punctuation && w is "." && k + 1 < _tokens.Length && (W(k + 1) is "," or ")")) continue;
                if (_tokens[k].Kind == TokenKind.Punctuation && w is "." or "?" or "!" or ";") break;
                if (!SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) continue;
                if (Is(k, "according"))
                {
                    viaAccording = true;
                    if (Is(k + 1, "to")) return Speaker(k + 2, PhraseEndForward(k + 2), q);
                    continue;
                }
                if (k > from)
                {
                    // “... recklessness.” Park said Kim's state ...: a quotation closed by a full stop is followed by
                    // a new sentence whose speech verb has its own object, not by an attribution (“...,” Park said.)
                    if (EndsSentence(q) && StartsOwnClause(k + 1)) return null;
                    var np = SubjectBefore(k, from, q);
                    if (np is not null) return np;
                }
                // inverted: "said Kirby", "said the senior official" (not "wrote in a post")
                if (Is(k + 1, "in") || Is(k + 1, "on") || Is(k + 1, "to") || Is(k + 1, "at") || Is(k + 1, "that")) return null;
                var inv = Speaker(k + 1, PhraseEndForward(k + 1), q);
                if (inv is not null) return inv;
                return null;
            }
            return null;
        }

        /// <summary>The opening mark follows a colon ("... message: “...”").</summary>
        public bool AfterColon(Marked q)
        {
            int i = q.Open - 1;
            while (i >= 0 && _text[i] is ' ' or '\u00A0') i--;
            return i >= 0 && _text[i] == ':';
        }

        /// <summary>The quotation ends with a full stop inside its marks ("... recklessness.”").</summary>
        private bool EndsSentence(Marked q) => q.Close > 0 && q.Close <= _text.Length && _text[q.Close - 1] == '.';

        /// <summary>A word after a speech verb that begins what was said (an object clause), not a time or place tail.</summary>
        private bool StartsOwnClause(int k) =>
            k < _tokens.Length && _tokens[k].Kind == TokenKind.Word && !IsTrailingFiller(k) &&
            !PhraseLeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(k)) && !SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(k));

        private static bool IsDash(ReadOnlySpan<char> w) => w is "-" or "\u2014" or "\u2013" or "\u2015" or "--";

        /// <summary>A speaker label opening a transcript quotation: upper-case words and a colon (“PENCE: ...”).</summary>
        public Attribution? SpeakerLabel(Marked q)
        {
            int k = TokenFrom(q.Start);
            int first = k;
            while (k < _tokens.Length && k - first < 4 && _tokens[k].Kind == TokenKind.Word && W(k).Length > 1 && IsAllUpper(W(k))) k++;
            if (k == first || k >= _tokens.Length || W(k) is not ":" || _tokens[k].Start >= q.End) return null;
            var label = _text[_tokens[first].Start.._tokens[k - 1].End];
            var span = new TextSpan(_tokens[first].Start, _tokens[k - 1].End);
            // the label is usually a surname: take the full name the document gives it
            foreach (var p in persons)
                if (p.Canonical.EndsWith(label, StringComparison.OrdinalIgnoreCase) || Surname(p.Canonical).Equals(label, StringComparison.OrdinalIgnoreCase))
                    return new Attribution(p.Canonical, span);
            return new Attribution(label, span);
        }

        private static bool IsAllUpper(ReadOnlySpan<char> w)
        {
            foreach (char c in w)
                if (char.IsLetter(c) && !char.IsUpper(c)) return false;
            return true;
        }

        private static string Surname(string name)
        {
            int sp = name.LastIndexOf(' ');
            return sp < 0 ? name : name[(sp + 1)..];
        }

        /// <summary>The subject of the first speech verb of the quote's sentence, before the quote.</summary>
        public Attribution? FirstReporter(Marked q)
        {
            int end = TokenFrom(q.Open);
            int si = doc.SentenceAt(q.Open);
            if (si < 0) return null;
            int lo = doc.Sentences[si].FirstToken;
            // "According to Yahoo News, ... “...”": the sentence-initial source reports everything after it
            if (Is(lo, "according") && Is(lo + 1, "to"))
            {
                var source = Speaker(lo + 2, PhraseEndForward(lo + 2, end), q);
                if (source is not null) return source;
            }
            for (int k = lo; k < end; k++)
            {
                if (InsideQuote(_tokens[k].Start) || _tokens[k].Kind != TokenKind.Word) continue;
                if (!ReportingVerbsForOuterClause.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(k))) continue;
                // a noun use ("late-night tweets", "his claims") has a determiner or adjective before it
                if (k - 1 >= lo && (Is(k - 1, "the") || Is(k - 1, "his") || Is(k - 1, "her") || Is(k - 1, "their") || Is(k - 1, "of") || Is(k - 1, "a"))) continue;
                var subject = SubjectBefore(k, lo, q);
                // "In a Facebook message posted Friday, Cruz said ...": a phrase after a preposition is no subject
                if (subject?.Span is { } at && AfterPreposition(TokenFrom(at.Start), lo)) continue;
                if (subject is not null && subject.Value.Span is not null) return subject;
            }
            return null;
        }

        /// <summary>The last organisation named before <paramref name="offset"/> in its sentence or the one before, outside quotes.</summary>
        private string? PrecedingOrganisation(int offset)
        {
            int si = doc.SentenceAt(offset);
            int from = si > 0 ? doc.Sentences[si - 1].Start : 0;
            string? found = null;
            foreach (var e in doc.Entities)
            {
                if (e.Span.Start >= offset) break;
                if (e.Span.Start >= from && e.Type == EntityType.ORG && !InsideQuote(e.Span.Start)) found = e.Canonical;
            }
            return found;
        }

        /// <summary>Whether the phrase at token <paramref name="first"/> is the object of a preposition ("in a message", "on his show").</summary>
        private bool AfterPreposition(int first, int lo)
        {
            int b = first - 1;
            while (b >= lo && (Is(b, "a") || Is(b, "an") || Is(b, "the") || Is(b, "his") || Is(b, "her") || Is(b, "their") || Is(b, "its"))) b--;
            return b >= lo && b < first && Prepositions.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(b));
        }

        /// <summary>The attribution before the opening mark in the same sentence: "Miller said: “...”", "Netanyahu said, “...”", "Biden stated that he “...”".</summary>
        public Attribution? Before(Marked q)
        {
            int end = TokenFrom(q.Open);
            int si = doc.SentenceAt(q.Open);
            int lo = si >= 0 ? doc.Sentences[si].FirstToken : Math.Max(0, end - 30);
            // the sentence may have begun with the quote itself; look back to the line start at most
            for (int k = end - 1; k >= lo && end - k <= 30; k--)
            {
                if (InsideQuote(_tokens[k].Start)) break;
                if (HasNewline(_tokens[k].End, k + 1 < _tokens.Length ? _tokens[k + 1].Start : _tokens[k].End)) break;
                var w = W(k);
                if (!SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) continue;
                if (Is(k, "according"))
                {
                    if (Is(k + 1, "to")) return Speaker(k + 2, PhraseEndForward(k + 2, end), q);
                    continue;
                }
                if (SpeechParticiples.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(k)))
                {
                    // "Trump attacked Clinton for her support of ... Libya, saying, “...”": a participle after a comma
                    // takes the subject of the sentence, not the noun just before it
                    var subj = (k - 1 >= lo && W(k - 1) is "," ? SentenceSubjectAt(_tokens[k].Start) : null) ?? SubjectBefore(k, lo, q);
                    if (subj is not null) return subj;
                    continue;
                }
                var np = SubjectBefore(k, lo, q);
                if (np is not null) return np;
                // "said Kirby: “...”"
                var inv = Speaker(k + 1, PhraseEndForward(k + 1, end), q);
                if (inv is not null) return inv;
            }
            return null;
        }

        /// <summary>The noun phrase before a speech verb, back to a clause boundary.</summary>
        private Attribution? SubjectBefore(int verb, int lo, Marked q)
        {
            int j = verb - 1;
            // "to say", "and said": an infinitive or a second verb takes the subject of the sentence
            if (j >= lo && (Is(j, "to") || Is(j, "and") || Is(j, "but")))
                return SentenceSubjectAt(_tokens[verb].Start);
            // skip auxiliaries and adverbs: "has said", "also said", "later told", "forcefully told"
            while (j >= lo && (Is(j, "has") || Is(j, "had") || Is(j, "have") || Is(j, "also") || Is(j, "later") || Is(j, "then") ||
                               Is(j, "again") || Is(j, "repeatedly") || Is(j, "previously") || Is(j, "once") || Is(j, "publicly") || Is(j, "would") || Is(j, "will") ||
                               Is(j, "further") || Is(j, "still") || Is(j, "even") || Is(j, "never") || Is(j, "already") || Is(j, "often") || Is(j, "first") ||
                               (_tokens[j].Kind == TokenKind.Word && W(j).Length > 4 && W(j).EndsWith("ly", StringComparison.Ordinal) && char.IsLower(W(j)[0]))))
                j--;
            // "the Pentagon's former official, Dana Stroul, wrote": the appositive's closing comma
            bool appositive = j > lo && W(j) is ",";
            if (appositive) j--;
            int end = j + 1;
            int k = Boundary(j, lo, end);
            int start = k + 1;
            if (start >= end) return null;
            var found = Speaker(start, end, q) ?? WholeEntity(start, end);
            // "Vann R. Newkirk II, a writer for The Atlantic, said": the name before the appositive (or before
            // several: "X, the foreign minister of France, a permanent member of ..., said") beats a description
            for (int hop = 0; hop < 3 && appositive && k >= lo && W(k) is "," && (found is null || !IsPersonAttribution(found.Value)); hop++)
            {
                int nameEnd = k;
                int before = Boundary(k - 1, lo, nameEnd);
                int nameStart = before + 1;
                if (nameStart >= nameEnd) break;
                var name = Speaker(nameStart, nameEnd, q);
                if (name is not null && (IsPersonAttribution(name.Value) || found is null)) found = name;
                k = before;
            }
            return found;
        }

        /// <summary>
        /// A subject that is exactly one place or organisation name ("Russia insisted that ...", "South Korea
        /// accused ..."): countries and bodies speak through their governments. Anything more ("officials in
        /// Gaza") is a description, read by <see cref="Speaker"/>.
        /// </summary>
        private Attribution? WholeEntity(int start, int end)
        {
            if (Is(start, "the") && start + 1 < end) start++;
            int from = _tokens[start].Start, to = _tokens[end - 1].End;
            foreach (var e in doc.Entities)
            {
                if (e.Span.Start > from) break;
                if (e.Span.Start == from && e.Span.End == to && e.Type is EntityType.LOC or EntityType.ORG)
                    return new Attribution(e.Canonical, new TextSpan(from, to));
            }
            return null;
        }

        /// <summary>Walks back from <paramref name="j"/> over a noun phrase to a clause boundary; returns the index before it.</summary>
        private int Boundary(int j, int lo, int end)
        {
            int k = j;
            while (k >= lo && end - k <= 14)
            {
                if (InsideQuote(_tokens[k].Start)) break;
                var t = _tokens[k];
                if (t.Kind == TokenKind.Quote) break;
                if (W(k) is ")")
                {
                    int open = k - 1;
                    while (open >= lo && W(open) is not "(" && k - open < 8) open--;
                    if (open >= lo && W(open) is "(") { k = open - 1; continue; }
                }
                if (t.Kind == TokenKind.Punctuation && W(k) is not "." and not "-" and not "'" and not "\u2019") break;
                if (Is(k, "that") || Is(k, "and") || Is(k, "but") || Is(k, "as") || Is(k, "which") || Is(k, "while") || Is(k, "when") || Is(k, "because") || Is(k, "where"))
                    break;
                k--;
            }
            return k;
        }

        /// <summary>An attribution naming a person (a mention the entity layer or the name finder knows, or a pronoun resolved to one).</summary>
        private bool IsPersonAttribution(Attribution a)
        {
            if (a.Span is not { } span) return false;
            foreach (var p in persons)
            {
                if (p.Start >= span.End) break;
                if (p.Start >= span.Start && p.End <= span.End) return true;
            }
            return false;
        }

        /// <summary>The subject of the sentence holding <paramref name="offset"/>: its first person mention (or he/she) outside quotes.</summary>
        private Attribution? SentenceSubjectAt(int offset)
        {
            int si = doc.SentenceAt(offset);
            int from = si >= 0 ? doc.Sentences[si].Start : 0;
            foreach (var p in persons)
            {
                if (p.Start >= offset) break;
                if (p.Start >= from && !InsideQuote(p.Start) && !IsPossessiveOrModifier(p)) return new Attribution(p.Canonical, new TextSpan(p.Start, p.End));
            }
            return null;
        }

        /// <summary>Where a phrase read forward from <paramref name="start"/> ends: at punctuation, a quote, or a preposition after the head.</summary>
        private int PhraseEndForward(int start, int max = int.MaxValue)
        {
            int j = start;
            int limit = Math.Min(Math.Min(_tokens.Length, max), start + 12);
            // a phrase does not run on into the next sentence (", reported Reuters. Another 19 percent said ...")
            if (start < _tokens.Length && doc.SentenceAt(_tokens[start].Start) is int si and >= 0)
                limit = Math.Min(limit, doc.Sentences[si].EndToken);
            while (j < limit)
            {
                var t = _tokens[j];
                if (t.Kind is TokenKind.Punctuation or TokenKind.Quote && W(j) is not "." and not "-" && !(W(j) is "'" or "\u2019")) break;
                if (j > start && HasNewline(_tokens[j - 1].End, t.Start)) break;
                if (j > start && (Is(j, "in") || Is(j, "on") || Is(j, "at") || Is(j, "when") || Is(j, "who") || Is(j, "that") || Is(j, "during") ||
                                  Is(j, "after") || Is(j, "before") || Is(j, "as") || Is(j, "and") || Is(j, "to") || Is(j, "of") && false))
                    break;
                j++;
            }
            return j;
        }

        /// <summary>Reads a speaker from tokens [start, end): a person (canonical), a pronoun resolved backwards, or a description.</summary>
        private Attribution? Speaker(int start, int end, Marked q, bool signature = false)
        {
            if (start >= end || start >= _tokens.Length) return null;
            end = Math.Min(end, _tokens.Length);
            // drop a time or place phrase at the end: "Kirby on Thursday", "told reporters"
            int head = end - 1;
            while (head > start && (_tokens[head].Kind != TokenKind.Word || IsTrailingFiller(head)))
            {
                if (W(head) is ")")
                {
                    int open = head - 1;
                    while (open > start && W(open) is not "(") open--;
                    if (open > start) { head = open - 1; continue; }
                }
                head--;
            }
            // leading connectives and prepositions are not part of a speaker ("as she", "After", "at a gaggle")
            while (start < head && PhraseLeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(start))) start++;
            if (PhraseLeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(start))) return null;
            // a subject pronoun inside the phrase names the speaker ("he has", "as she")
            for (int k = start; k <= head; k++)
            {
                if (_tokens[k].Kind == TokenKind.Word && (Is(k, "he") || Is(k, "she")) && (k == head || !IsPersonMentionAt(k)))
                {
                    if (k == start || k == head || k == head - 1)
                    {
                        var antecedent = PrecedingPerson(_tokens[k].Start);
                        return new Attribution(antecedent?.Canonical, new TextSpan(_tokens[k].Start, _tokens[k].End));
                    }
                }
            }
            // the head word decides: a person mention, a pronoun, or a description
            var h = W(head);
            if (h.Length == 0) return null;
            if (h.EndsWith("ly", StringComparison.Ordinal) && char.IsLower(h[0])) return null;   // an adverb, not a noun
            // person mention covering the head, or the last person mention in the phrase not followed by a description head
            PersonMention? person = null;
            foreach (var p in persons)
            {
                if (p.Start >= _tokens[start].Start && p.End <= _tokens[head].End) person = p;
                if (p.Start > _tokens[head].End) break;
            }
            bool headIsDescription = DescriptionHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(h);
            if (person is { } pm && (pm.End >= _tokens[head].End || !headIsDescription))
                return new Attribution(pm.Canonical, new TextSpan(pm.Start, pm.End));
            if (head == start && PersonPronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(h))
            {
                var antecedent = PrecedingPerson(_tokens[head].Start);
                return new Attribution(antecedent?.Canonical, new TextSpan(_tokens[head].Start, _tokens[head].End));
            }
            // "it said", and "what it called" (the pronoun heads the phrase): "it" stands for the organisation named before
            if (OtherPronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(h) && (head == start || Is(head - 1, "what")))
                return new Attribution(Is(head, "it") ? PrecedingOrganisation(_tokens[head].Start) : null, new TextSpan(_tokens[head].Start, _tokens[head].End));
            if (headIsDescription)
            {
                // skip "told"-objects and leading articles; resolve "the official" to the earlier "a senior ... official"
                int s = start;
                bool definite = Is(s, "the") || Is(s, "this") || Is(s, "that");
                while (s < head && (Is(s, "the") || Is(s, "a") || Is(s, "an") || Is(s, "this") || Is(s, "that"))) s++;
                var desc = _text[_tokens[s].Start.._tokens[head].End];
                if (definite && EarlierDescription(h, _tokens[start].Start) is { } earlier) desc = earlier;
                return new Attribution(desc, new TextSpan(_tokens[s].Start, _tokens[head].End));
            }
            if (char.IsLower(h[0]) && _tokens[head].Kind == TokenKind.Word && head - start <= 8 &&
                !SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(h) && !LooksLikeVerb(start) && !LooksLikeVerb(head) &&
                !Is(head, "was") && !Is(head, "is") && !Is(head, "to") && !Is(head, "his") && !Is(head, "her") &&
                !Is(head, "who") && !Is(head, "that") && !Is(head, "which") && !ContainsClauseWord(start, head))
            {
                // an unnamed or non-person source: "the ad's narrator", "one questioner", "the letter"
                int s = start;
                while (s < head && (Is(s, "the") || Is(s, "a") || Is(s, "an"))) s++;
                if (Is(s, "to") || Is(s, "and") || Is(s, "but") || Is(s, "that")) return null;
                return new Attribution(_text[_tokens[s].Start.._tokens[head].End], new TextSpan(_tokens[s].Start, _tokens[head].End));
            }
            if (char.IsUpper(h[0]) && _tokens[head].Kind == TokenKind.Word && (signature || !IsPlaceOrAdjective(head)))
            {
                // a capitalised run ending at the head, titles stripped: a name the fallback did not know
                int f = head;
                while (f - 1 >= start && _tokens[f - 1].Kind == TokenKind.Word && char.IsUpper(W(f - 1)[0])) f--;
                while (f < head && TitleWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(f))) f++;
                if (NotPersonWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(h) && f == head && head - start > 2) return null;
                var name = _text[_tokens[f].Start.._tokens[head].End];
                return new Attribution(name, new TextSpan(_tokens[f].Start, _tokens[head].End));
            }
            return null;
        }

        /// <summary>Auxiliaries and speech verbs inside a phrase make it a clause, not a speaker ("the country has spent").</summary>
        private bool ContainsClauseWord(int start, int head)
        {
            for (int k = start; k <= head; k++)
                if (Is(k, "has") || Is(k, "have") || Is(k, "had") || Is(k, "is") || Is(k, "are") || Is(k, "was") || Is(k, "were") ||
                    Is(k, "will") || Is(k, "would") || Is(k, "can") || Is(k, "could") || SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(k)))
                    return true;
            return false;
        }

        private bool IsPersonMentionAt(int k)
        {
            foreach (var p in persons)
            {
                if (p.Start > _tokens[k].Start) break;
                if (p.Start <= _tokens[k].Start && _tokens[k].End <= p.End) return true;
            }
            return false;
        }

        /// <summary>"-ed"/"-ing"/"-s" verb forms that start or end a clause fragment rather than a noun phrase.</summary>
        private bool LooksLikeVerb(int k)
        {
            var w = W(k);
            if (!char.IsLower(w[0]) || w.Length < 4) return false;
            if (DescriptionHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)) return false;
            return w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal) || w.EndsWith("sents", StringComparison.Ordinal);
        }

        /// <summary>A capitalised word the entity layer calls a place or an adjective of nationality/party ("California", "Republican").</summary>
        private bool IsPlaceOrAdjective(int k)
        {
            int at = _tokens[k].Start;
            foreach (var e in doc.Entities)
            {
                if (e.Span.Start > at) break;
                if (e.Span.Start <= at && at < e.Span.End) return e.Type is EntityType.LOC or EntityType.MISC;
            }
            return false;
        }

        /// <summary>Time words closing an attribution phrase ("Kirby on Thursday"): not part of the speaker.</summary>
        private bool IsTrailingFiller(int i) => TrailingFillers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(i));

        /// <summary>The description an earlier indefinite phrase gave ("a senior Biden administration official") for a definite one ("the senior official").</summary>
        private List<(int End, string Head, string Description)>? _descriptions;

        private string? EarlierDescription(ReadOnlySpan<char> head, int before)
        {
            // the indefinite descriptions of the whole text, found once per document
            if (_descriptions is null)
            {
                _descriptions = [];
                foreach (Match m in IndefiniteDescription().Matches(_text))
                    _descriptions.Add((m.Index + m.Length, m.Groups["h"].Value, m.Groups["d"].Value + PrepositionalTail(m.Index + m.Length)));
            }
            string? found = null;
            foreach (var (end, h, d) in _descriptions)
            {
                if (end > before) break;
                if (h.AsSpan().Equals(head, StringComparison.OrdinalIgnoreCase)) found = d;
            }
            return found;
        }

        /// <summary>"in the water ministry" after a description: a preposition and up to three more words, none a verb.</summary>
        private string PrepositionalTail(int at)
        {
            int k = TokenFrom(at);
            if (k >= _tokens.Length || _tokens[k].Start - at > 1 || !(Is(k, "in") || Is(k, "at") || Is(k, "of") || Is(k, "from"))) return "";
            int e = k + 1;
            if (Is(e, "the")) e++;
            int words = 0;
            while (e < _tokens.Length && words < 3 && _tokens[e].Kind == TokenKind.Word && !SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(e)) &&
                   !PhraseLeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(e)) && !LooksLikeVerb(e) && !HasNewline(_tokens[e - 1].End, _tokens[e].Start))
            {
                e++;
                words++;
            }
            return words == 0 ? "" : _text[at.._tokens[e - 1].End];
        }

        /// <summary>The person a pronoun refers to: earlier in its own sentence the nearest, in earlier sentences the first (the subject).</summary>
        private PersonMention? PrecedingPerson(int offset)
        {
            int si = doc.SentenceAt(offset);
            if (si < 0) return LastBefore(offset, 0);
            var own = LastBefore(offset, doc.Sentences[si].Start);
            if (own is not null) return own;
            for (int s = si - 1; s >= 0 && si - s <= 6; s--)
            {
                var sent = doc.Sentences[s];
                // a person the sentence reports as speaking ("..., Moravec said") is the likeliest antecedent;
                // else its first person that is not an agent or object ("led by judge Lindahl")
                PersonMention? first = null;
                foreach (var p in persons)
                {
                    if (p.Start >= sent.End) break;
                    if (p.Start < sent.Start || InsideQuote(p.Start) || IsPossessiveOrModifier(p)) continue;
                    if (IsSpeechSubject(p)) return p;
                    int before = TokenFrom(p.Start) - 1;
                    bool oblique = before >= 0 && (Is(before, "by") || Is(before, "with") || Is(before, "to") || Is(before, "judge"));
                    if (first is null && !oblique) first = p;
                }
                if (first is not null) return first;
            }
            return null;
        }

        /// <summary>A mention followed by a speech verb ("Moravec said") or following one ("said Moravec").</summary>
        private bool IsSpeechSubject(PersonMention p)
        {
            int after = TokenFrom(p.End);
            int before = TokenFrom(p.Start) - 1;
            var verbs = SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
            return (after < _tokens.Length && verbs.Contains(W(after)) && !Is(after, "according")) ||
                   (before >= 0 && (Is(before, "said") || Is(before, "says") || Is(before, "added")));
        }

        /// <summary>"Biden's meeting", "the Biden administration": a person name used as a modifier is not a subject.</summary>
        private bool IsPossessiveOrModifier(PersonMention p)
        {
            int k = TokenFrom(p.End);
            if (k >= _tokens.Length) return false;
            var next = W(k);
            if (next.Equals("'s", StringComparison.OrdinalIgnoreCase) || next.Equals("\u2019s", StringComparison.OrdinalIgnoreCase)) return true;
            return _tokens[k].Kind == TokenKind.Word && char.IsLower(next[0]) && DescriptionHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next);
        }

        /// <summary>
        /// "Politifact seized on Trump's claim that there were “thousands of shootings”": a partial quote inside
        /// a person's claim, statement or words is that person's.
        /// </summary>
        public Attribution? PossessiveClaim(Marked q)
        {
            int si = doc.SentenceAt(q.Open);
            int from = si >= 0 ? doc.Sentences[si].Start : 0;
            Attribution? found = null;
            foreach (var p in persons)
            {
                if (p.Start >= q.Open) break;
                if (p.Start < from || InsideQuote(p.Start)) continue;
                int k = TokenFrom(p.End);
                if (k + 1 >= _tokens.Length || !(Is(k, "'s") || Is(k, "\u2019s") || Is(k, "'") || Is(k, "\u2019"))) continue;
                if (ClaimNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(k + 1))) found = new Attribution(p.Canonical, new TextSpan(p.Start, p.End));
            }
            return found;
        }

        private PersonMention? LastBefore(int offset, int from)
        {
            PersonMention? found = null;
            foreach (var p in persons)
            {
                if (p.Start >= offset) break;
                if (p.Start >= from && !InsideQuote(p.Start) && !IsPossessiveOrModifier(p)) found = p;
            }
            return found;
        }

        /// <summary>For a partial quote without a speech verb: the subject of its sentence (the first person before the quote).</summary>
        public Attribution? SentenceSubject(Marked q)
        {
            int si = doc.SentenceAt(q.Open);
            int from = si >= 0 ? doc.Sentences[si].Start : 0;
            PersonMention? first = null;
            foreach (var p in persons)
            {
                if (p.Start >= q.Open) break;
                if (p.Start >= from && !InsideQuote(p.Start) && !IsPossessiveOrModifier(p)) { first = p; break; }
            }
            // a he/she subject before the first named person ("..., he also provided Netanyahu with ...")
            int limit = first?.Start ?? q.Open;
            for (int k = TokenFrom(from); k < _tokens.Length && _tokens[k].Start < limit; k++)
            {
                if (_tokens[k].Kind == TokenKind.Word && PersonPronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(k)) && !InsideQuote(_tokens[k].Start) &&
                    (Is(k, "he") || Is(k, "she")))
                {
                    var antecedent = PrecedingPerson(_tokens[k].Start);
                    return new Attribution(antecedent?.Canonical, new TextSpan(_tokens[k].Start, _tokens[k].End));
                }
            }
            return first is { } f ? new Attribution(f.Canonical, new TextSpan(f.Start, f.End)) : null;
        }

        /// <summary>A quote standing alone after a sentence that names a speaker ("the official admitted ...").</summary>
        public Attribution? PreviousSentenceSpeaker(Marked q)
        {
            int si = doc.SentenceAt(q.Open);
            if (si <= 0) return null;
            // the previous sentence that is not itself only quotation
            for (int s = si - 1; s >= 0 && si - s <= 2; s--)
            {
                var sent = doc.Sentences[s];
                for (int k = sent.FirstToken; k < sent.EndToken; k++)
                {
                    if (InsideQuote(_tokens[k].Start)) continue;
                    if (!SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(k)) || Is(k, "according")) continue;
                    var np = SubjectBefore(k, sent.FirstToken, q);
                    if (np is not null) return np;
                }
            }
            return null;
        }

        /// <summary>Reported speech without marks: "X said (that) CLAUSE" in a sentence with no quotation.</summary>
        public IEnumerable<Quote> Indirect()
        {
            var found = new List<Quote>();
            int mi = 0;
            foreach (var sent in doc.Sentences)
            {
                // quotations and sentences are both in text order: one sweep finds the sentences holding marks
                while (mi < marked.Count && marked[mi].Close < sent.Start) mi++;
                bool hasMarks = mi < marked.Count && marked[mi].Open < sent.End;
                if (hasMarks) continue;
                for (int k = sent.FirstToken; k < sent.EndToken - 2; k++)
                {
                    if (!(Is(k, "said") || Is(k, "says") || Is(k, "told") || Is(k, "stated") || Is(k, "added") || Is(k, "claimed") || Is(k, "warned") || Is(k, "insisted"))) continue;
                    int c = k + 1;
                    if (Is(k, "told"))
                    {
                        // "told reporters (that) ..."
                        // "told the assembly last week that ...": the reported content starts after "that"
                        int t = c;
                        while (t < sent.EndToken && _tokens[t].Kind == TokenKind.Word && !Is(t, "that") && t - k <= 7) t++;
                        if (Is(t, "that")) c = t;
                        else while (c < sent.EndToken && _tokens[c].Kind == TokenKind.Word && !Is(c, "that") && c - k <= 3) c++;
                    }
                    // "said on Thursday that ...": skip a short time phrase
                    if (Is(c, "on") || Is(c, "in") || Is(c, "late") || Is(c, "earlier"))
                    {
                        int t = c;
                        while (t < sent.EndToken && t - c < 4 && !Is(t, "that")) t++;
                        if (Is(t, "that")) c = t;
                    }
                    if (Is(c, "that")) c++;
                    if (c >= sent.EndToken - 1 || _tokens[c].Kind != TokenKind.Word) continue;
                    var subj = SubjectBefore(k, sent.FirstToken, default);
                    if (subj is null) continue;
                    int endTok = sent.EndToken - 1;
                    while (endTok > c && _tokens[endTok].Kind == TokenKind.Punctuation) endTok--;
                    int s = _tokens[c].Start, e = _tokens[endTok].End;
                    if (e - s < 12) continue;
                    found.Add(new Quote(new TextSpan(s, e), _text[s..e], subj.Value.Speaker, subj.Value.Span, QuoteKind.Indirect));
                    break;
                }
            }
            return found;
        }

        private bool HasNewline(int from, int to)
        {
            for (int i = from; i < to && i < _text.Length; i++)
                if (_text[i] == '\n') return true;
            return false;
        }
    }
}
