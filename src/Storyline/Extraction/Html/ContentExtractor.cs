using System.Text;
using Storyline.Extraction.Html.Dom;

namespace Storyline.Extraction.Html;

/// <summary>A run of text inside one block element, with how much of it is link text.</summary>
internal sealed class TextBlock(ElementInfo owner, string text, int linkChars)
{
    public ElementInfo Owner { get; } = owner;
    public string Text { get; } = text;
    public int LinkChars { get; } = linkChars;
    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;
}

/// <summary>What the walk learned about one element: its place, its class hints and the text inside it.</summary>
internal sealed class ElementInfo(HtmlNode element, ElementInfo? parent, string tag, int depth)
{
    public HtmlNode Element { get; } = element;
    public ElementInfo? Parent { get; } = parent;
    public string Tag { get; } = tag;
    public int Depth { get; } = depth;
    public double ClassWeight { get; set; }
    public bool Scored { get; set; }
    public double Score { get; set; }
    public int TextChars { get; set; }
    public int LinkChars { get; set; }
    public int Commas { get; set; }
    public int Index { get; set; }
    public double LinkDensity => TextChars == 0 ? 0 : (double)LinkChars / TextChars;
    public double FinalScore => Score * (1 - LinkDensity);
}

/// <summary>The article text found in a page, and what was left out of it.</summary>
internal sealed record ContentResult(IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Removed, int ProseChars, bool PaywallHint);

/// <summary>
/// Finds the article body in a parsed page.
/// 1. Walk the tree once (iteratively, depth-capped), skipping subtrees that are never article text
///    (scripts, navigation, asides, hidden elements, class/id hints of page furniture; trafilatura's pruning)
///    and cutting the rest into text blocks at block-element boundaries, counting link text per block.
/// 2. Score: every block of prose votes for its ancestors, more for near ones (Readability's paragraph
///    scoring: 1 + commas + length/100, capped), containers start from tag and class/id weights, and
///    scores are discounted by link density (boilerpipe's strongest single feature).
/// 3. Take the best container and the siblings that look like more of the same article.
/// 4. Inside it, drop link-dense blocks and link-list containers; keep headings, lists and block quotes.
/// </summary>
internal sealed class ContentExtractor(HtmlExtractorOptions options)
{
    private readonly HtmlExtractorOptions _o = options;

    public ContentResult Extract(HtmlNode body, string? title)
    {
        var first = ExtractOnce(body, title, prune: true);
        if (first.ProseChars >= _o.RetryBelowChars) return first;
        var second = ExtractOnce(body, title, prune: false);
        return second.ProseChars > first.ProseChars ? second with { PaywallHint = first.PaywallHint || second.PaywallHint } : first;
    }

    private ContentResult ExtractOnce(HtmlNode body, string? title, bool prune)
    {
        var infos = new Dictionary<HtmlNode, ElementInfo>(1024, ReferenceEqualityComparer.Instance);
        var blocks = new List<TextBlock>(512);
        bool paywallHint = Walk(body, infos, blocks, prune);
        if (blocks.Count == 0) return new ContentResult([], [], 0, paywallHint);

        Score(blocks);
        var root = infos[body];
        var top = PickTop(infos.Values, root);
        var included = IncludeSiblings(top, infos);
        return Emit(blocks, included, root, title, paywallHint);
    }

    // ---- 1. walk --------------------------------------------------------------------------------

    private bool Walk(HtmlNode body, Dictionary<HtmlNode, ElementInfo> infos, List<TextBlock> blocks, bool prune)
    {
        var hintCache = new Dictionary<string, (bool Skip, double Weight, bool Paywall)>(StringComparer.Ordinal);
        bool paywallHint = false;
        var rootInfo = new ElementInfo(body, null, "body", 0);
        infos[body] = rootInfo;
        var text = new StringBuilder(256);
        int linkChars = 0;
        int linkDepth = 0;
        var owners = new Stack<ElementInfo>();
        owners.Push(rootInfo);
        bool pendingSpace = false;

        void Flush()
        {
            // Trim trailing spaces/newlines.
            int end = text.Length;
            while (end > 0 && text[end - 1] is ' ' or '\n') end--;
            if (end > 0)
            {
                var s = text.ToString(0, end);
                blocks.Add(new TextBlock(owners.Peek(), s, Math.Min(linkChars, s.Length)));
            }
            text.Clear();
            linkChars = 0;
            pendingSpace = false;
        }

        // Iterative pre-order walk with explicit exit handling (deep hostile nesting must not overflow the stack).
        var stack = new Stack<(HtmlNode Node, ElementInfo? Info, bool Exit)>();
        PushChildren(stack, body, rootInfo);
        int index = 0;
        while (stack.Count > 0)
        {
            var (node, parentInfo, exit) = stack.Pop();
            if (exit)
            {
                var info = infos[node];
                if (info.Tag == "a") linkDepth--;
                if (_o.BlockTags.Contains(info.Tag))
                {
                    Flush();
                    owners.Pop();
                }
                continue;
            }
            if (node.Text is { } data)
            {
                AppendText(text, data, ref pendingSpace, linkDepth > 0, ref linkChars);
                continue;
            }
            var element = node;
            var tag = element.Tag;
            int depth = parentInfo!.Depth + 1;
            if (depth > _o.MaxDepth) continue;
            if (tag == "br")
            {
                if (text.Length > 0 && text[^1] != '\n') text.Append('\n');
                pendingSpace = false;
                continue;
            }
            if (Skip(element, tag)) continue;
            var hints = HintsOf(element, hintCache);
            paywallHint |= hints.Paywall;
            if (prune && hints.Skip && tag is not ("article" or "main" or "body" or "table" or "tbody" or "tr" or "td" or "p"))
                continue;
            var elInfo = new ElementInfo(element, parentInfo, tag, depth) { Index = index++ };
            elInfo.ClassWeight = hints.Weight;
            infos[element] = elInfo;
            if (_o.BlockTags.Contains(tag))
            {
                Flush();
                owners.Push(elInfo);
            }
            if (tag == "a") linkDepth++;
            stack.Push((element, parentInfo, true));
            PushChildren(stack, element, elInfo);
        }
        Flush();
        return paywallHint;
    }

