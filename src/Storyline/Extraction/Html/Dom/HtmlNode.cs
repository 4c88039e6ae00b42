using System.Text;

namespace Storyline.Extraction.Html.Dom;

/// <summary>
/// A node of the light document tree the extractor reads: an element (lower-case tag, attributes,
/// children) or a text node. Only what extraction needs; no scripting, no styles, no live collections.
/// </summary>
internal sealed class HtmlNode
{
    public const string TextTag = "#text";

    private List<(string Name, string Value)>? _attributes;

    public HtmlNode(string tag, HtmlNode? parent)
    {
        Tag = tag;
        Parent = parent;
    }

    /// <summary>Lower-case tag name, or <see cref="TextTag"/>.</summary>
    public string Tag { get; }

    public HtmlNode? Parent { get; }

    /// <summary>The text of a text node (entities decoded), else null.</summary>
    public string? Text { get; init; }

    public List<HtmlNode>? Children { get; private set; }

    public bool IsText => Text is not null;

    public int ChildCount => Children?.Count ?? 0;

    public void Add(HtmlNode child) => (Children ??= new List<HtmlNode>(4)).Add(child);

    public void SetAttribute(string name, string value)
    {
        _attributes ??= new List<(string, string)>(2);
        foreach (var (n, _) in _attributes)
        {
            if (n == name) return; // the first occurrence wins, as in browsers
        }
        _attributes.Add((name, value));
    }

    public string? GetAttribute(string name)
    {
        if (_attributes is null) return null;
        foreach (var (n, v) in _attributes)
        {
            if (n == name) return v;
        }
        return null;
    }

    public bool HasAttribute(string name) => GetAttribute(name) is not null;

    /// <summary>All text below this node, concatenated (iterative: deep trees must not overflow the stack).</summary>
    public string TextContent
    {
        get
        {
            if (Text is not null) return Text;
            var sb = new StringBuilder();
            var stack = new Stack<HtmlNode>();
            stack.Push(this);
            while (stack.Count > 0)
            {
                var n = stack.Pop();
                if (n.Text is not null)
                {
                    sb.Append(n.Text);
                    continue;
                }
                if (n.Children is null) continue;
                for (int i = n.Children.Count - 1; i >= 0; i--) stack.Push(n.Children[i]);
            }
            return sb.ToString();
        }
    }

    /// <summary>Descendant elements with the given tag, in document order.</summary>
    public IEnumerable<HtmlNode> Descendants(string tag)
    {
        var stack = new Stack<HtmlNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n != this && n.Tag == tag) yield return n;
            if (n.Children is null) continue;
            for (int i = n.Children.Count - 1; i >= 0; i--)
            {
                if (!n.Children[i].IsText) stack.Push(n.Children[i]);
            }
        }
    }

    public HtmlNode? FirstDescendant(string tag)
    {
        foreach (var n in Descendants(tag)) return n;
        return null;
    }

    public override string ToString() => IsText ? Text! : "<" + Tag + ">";
}
