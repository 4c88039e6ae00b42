using System.Text;

namespace Storyline.Extraction.Html;

/// <summary>
/// Cuts what can never be article text out of the markup before it is parsed: scripts, styles, SVG,
/// templates, <c>noscript</c> blocks and comments, which together are often more than half of a news
/// page's bytes. JSON-LD scripts are kept aside for the metadata reader. The scan uses vectorised
/// <c>IndexOf</c> over the raw string, so it costs a fraction of tokenising the same bytes, and it
/// follows the HTML tokenizer's rules closely enough for this purpose: a raw-text element ends at the
/// first matching close tag, a comment at the first <c>--&gt;</c>.
/// </summary>
internal static class HtmlPrefilter
{
    /// <summary>Elements whose content is skipped up to their close tag.</summary>
    private static readonly string[] SkippedElements = ["script", "style", "svg", "noscript", "template", "math"];

    public static string Strip(string html, List<string> jsonLd)
    {
        var sb = new StringBuilder(html.Length / 2);
        int pos = 0;
        int copyFrom = 0;
        var span = html.AsSpan();
        while (true)
        {
            int lt = span[pos..].IndexOf('<');
            if (lt < 0) break;
            lt += pos;
            pos = lt + 1;
            if (pos >= span.Length) break;
            var rest = span[pos..];
            if (rest.StartsWith("!--"))
            {
                int end = rest[3..].IndexOf("-->");
                int stop = end < 0 ? span.Length : pos + 3 + end + 3;
                sb.Append(span[copyFrom..lt]);
                copyFrom = pos = stop;
                if (end < 0) break;
                continue;
            }
            string? element = null;
            foreach (var name in SkippedElements)
            {
                if (rest.Length > name.Length && rest.StartsWith(name, StringComparison.OrdinalIgnoreCase)
                    && rest[name.Length] is ' ' or '>' or '/' or '\t' or '\n' or '\r' or '\f')
                {
                    element = name;
                    break;
                }
            }
            if (element is null) continue;
            int tagEnd = rest.IndexOf('>');
            if (tagEnd < 0) break;
            var openTag = rest[..tagEnd];
            int contentStart = pos + tagEnd + 1;
            int close = Dom.HtmlTreeBuilder.IndexOfCloseTag(span, contentStart, element);
            int after;
            if (close < 0)
            {
                // An unclosed raw-text element swallows the rest of the page in a browser too.
                after = span.Length;
                close = span.Length;
            }
            else
            {
                int gt = span[close..].IndexOf('>');
                after = gt < 0 ? span.Length : close + gt + 1;
            }
            if (element == "script" && openTag.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                jsonLd.Add(span[contentStart..close].ToString());
            sb.Append(span[copyFrom..lt]);
            copyFrom = pos = after;
            if (pos >= span.Length) break;
        }
        if (copyFrom < span.Length) sb.Append(span[copyFrom..]);
        return sb.ToString();
    }
}