    private static void PushChildren(Stack<(HtmlNode Node, ElementInfo? Info, bool Exit)> stack, HtmlNode element, ElementInfo info)
    {
        var children = element.Children;
        if (children is null) return;
        for (int i = children.Count - 1; i >= 0; i--) stack.Push((children[i], info, false));
    }

    private static void AppendText(StringBuilder sb, string data, ref bool pendingSpace, bool inLink, ref int linkChars)
    {
        int before = sb.Length;
        foreach (char c in data)
        {
            if (char.IsWhiteSpace(c) || Text.TextFolding.IsInvisible(c))
            {
                if (!Text.TextFolding.IsInvisible(c)) pendingSpace = true;
                continue;
            }
            if (pendingSpace && sb.Length > 0 && sb[^1] != '\n') sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        if (inLink) linkChars += sb.Length - before;
    }

    private bool Skip(HtmlNode element, string tag)
    {
        if (_o.DropTags.Contains(tag)) return true;
        if (element.HasAttribute("hidden")) return true;
        var aria = element.GetAttribute("aria-hidden");
        if (aria is "true" && tag is not ("article" or "main")) return true;
        var style = element.GetAttribute("style");
        if (style is not null && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("display: none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase)))
            return true;
        var role = element.GetAttribute("role");
        return role is "navigation" or "complementary" or "banner" or "contentinfo" or "dialog" or "menu" or "search" or "menubar";
    }

    /// <summary>What an element's class and id say, computed once per distinct class/id pair on the page.</summary>
    private (bool Skip, double Weight, bool Paywall) HintsOf(HtmlNode element, Dictionary<string, (bool, double, bool)> cache)
    {
        var cls = element.GetAttribute("class");
        var id = element.GetAttribute("id");
        if (cls is null && id is null) return (false, 0, false);
        var key = cls + "\u0001" + id;
        if (cache.TryGetValue(key, out var known)) return known;
        var hints = (cls + " " + id).ToLowerInvariant();
        bool positive = ContainsAny(hints, _o.PositiveHints);
        bool skip = HasAdToken(hints) || (!positive && ContainsAny(hints, _o.PruneHints));
        double weight = 0;
        foreach (var value in (ReadOnlySpan<string?>)[cls, id])
        {
            if (string.IsNullOrEmpty(value)) continue;
            var v = value.ToLowerInvariant();
            if (ContainsAny(v, _o.NegativeHints)) weight -= _o.ClassWeight;
            if (ContainsAny(v, _o.PositiveHints)) weight += _o.ClassWeight;
        }
        var result = (skip, weight, ContainsAny(hints, _o.PaywallHints));
        cache[key] = result;
        return result;
    }

    private bool HasAdToken(string hints)
    {
        foreach (var range in hints.AsSpan().SplitAny(' ', '_'))
        {
            var token = hints.AsSpan(range);
            if (token.Length > 0 && _o.AdTokens.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token)) return true;
        }
        return false;
    }

    private static bool ContainsAny(string s, IReadOnlyList<string> fragments)
    {
        foreach (var f in fragments)
        {
            if (s.Contains(f, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    // ---- 2. score -------------------------------------------------------------------------------

    private void Score(List<TextBlock> blocks)
    {
        foreach (var block in blocks)
        {
            int len = block.Text.Length;
            int commas = CountCommas(block.Text);
            for (var a = block.Owner; a is not null; a = a.Parent)
            {
                a.TextChars += len;
                a.LinkChars += block.LinkChars;
                a.Commas += commas;
            }
            if (len < _o.MinScoredChars || _o.HeadingTags.Contains(block.Owner.Tag)) continue;
            double score = 1 + commas + Math.Min(len / 100, 3);
            if (block.Owner.Tag is "li" or "dd" or "dt") score *= 0.5;
            int level = 0;
            for (var a = block.Owner.Parent; a is not null && level < _o.ScoreLevels; a = a.Parent, level++)
            {
                if (!a.Scored)
                {
                    a.Scored = true;
                    a.Score = _o.TagWeights.GetValueOrDefault(a.Tag) + a.ClassWeight;
                }
                a.Score += level switch
                {
                    0 => score,
                    1 => score / 2,
                    _ => score / (level * 3),
                };
            }
        }
    }

    private static int CountCommas(string s)
    {
        int n = 0;
        foreach (char c in s)
        {
            if (c is ',' or '\uFF0C' or '\u060C') n++;
        }
        return n;
    }

    // ---- 3. pick ------------------------------------------------------------------------------

    private static ElementInfo PickTop(IEnumerable<ElementInfo> all, ElementInfo root)
    {
        ElementInfo? top = null;
        foreach (var info in all)
        {
            if (!info.Scored) continue;
            if (top is null || info.FinalScore > top.FinalScore) top = info;
        }
        return top ?? root;
    }

    private HashSet<ElementInfo> IncludeSiblings(ElementInfo top, Dictionary<HtmlNode, ElementInfo> infos)
    {
        var included = new HashSet<ElementInfo>(ReferenceEqualityComparer.Instance) { top };
        if (top.Parent is null) return included;
        double threshold = Math.Max(10, top.FinalScore * _o.SiblingScoreShare);
        var topClass = top.Element.GetAttribute("class");
        foreach (var sibling in top.Parent.Element.Children ?? [])
        {
            if (sibling.IsText || !infos.TryGetValue(sibling, out var s) || s == top) continue;
            double bonus = topClass is { Length: > 0 } && sibling.GetAttribute("class") == topClass ? top.FinalScore * 0.2 : 0;
            if (s.Scored && s.FinalScore + bonus >= threshold)
            {
                included.Add(s);
                continue;
            }
            if (s.Tag is "p" or "blockquote" or "ul" or "ol" or "h2" or "h3" or "h4" or "pre")
            {
                if (s.TextChars > _o.SiblingMinChars && s.LinkDensity < _o.SiblingMaxLinkDensity)
                    included.Add(s);
                else if (s.TextChars > 0 && s.LinkChars == 0 && s.Tag == "p"
                    && Text.TextFolding.EndsLikeSentence(sibling.TextContent))
                    included.Add(s);
            }
        }
        return included;
    }

    // ---- 4. emit --------------------------------------------------------------------------------

    private ContentResult Emit(List<TextBlock> blocks, HashSet<ElementInfo> included, ElementInfo root, string? title, bool paywallHint)
    {
        var paragraphs = new List<string>();
        var removed = new List<string>();
        int prose = 0;
        string? foldedTitle = title is null ? null : Text.TextFolding.Fold(title);
        foreach (var block in blocks)
        {
            if (!IsInside(block.Owner, included, out var container)) continue;
            if (DropBlock(block, container!))
            {
                removed.Add(block.Text);
                continue;
            }
            foreach (var range in block.Text.AsSpan().Split('\n'))
            {
                var line = block.Text.AsSpan(range).Trim();
                if (line.Length == 0) continue;
                var s = line.ToString();
                if (_o.HeadingTags.Contains(block.Owner.Tag) && foldedTitle is not null && paragraphs.Count == 0
                    && Text.TextFolding.Fold(s) == foldedTitle)
                    continue;
                paragraphs.Add(s);
                if (s.Length >= _o.MinScoredChars) prose += s.Length;
            }
        }
        return new ContentResult(paragraphs, removed, prose, paywallHint);
    }

    private static bool IsInside(ElementInfo owner, HashSet<ElementInfo> included, out ElementInfo? container)
    {
        for (var a = owner; a is not null; a = a.Parent)
        {
            if (included.Contains(a))
            {
                container = a;
                return true;
            }
        }
        container = null;
        return false;
    }

    private bool DropBlock(TextBlock block, ElementInfo container)
    {
        if (block.LinkDensity > _o.MaxBlockLinkDensity && block.Text.Length < 400) return true;
        // Link lists and furniture nested inside the article container (Readability's conditional cleaning).
        for (var a = block.Owner; a is not null && a != container; a = a.Parent)
        {
            if (a.Tag is not ("ul" or "ol" or "div" or "section" or "table" or "form" or "header" or "dl")) continue;
            if (a.Commas >= 10) continue;
            double limit = a.ClassWeight >= _o.ClassWeight ? 0.5 : _o.MaxContainerLinkDensity;
            if (a.LinkDensity > limit) return true;
            if (a.ClassWeight < 0) return true;
        }
        return false;
    }
}
