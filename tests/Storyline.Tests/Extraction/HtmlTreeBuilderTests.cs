using Storyline.Extraction.Html.Dom;

namespace Storyline.Tests.Extraction;

/// <summary>The light HTML reader's repairs of common broken markup.</summary>
public sealed class HtmlTreeBuilderTests
{
    private static HtmlNode Body(string html) => HtmlTreeBuilder.Parse(html, 256).FirstDescendant("body")!;

    [Fact]
    public void UnclosedParagraphsAndListItemsCloseThemselves()
    {
        var body = Body("<body><p>one<p>two<ul><li>a<li>b</ul></body>");
        body.Descendants("p").Select(p => p.TextContent).ShouldBe(["one", "two"]);
        body.Descendants("li").Select(li => li.TextContent).ShouldBe(["a", "b"]);
        body.FirstDescendant("ul")!.Parent!.Tag.ShouldBe("body");
    }

    [Fact]
    public void ABlockElementClosesAnOpenParagraph()
    {
        var body = Body("<body><p>text<div>block</div></body>");
        body.FirstDescendant("div")!.Parent!.Tag.ShouldBe("body");
    }

    [Fact]
    public void StrayCloseTagsAreIgnoredAndInlineCloseTagsDoNotLeaveTheirBlock()
    {
        var body = Body("<body><div><p>a</span>b</p></div></b><p>c</p></body>");
        body.Descendants("p").Select(p => p.TextContent).ShouldBe(["ab", "c"]);
    }

    [Fact]
    public void RawTextElementsAndCommentsHideMarkup()
    {
        var body = Body("<body><textarea><p>not a paragraph</p></textarea><!-- <p>hidden</p> --><p>real</p></body>");
        body.Descendants("p").Select(p => p.TextContent).ShouldBe(["real"]);
    }

    [Fact]
    public void EntitiesAreDecodedInTextAndAttributes()
    {
        var body = Body("<body><p class=\"a&amp;b\">caf&eacute; &#8212; &ldquo;x&rdquo; &amp; y</p></body>");
        var p = body.FirstDescendant("p")!;
        p.TextContent.ShouldBe("café — “x” & y");
        p.GetAttribute("class").ShouldBe("a&b");
    }

    [Fact]
    public void NestingBeyondTheCapIsFlattenedNotRefused()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 5000)) + "deep text";
        var root = HtmlTreeBuilder.Parse(html, 64);
        int depth = 0;
        for (var n = root.Descendants("div").Last(); n is not null; n = n.Parent) depth++;
        depth.ShouldBeLessThanOrEqualTo(65); // the cap counts open elements below the document node
        root.TextContent.ShouldBe("deep text");
    }
}
