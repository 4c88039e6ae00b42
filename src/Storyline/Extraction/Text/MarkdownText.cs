using System.Text;
using System.Text.RegularExpressions;

namespace Storyline.Extraction.Text;

/// <summary>
/// Markdown copied or saved from a page, reduced to its text before cleaning: heading markers,
/// emphasis, link and image syntax go; the words stay.
/// </summary>
internal static partial class MarkdownText
{
    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)", RegexOptions.CultureInvariant)]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]\n]{1,500})\]\([^)\n]{0,2000}\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", RegexOptions.CultureInvariant)]
    private static partial Regex Strong();

    public static bool IsMarkdownSource(string source)
    {
        var s = source.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? source[..^3] : source;
        return s.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || s.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);
    }

    public static string ToText(string markdown)
    {
        var s = Heading().Replace(markdown, "");
        s = Image().Replace(s, "");
        s = Link().Replace(s, "$1");
        s = Strong().Replace(s, "$2");
        return s;
    }
}
