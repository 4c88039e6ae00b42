using Storyline.Documents;

namespace Storyline.Language;

/// <summary>
/// Splits text into word, number, punctuation and quote tokens. Keeps "U.S.", "Oct.", "1,199", "9/11",
/// "cease-fire" and "F-16" whole; splits the possessive "'s", a possessive apostrophe ("Hamas'") and "n't"
/// off as their own word tokens (the Penn Treebank convention the entity model was trained on).
/// </summary>
public sealed class Tokenizer : IAnnotator
{
    public static readonly Tokenizer Instance = new();

    public string Name => "tokenizer";

    public IReadOnlyCollection<string> Requires => [];

    public IReadOnlyCollection<string> Produces => [Layers.Tokens];

    public AnnotatedDocument Annotate(AnnotatedDocument document) =>
        document with { Tokens = Tokenize(document.Text) };

    public static Token[] Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        int i = 0, n = text.Length;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            if (char.IsDigit(c))
            {
                i++;
                while (i < n && (char.IsDigit(text[i]) ||
                       ((text[i] is ',' or '.' or '/' or ':' or '\u2044') && i + 1 < n && char.IsDigit(text[i + 1]))))
                    i++;
                // "20th", "9/11s", "2,000-lb", "81-year-old"
                while (i < n && (char.IsLetterOrDigit(text[i]) ||
                       (text[i] is '-' or '\u2010' or '\u2011' && i + 1 < n && char.IsLetterOrDigit(text[i + 1]))))
                    i++;
                tokens.Add(new Token(start, i, TokenKind.Number));
                continue;
            }
            if (char.IsLetter(c))
            {
                i++;
                // a currency's country letters between its sign and the amount: "$US55,931,000", "$A82,615,680"
                bool afterCurrencySign = start > 0 && char.GetUnicodeCategory(text[start - 1]) == System.Globalization.UnicodeCategory.CurrencySymbol;
                while (i < n)
                {
                    char d = text[i];
                    if (afterCurrencySign && char.IsDigit(d) && i - start <= 3 && IsUpperRun(text, start, i)) break;
                    if (char.IsLetterOrDigit(d)) { i++; continue; }
                    // inner hyphen or apostrophe joining letters: "cease-fire", "O'Brien" (not "'s", "n't")
                    if ((d == '-' || d == '\u2010' || d == '\u2011') && i + 1 < n && char.IsLetterOrDigit(text[i + 1])) { i++; continue; }
                    if (IsApostrophe(d) && i + 1 < n && char.IsLetter(text[i + 1]) && !IsClitic(text, i + 1) && !IsContractionNt(text, start, i)) { i++; continue; }
                    // abbreviations with inner periods: "U.S.", "a.m."
                    if (d == '.' && i + 1 < n && char.IsLetter(text[i + 1]) && i + 2 <= n &&
                        (i + 2 == n || text[i + 2] == '.' ) && i - start <= 2) { i++; continue; }
                    break;
                }
                // "n't": split "don't" into "do" + "n't"
                if (i < n && IsApostrophe(text[i]) && i - 1 > start && (text[i - 1] == 'n' || text[i - 1] == 'N') &&
                    i + 1 < n && (text[i + 1] == 't' || text[i + 1] == 'T') && (i + 2 >= n || !char.IsLetter(text[i + 2])))
                {
                    tokens.Add(new Token(start, i - 1, TokenKind.Word));
                    tokens.Add(new Token(i - 1, i + 2, TokenKind.Word));
                    i += 2;
                    continue;
                }
                // trailing period of a dotted abbreviation ("U.S." / "Gen.") stays with the word
                if (i < n && text[i] == '.' && Abbreviations.IsAbbreviation(text.AsSpan(start, i - start + 1)))
                    i++;
                tokens.Add(new Token(start, i, TokenKind.Word));
                // possessive apostrophe after a plural or sibilant ("Hamas’", "the Palestinians’"): a clitic, not a quote
                if (i < n && IsApostrophe(text[i]) && (text[i - 1] is 's' or 'S' or 'z' or 'x') &&
                    (i + 1 == n || !char.IsLetterOrDigit(text[i + 1])) && IsPossessiveContext(text, i))
                {
                    tokens.Add(new Token(i, i + 1, TokenKind.Word));
                    i++;
                }
                continue;
            }
            if (IsApostrophe(c) && i + 1 < n && char.IsLetter(text[i + 1]) && IsClitic(text, i + 1))
            {
                i++;
                while (i < n && char.IsLetter(text[i])) i++;
                tokens.Add(new Token(start, i, TokenKind.Word));
                continue;
            }
            if (c == '.' && i + 2 < n && text[i + 1] == '.' && text[i + 2] == '.')
            {
                tokens.Add(new Token(i, i + 3, TokenKind.Punctuation));
                i += 3;
                continue;
            }
            if (char.IsSurrogate(c) && i + 1 < n) { tokens.Add(new Token(i, i + 2, TokenKind.Symbol)); i += 2; continue; }
            tokens.Add(new Token(i, i + 1, Classify(c)));
            i++;
        }
        return [.. tokens];
    }

    private static bool IsUpperRun(string text, int start, int end)
    {
        for (int k = start; k < end; k++)
            if (!char.IsUpper(text[k])) return false;
        return true;
    }

    /// <summary>
    /// Whether an apostrophe after "s" is a possessive rather than a closing single quote: it is, unless an
    /// opening single quote earlier on the same line is still open.
    /// </summary>
    private static bool IsPossessiveContext(string text, int apostrophe)
    {
        int open = 0;
        for (int k = apostrophe - 1; k >= 0 && text[k] != '\n'; k--)
        {
            char c = text[k];
            if (c == '\u2018' || (c == '\'' && (k == 0 || !char.IsLetterOrDigit(text[k - 1])) && k + 1 < text.Length && char.IsLetter(text[k + 1])))
                open++;
        }
        return open == 0;
    }

    internal static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    internal static bool IsQuoteChar(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' or '\u2018' or '\u2019' or '\'';

    private static TokenKind Classify(char c)
    {
        if (IsQuoteChar(c)) return TokenKind.Quote;
        if (char.IsPunctuation(c)) return TokenKind.Punctuation;
        if (char.IsSymbol(c)) return TokenKind.Symbol;
        return TokenKind.Other;
    }

    // "'s", "'re", "'ve", "'ll", "'d", "'m" after a word
    private static bool IsClitic(string text, int at)
    {
        int len = 0;
        while (at + len < text.Length && char.IsLetter(text[at + len])) len++;
        if (len == 0 || len > 2) return false;
        var s = text.AsSpan(at, len);
        return s.Equals("s", StringComparison.OrdinalIgnoreCase) || s.Equals("re", StringComparison.OrdinalIgnoreCase) ||
               s.Equals("ve", StringComparison.OrdinalIgnoreCase) || s.Equals("ll", StringComparison.OrdinalIgnoreCase) ||
               s.Equals("d", StringComparison.OrdinalIgnoreCase) || s.Equals("m", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsContractionNt(string text, int wordStart, int apostrophe) =>
        apostrophe - 1 > wordStart && (text[apostrophe - 1] is 'n' or 'N') &&
        apostrophe + 1 < text.Length && (text[apostrophe + 1] is 't' or 'T');
}
