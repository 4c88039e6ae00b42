using System.Text;
using System.Text.RegularExpressions;
using Storyline.Extraction.Html.Dom;

namespace Storyline.Extraction.Html;

/// <summary>A run of text inside one block element, with how much of it is link text.</summary>
internal sealed class TextBlock(ElementInfo owner, string text, int linkChars, int links)
{
    public ElementInfo Owner { get; } = owner;

    /// <summary>How many links the block holds.</summary>
    public int Links { get; } = links;
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

    /// <summary>Characters of prose blocks (long enough, few links) inside the element.</summary>
    public int ProseChars { get; set; }
    public int Index { get; set; }
    public double LinkDensity => TextChars == 0 ? 0 : (double)LinkChars / TextChars;
    public double FinalScore => Score * (1 - LinkDensity);
}

/// <summary>The article text found in a page, and what was left out of it.</summary>
internal sealed record ContentResult(IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Removed, int ProseChars, bool PaywallHint)
{
    /// <summary>The text of every block on the page, in order (to check other sources against the page).</summary>
    public IReadOnlyList<TextBlock> AllBlocks { get; init; } = [];

    /// <summary>The best container is a list of teasers (linked headlines, each with a blurb): an index page.</summary>
    public bool LooksLikeListing { get; init; }
}

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
internal sealed class ContentExtractor
{
    private readonly HtmlExtractorOptions _o;

    // Hint lists compiled once into alternations: the regex engine searches all fragments in one pass.
    private readonly Regex _positive;
    private readonly Regex _negative;
    private readonly Regex _prune;
    private readonly Regex _paywall;

    public ContentExtractor(HtmlExtractorOptions options)
    {
        _o = options;
        _positive = Alternation(options.PositiveHints);
        _negative = Alternation(options.NegativeHints);
        _prune = Alternation(options.PruneHints);
        _paywall = Alternation(options.PaywallHints);
    }

    private static Regex Alternation(IReadOnlyList<string> fragments) =>
        new(string.Join('|', fragments.Select(Regex.Escape)), RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

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
        var order = new List<ElementInfo>(1024);
        bool paywallHint = Walk(body, infos, blocks, prune, order);
        if (blocks.Count == 0) return new ContentResult([], [], 0, paywallHint);

        Score(blocks);
        SumUp(order);
        var root = infos[body];
        var top = PickTop(infos.Values, root);
        var included = IncludeSiblings(top, infos);
        return Emit(blocks, included, root, title, paywallHint);
    }

    // ---- 1. walk --------------------------------------------------------------------------------

    private bool Walk(HtmlNode body, Dictionary<HtmlNode, ElementInfo> infos, List<TextBlock> blocks, bool prune, List<ElementInfo> order)
    {
        var hintCache = new Dictionary<string, (bool Skip, double Weight, bool Paywall)>(StringComparer.Ordinal);
        bool paywallHint = false;
        var rootInfo = new ElementInfo(body, null, "body", 0);
        infos[body] = rootInfo;
        var text = new StringBuilder(256);
        int linkChars = 0;
        int linkDepth = 0;
        int links = 0;
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
                blocks.Add(new TextBlock(owners.Peek(), s, Math.Min(linkChars, s.Length), links));
            }
            text.Clear();
            linkChars = 0;
            links = 0;
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
            order.Add(elInfo);
            if (_o.BlockTags.Contains(tag))
            {
                Flush();
                owners.Push(elInfo);
            }
            if (tag == "a")
            {
                linkDepth++;
                links++;
            }
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
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (Text.TextFolding.IsInvisible(c) || char.IsControl(c)) continue;
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
        bool positive = _positive.IsMatch(hints);
        bool skip = HasAdToken(hints) || (!positive && _prune.IsMatch(hints));
        double weight = 0;
        foreach (var value in (ReadOnlySpan<string?>)[cls, id])
        {
            if (string.IsNullOrEmpty(value)) continue;
            var v = value.ToLowerInvariant();
            if (_negative.IsMatch(v)) weight -= _o.ClassWeight;
            if (_positive.IsMatch(v)) weight += _o.ClassWeight;
        }
        var result = (skip, weight, _paywall.IsMatch(hints));
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

    // ---- 2. score -------------------------------------------------------------------------------

