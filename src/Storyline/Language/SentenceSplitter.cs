using Storyline.Documents;

namespace Storyline.Language;

/// <summary>
/// Splits tokens into sentences: at line breaks between paragraphs, and after ". ! ?" (with any closing
/// quotes or brackets) when the next token starts a new sentence. Abbreviations and initials do not end
/// sentences unless a capitalised word follows an abbreviation that is not a title.
/// </summary>
public sealed class SentenceSplitter : IAnnotator
{
    public static readonly SentenceSplitter Instance = new();

    public string Name => "sentences";

    public IReadOnlyCollection<string> Requires => [Layers.Tokens];

    public IReadOnlyCollection<string> Produces => [Layers.Sentences];

    public AnnotatedDocument Annotate(AnnotatedDocument document) =>
        document with { Sentences = Split(document.Text, document.Tokens) };

    public static Sentence[] Split(string text, Token[] tokens)
    {
        var sentences = new List<Sentence>();
        int first = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            bool end = false;
            var t = tokens[i];
            if (i + 1 < tokens.Length && HasLineBreak(text, t.End, tokens[i + 1].Start, out bool blank))
                end = blank || !IsWrappedLine(text, t, tokens[i + 1]);
            else if (IsTerminal(text, t) && i + 1 < tokens.Length)
            {
                // absorb closing quotes and brackets
                int j = i;
                while (j + 1 < tokens.Length && tokens[j + 1].Start == tokens[j].End && IsCloser(text[tokens[j + 1].Start]))
                    j++;
                if (j + 1 >= tokens.Length) { i = j; continue; }
                var next = tokens[j + 1];
                if (next.Start > tokens[j].End && StartsSentence(text, next))
                {
                    i = j;
                    end = true;
                }
            }
            else if (t.Kind == TokenKind.Word && text[t.End - 1] == '.' && i + 1 < tokens.Length)
            {
                // abbreviation-final period: a sentence ends here only if a capitalised non-name word follows
                var word = text.AsSpan(t.Start, t.End - t.Start);
                var next = tokens[i + 1];
                // a country initialism can end a sentence ("... to the U.S. The ..."), a personal initial ("J.") cannot
                if (!Abbreviations.IsTitle(word) && (!Abbreviations.IsDottedInitialism(word) || word.Length >= 4) && !IsMonth(word) &&
                    StartsSentence(text, next) && IsLikelySentenceStarter(text, next))
                    end = true;
            }
            if (end)
            {
                Add(sentences, tokens, first, i);
                first = i + 1;
            }
        }
        if (first < tokens.Length) Add(sentences, tokens, first, tokens.Length - 1);
        return [.. sentences];
    }

    private static void Add(List<Sentence> list, Token[] tokens, int first, int last) =>
        list.Add(new Sentence(tokens[first].Start, tokens[last].End, first, last - first + 1));

    private static bool HasLineBreak(string text, int from, int to, out bool blank)
    {
        int breaks = 0;
        for (int k = from; k < to; k++)
            if (text[k] == '\n' || text[k] == '\u2029') breaks++;
        blank = breaks > 1;
        return breaks > 0;
    }

    /// <summary>
    /// A single line break inside a hard-wrapped paragraph: the line does not end in sentence punctuation and
    /// the next one continues in lower case. Headlines, bullets and one-paragraph-per-line text still split.
    /// </summary>
    private static bool IsWrappedLine(string text, Token last, Token next)
    {
        char end = text[last.End - 1];
        if (end is '.' or '!' or '?' or ':' or '\u2026' or '"' or '\u201D') return false;
        char c = text[next.Start];
        return char.IsLower(c) || (c is ',' or ';');
    }

    private static bool IsTerminal(string text, Token t) =>
        t.Kind == TokenKind.Punctuation && (text[t.Start] is '.' or '!' or '?' or '\u2026');

    private static bool IsCloser(char c) => c is '"' or '\u201D' or '\u2019' or '\'' or ')' or ']' or '\u00BB';

    private static bool StartsSentence(string text, Token next)
    {
        char c = text[next.Start];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\u201C' or '\u2018' or '\'' or '(' or '[' or '-' or '\u2014' or '\u2022';
    }

    private static bool IsMonth(ReadOnlySpan<char> word) =>
        word.Length >= 4 && "Jan.Feb.Mar.Apr.Jun.Jul.Aug.Sep.Sept.Oct.Nov.Dec.".Contains(word, StringComparison.Ordinal);

    private static readonly HashSet<string> Starters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "But", "And",
        "In", "On", "At", "As", "If", "When", "While", "After", "Before", "His", "Her", "Their", "Its", "There",
    };

    private static bool IsLikelySentenceStarter(string text, Token next) =>
        Starters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(next.Start, next.End - next.Start));
}
