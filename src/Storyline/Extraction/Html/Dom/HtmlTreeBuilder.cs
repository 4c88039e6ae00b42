using System.Collections.Frozen;
using System.Net;

namespace Storyline.Extraction.Html.Dom;

/// <summary>
/// A fast, forgiving HTML reader: a tokenizer that jumps between tags with vectorised searches and a
/// tree builder that applies the HTML standard's most common repairs (void elements, implied end tags
/// of p, li, dt/dd, tr, td/th and option, close tags matched up the open-element stack, stray close tags
/// ignored) without the full adoption-agency machinery, which only matters for misnested inline markup and
/// never for where paragraphs are. Nesting beyond a depth cap is flattened, so hostile input stays bounded.
/// </summary>
internal static class HtmlTreeBuilder
{
    private static readonly FrozenSet<string> VoidElements = new[]
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr", "keygen", "basefont", "bgsound", "frame", "image",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Elements whose content is text up to their close tag.</summary>
    private static readonly FrozenSet<string> RawTextElements = new[]
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Opening one of these closes an open &lt;p&gt; (HTML: "close a p element").</summary>
    private static readonly FrozenSet<string> ClosesParagraph = new[]
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li",
        "dd", "dt", "listing",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Elements that bound the search for an element to close implicitly.</summary>
    private static readonly FrozenSet<string> ScopeBoundaries = new[]
    {
        "html", "body", "table", "td", "th", "caption", "marquee", "object", "applet", "template", "ul", "ol",
        "div", "section", "article", "main", "blockquote",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Interned tag names, so that common tags are never allocated per page.</summary>
    private static readonly FrozenDictionary<string, string> KnownTags = new[]
    {
        "html", "head", "body", "title", "meta", "link", "script", "style", "div", "span", "p", "a", "b", "i",
        "em", "strong", "u", "s", "small", "sup", "sub", "br", "hr", "img", "ul", "ol", "li", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
        "section", "article", "main", "header", "footer", "nav", "aside", "figure", "figcaption", "picture",
        "source", "video", "audio", "iframe", "form", "input", "button", "select", "option", "textarea",
        "label", "blockquote", "pre", "code", "time", "noscript", "svg", "path", "g", "use", "template",
        "abbr", "cite", "q", "mark", "del", "ins", "font", "center", "address", "details", "summary", "dialog",
        "menu", "hgroup", "wbr", "base", "col", "colgroup", "embed", "object", "param", "track", "area", "map",
        "canvas", "math", "fieldset", "legend", "amp-img", "byline",
    }.ToFrozenDictionary(t => t, t => t, StringComparer.Ordinal);

    /// <summary>
    /// The only attributes extraction reads; the others (href, src, srcset, data-*, on*) are skipped
    /// without allocating, which is most of the attribute bytes of a news page.
    /// </summary>
    private static readonly FrozenDictionary<string, string> KeptAttributes = new[]
    {
        "class", "id", "style", "hidden", "aria-hidden", "role", "property", "name", "itemprop", "http-equiv",
        "content", "rel", "datetime", "pubdate", "lang", "xml:lang", "charset", "type",
    }.ToFrozenDictionary(t => t, t => t, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whitespace-only text between tags is shared, not allocated per run.</summary>
    private const string Space = " ";

    /// <summary>Parses <paramref name="html"/>; the returned root is a synthetic "#document" element.</summary>
    public static HtmlNode Parse(string html, int maxDepth)
    {
        var root = new HtmlNode("#document", null);
        var open = new List<HtmlNode>(64) { root };
        var span = html.AsSpan();
        int pos = 0;
        while (pos < span.Length)
        {
            int lt = span[pos..].IndexOf('<');
            int textEnd = lt < 0 ? span.Length : pos + lt;
            if (textEnd > pos) AddText(open[^1], html, pos, textEnd);
            if (lt < 0) break;
            pos = textEnd;
            if (pos + 1 >= span.Length)
            {
                AddText(open[^1], html, pos, span.Length);
                break;
            }
            char next = span[pos + 1];
            if (next == '!')
            {
                // Comment, doctype or CDATA: skipped.
                if (span[pos..].StartsWith("<!--"))
                {
                    int end = span[(pos + 4)..].IndexOf("-->");
                    pos = end < 0 ? span.Length : pos + 4 + end + 3;
                }
                else
                {
                    int gt = span[pos..].IndexOf('>');
                    pos = gt < 0 ? span.Length : pos + gt + 1;
                }
                continue;
            }
            if (next == '?')
            {
                int gt = span[pos..].IndexOf('>');
                pos = gt < 0 ? span.Length : pos + gt + 1;
                continue;
            }
            if (next == '/')
            {
                int nameStart = pos + 2;
                int nameEnd = nameStart;
                while (nameEnd < span.Length && IsNameChar(span[nameEnd])) nameEnd++;
                int gt = span[nameEnd..].IndexOf('>');
                int after = gt < 0 ? span.Length : nameEnd + gt + 1;
                if (nameEnd > nameStart && char.IsAsciiLetter(span[nameStart]))
                    Close(open, TagName(span[nameStart..nameEnd]));
                pos = after;
                continue;
            }
            if (!char.IsAsciiLetter(next))
            {
                // A lone '<' in text.
                AddText(open[^1], html, pos, pos + 1);
                pos++;
                continue;
            }
            pos = ReadStartTag(html, pos, open, maxDepth);
        }
        return root;
    }

    private static bool IsNameChar(char c) => c is not (' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>');

    private static string TagName(ReadOnlySpan<char> name)
    {
        Span<char> lower = name.Length <= 64 ? stackalloc char[name.Length] : new char[name.Length];
        name.ToLowerInvariant(lower);
        var lookup = KnownTags.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(lower, out var known) ? known : new string(lower);
    }

    private static int ReadStartTag(string html, int pos, List<HtmlNode> open, int maxDepth)
    {
        var span = html.AsSpan();
        int i = pos + 1;
        int nameStart = i;
        while (i < span.Length && IsNameChar(span[i])) i++;
        var tag = TagName(span[nameStart..i]);
        var attributes = new List<(string, string)>();
        bool selfClosing = false;
        // Attributes.
        while (i < span.Length)
        {
            while (i < span.Length && span[i] is ' ' or '\t' or '\n' or '\r' or '\f') i++;
            if (i >= span.Length) break;
            char c = span[i];
            if (c == '>')
            {
                i++;
                break;
            }
            if (c == '/')
            {
                selfClosing = true;
                i++;
                continue;
            }
            int an = i;
            while (i < span.Length && span[i] is not (' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>' or '=')) i++;
            if (i == an) i++;
            var attrName = span[an..i];
            while (i < span.Length && span[i] is ' ' or '\t' or '\n' or '\r' or '\f') i++;
            Range valueRange = default;
            if (i < span.Length && span[i] == '=')
            {
                i++;
                while (i < span.Length && span[i] is ' ' or '\t' or '\n' or '\r' or '\f') i++;
                if (i < span.Length && span[i] is '"' or '\'')
                {
                    char q = span[i];
                    int close = span[(i + 1)..].IndexOf(q);
                    int vEnd = close < 0 ? span.Length : i + 1 + close;
                    valueRange = (i + 1)..vEnd;
                    i = close < 0 ? span.Length : vEnd + 1;
                }
                else
                {
                    int vs = i;
                    while (i < span.Length && span[i] is not (' ' or '\t' or '\n' or '\r' or '\f' or '>')) i++;
                    valueRange = vs..i;
                }
            }
            selfClosing = false;
            if (attrName.Length > 0 && attributes.Count < 64)
            {
                if (KeptAttributes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(attrName, out var kept))
                    attributes.Add((kept, Decode(span[valueRange])));
                else if (tag == "link" && attrName.Equals("href", StringComparison.OrdinalIgnoreCase))
                    attributes.Add(("href", Decode(span[valueRange])));
            }
        }

        // Implied end tags.
        if (ClosesParagraph.Contains(tag)) CloseInScope(open, "p");
        switch (tag)
        {
            case "li":
                CloseInScope(open, "li");
                break;
            case "dt" or "dd":
                CloseInScope(open, "dt");
                CloseInScope(open, "dd");
                break;
            case "tr":
                CloseInScope(open, "td");
                CloseInScope(open, "th");
                CloseInScope(open, "tr");
                break;
            case "td" or "th":
                CloseInScope(open, "td");
                CloseInScope(open, "th");
                break;
            case "option":
                if (open[^1].Tag == "option") open.RemoveAt(open.Count - 1);
                break;
            case "body" or "html" or "head":
                // Repeated or late structural tags: merge attributes into the existing element.
                foreach (var el in open)
                {
                    if (el.Tag != tag) continue;
                    foreach (var (n, v) in attributes) el.SetAttribute(n, v);
                    return i;
                }
                break;
        }

        var parent = open[^1];
        var node = new HtmlNode(tag, parent);
        foreach (var (n, v) in attributes) node.SetAttribute(n, v);
        parent.Add(node);

        if (RawTextElements.Contains(tag))
        {
            int close = IndexOfCloseTag(span, i, tag);
            int end = close < 0 ? span.Length : close;
            if (end > i)
            {
                string text = tag is "title" or "textarea" ? Decode(span[i..end]) : html[i..end];
                node.Add(new HtmlNode(HtmlNode.TextTag, node) { Text = text });
            }
            if (close < 0) return span.Length;
            int gt = span[close..].IndexOf('>');
            return gt < 0 ? span.Length : close + gt + 1;
        }
        // Beyond the depth cap, elements still exist but stop nesting: bounded stack, bounded work.
        if (!VoidElements.Contains(tag) && !(selfClosing && tag is "div" or "span" or "a" or "p") && open.Count < maxDepth)
            open.Add(node);
        return i;
    }

    private static void Close(List<HtmlNode> open, string tag)
    {
        if (tag is "br")
        {
            // "</br>" is treated as "<br>" by browsers.
            open[^1].Add(new HtmlNode("br", open[^1]));
            return;
        }
        if (tag is "body" or "html") return; // content after </body> still belongs to the body
        for (int k = open.Count - 1; k > 0; k--)
        {
            if (open[k].Tag == tag)
            {
                open.RemoveRange(k, open.Count - k);
                return;
            }
            // A close tag does not reach through a table cell or similar boundary for inline elements.
            if (ScopeBoundaries.Contains(open[k].Tag) && !ScopeBoundaries.Contains(tag) && !ClosesParagraph.Contains(tag)) return;
        }
        if (tag == "p") open[^1].Add(new HtmlNode("p", open[^1])); // "</p>" without a <p> makes an empty p
    }

    private static void CloseInScope(List<HtmlNode> open, string tag)
    {
        for (int k = open.Count - 1; k > 0; k--)
        {
            var t = open[k].Tag;
            if (t == tag)
            {
                open.RemoveRange(k, open.Count - k);
                return;
            }
            if (ScopeBoundaries.Contains(t) && t != tag) return;
            if (tag == "p" && ClosesParagraph.Contains(t)) return;
        }
    }

    /// <summary>Where the close tag of a raw-text element (<c>&lt;/script</c>, <c>&lt;/style</c>, ...) starts, or -1.</summary>
    internal static int IndexOfCloseTag(ReadOnlySpan<char> span, int from, string tag)
    {
        int pos = from;
        while (pos < span.Length)
        {
            int i = span[pos..].IndexOf("</");
            if (i < 0) return -1;
            i += pos;
            var name = span[(i + 2)..];
            if (name.Length >= tag.Length && name[..tag.Length].Equals(tag, StringComparison.OrdinalIgnoreCase)
                && (name.Length == tag.Length || name[tag.Length] is '>' or ' ' or '\t' or '\n' or '\r' or '/' or '\f'))
                return i;
            pos = i + 2;
        }
        return -1;
    }

    private static void AddText(HtmlNode parent, string html, int start, int end)
    {
        var raw = html.AsSpan(start, end - start);
        var text = raw.IsWhiteSpace() ? Space : Decode(raw);
        // Merge with a preceding text node (text split by skipped comments).
        parent.Add(new HtmlNode(HtmlNode.TextTag, parent) { Text = text });
    }

    private static string Decode(ReadOnlySpan<char> raw) =>
        raw.IndexOf('&') < 0 ? raw.ToString() : WebUtility.HtmlDecode(raw.ToString());
}