    private void Score(List<TextBlock> blocks)
    {
        foreach (var block in blocks)
        {
            int len = block.Text.Length;
            int commas = CountCommas(block.Text);
            // Totals of nested elements are summed bottom-up afterwards (see SumUp), in linear time.
            block.Owner.TextChars += len;
            block.Owner.LinkChars += block.LinkChars;
            block.Owner.Commas += commas;
            if (len >= _o.ProseBlockMinChars && block.LinkDensity < _o.ProseMaxLinkDensity) block.Owner.ProseChars += len;
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

    /// <summary>Adds every element's totals into its parent, children before parents (reverse creation order).</summary>
    private static void SumUp(List<ElementInfo> order)
    {
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var e = order[i];
            if (e.Parent is not { } parent) continue;
            parent.TextChars += e.TextChars;
            parent.LinkChars += e.LinkChars;
            parent.Commas += e.Commas;
            parent.ProseChars += e.ProseChars;
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

    private ElementInfo PickTop(IEnumerable<ElementInfo> all, ElementInfo root)
    {
        // The best few candidates by score.
        var best = new List<ElementInfo>(_o.TopCandidates + 1);
        foreach (var info in all)
        {
            if (!info.Scored) continue;
            int at = best.Count;
            while (at > 0 && best[at - 1].FinalScore < info.FinalScore) at--;
            if (at >= _o.TopCandidates) continue;
            best.Insert(at, info);
            if (best.Count > _o.TopCandidates) best.RemoveAt(best.Count - 1);
        }
        if (best.Count == 0) return root;
        var top = best[0];

        // An article split over several containers: when enough near-best candidates share an ancestor,
        // that ancestor is the article (Readability's "alternative candidate ancestors").
        var alternatives = new List<ElementInfo>();
        for (int i = 1; i < best.Count; i++)
        {
            if (best[i].FinalScore >= top.FinalScore * _o.AlternativeScoreShare) alternatives.Add(best[i]);
        }
        if (alternatives.Count >= _o.MinAlternatives)
        {
            for (var a = top.Parent; a is not null && a != root; a = a.Parent)
            {
                int holding = 0;
                foreach (var alt in alternatives)
                {
                    if (IsAncestor(a, alt)) holding++;
                }
                if (holding >= _o.MinAlternatives)
                {
                    top = a;
                    break;
                }
            }
        }

        // Climb while an ancestor adds more prose than other text: a body cut into sections by wrappers
        // is taken whole, but not the page around it (navigation, teasers and footers are mostly non-prose).
        double Mass(ElementInfo e) => e.ProseChars - _o.ClimbOtherTextWeight * (e.TextChars - e.ProseChars);
        var chosen = top;
        double bestMass = Mass(top);
        for (var a = top.Parent; a is not null && a != root; a = a.Parent)
        {
            double m = Mass(a);
            if (m > bestMass * _o.ClimbMinGain && a.ProseChars > chosen.ProseChars)
            {
                chosen = a;
                bestMass = m;
            }
        }
        return chosen;
    }

    private static bool IsAncestor(ElementInfo ancestor, ElementInfo node)
    {
        for (var a = node.Parent; a is not null; a = a.Parent)
        {
            if (a == ancestor) return true;
        }
        return false;
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
        int linkedHeadings = 0, keptBlocks = 0;
        foreach (var block in blocks)
        {
            if (!IsInside(block.Owner, included, out var container)) continue;
            if (_o.HeadingTags.Contains(block.Owner.Tag) && block.LinkDensity > _o.ListingHeadingLinkDensity) linkedHeadings++;
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
            keptBlocks++;
        }
        bool listing = linkedHeadings >= _o.ListingMinLinkedHeadings && linkedHeadings * 2 >= keptBlocks;
        return new ContentResult(paragraphs, removed, prose, paywallHint) { AllBlocks = blocks, LooksLikeListing = listing };
    }

    /// <summary>
    /// A list item or paragraph that opens with a linked headline and goes on in prose ("<b><a>Apple
    /// ships ...</a></b> The company said ...") is content, unlike navigation, whose links are many and short.
    /// </summary>
    private bool IsLinkedLead(TextBlock block)
    {
        if (block.Links > _o.LinkedLeadMaxLinks) return false;
        int plain = block.Text.Length - block.LinkChars;
        return plain >= _o.LinkedLeadMinPlainChars && Text.TextFolding.EndsLikeSentence(block.Text);
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
        if (block.LinkDensity > _o.MaxBlockLinkDensity && block.Text.Length < _o.LinkBlockMaxChars && !IsLinkedLead(block)) return true;
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
