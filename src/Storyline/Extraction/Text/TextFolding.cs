using System.Text;

namespace Storyline.Extraction.Text;

/// <summary>
/// Character-level normalisation shared by the cleaner and the HTML extractor: typographic quotes and
/// dashes folded to ASCII for matching, invisible characters dropped from output text.
/// </summary>
internal static class TextFolding
{
    /// <summary>Folds one character for cue matching: curly quotes → ASCII, dashes → '-', NBSP → space, lower case.</summary>
    public static char FoldChar(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u200A' or '\u2002' or '\u2003' => ' ',
        '\u2026' => '.',
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>The folded, lower-cased form of <paramref name="text"/>, with runs of spaces collapsed.</summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char raw in text)
        {
            char c = FoldChar(raw);
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (IsInvisible(c)) continue;
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Zero-width and formatting characters that carry no text.</summary>
    public static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    /// <summary>
    /// Normalises a line for output: invisible characters dropped, exotic spaces and tabs to one space,
    /// runs of spaces collapsed, trimmed. Quotes and dashes are kept as written.
    /// </summary>
    public static string NormalizeLine(ReadOnlySpan<char> line)
    {
        var sb = new StringBuilder(line.Length);
        bool space = false;
        foreach (char c in line)
        {
            if (IsInvisible(c) || (char.IsControl(c) && c != '\t')) continue;
            if (c == '\t' || char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Number of whitespace-separated words.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        int n = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord)
            {
                inWord = true;
                n++;
            }
        }
        return n;
    }

    /// <summary>True when the line ends like a sentence: . ! ? or an ellipsis, possibly followed by closing quotes or brackets.</summary>
    public static bool EndsLikeSentence(ReadOnlySpan<char> line)
    {
        int i = line.Length - 1;
        while (i >= 0 && (char.IsWhiteSpace(line[i]) || IsClosing(line[i]))) i--;
        if (i < 0) return false;
        return line[i] is '.' or '!' or '?' or '\u2026' or '\u3002';
    }

    private static bool IsClosing(char c) =>
        c is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']' or '\u00BB' or '*' or '_';
}
