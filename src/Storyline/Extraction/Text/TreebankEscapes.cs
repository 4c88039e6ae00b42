using System.Text.RegularExpressions;

namespace Storyline.Extraction.Text;

/// <summary>
/// Text that went through a Penn Treebank tokenizer writes brackets as <c>-LRB-</c>, <c>-RRB-</c>,
/// <c>-LSB-</c>, <c>-RSB-</c>, <c>-LCB-</c> and <c>-RCB-</c> (news corpora such as Timeline17 ship it so).
/// Read as words, they become names ("Agency -LRB- DEA" as one organisation) and show in summaries; the
/// brackets they stand for are put back.
/// </summary>
public static partial class TreebankEscapes
{
    [GeneratedRegex(@"(?<![^\s(\[{])-([LR])([RSC])B-(?![^\s)\]}.,;:!?])", RegexOptions.CultureInvariant)]
    private static partial Regex Escape();

    /// <summary>The text with every whitespace-delimited bracket escape replaced by its bracket.</summary>
    public static string Undo(string text)
    {
        if (!text.Contains("B-", StringComparison.Ordinal)) return text;
        return Escape().Replace(text, m => (m.Groups[1].Value, m.Groups[2].Value) switch
        {
            ("L", "R") => "(",
            ("R", "R") => ")",
            ("L", "S") => "[",
            ("R", "S") => "]",
            ("L", "C") => "{",
            _ => "}",
        });
    }
}
