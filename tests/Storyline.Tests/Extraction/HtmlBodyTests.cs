using System.Text;
using Storyline.Documents;
using Storyline.Extraction;
using static Storyline.Tests.Extraction.ExtractionTestKit;

namespace Storyline.Tests.Extraction;

/// <summary>What the HTML extractor keeps and leaves out, and how it copes with hostile pages.</summary>
public sealed class HtmlBodyTests
{
    [Fact]
    public void TheArticleIsKeptAndPageFurnitureLeftOut()
    {
        var a = Html(Page("<title>Bridge</title>"));
        a.Text.ShouldContain("paragraph 1,");
        a.Text.ShouldContain("paragraph 5,");
        a.Text.ShouldNotContain("Home");
        a.Text.ShouldNotContain("Another story");
        a.Text.ShouldNotContain("Copyright");
        a.Flags.ShouldBeEmpty();
    }

    [Fact]
    public void HeadingsListsAndBlockQuotesInsideTheArticleAreKept()
    {
        var extra = """
            <h2>What changes for drivers</h2>
            <ul><li>The speed limit on the bridge falls to 40 km/h during the first month of reopening.</li>
            <li>Lorries over 30 tonnes must use the ring road until the load tests are complete.</li></ul>
            <blockquote><p>We are proud of the crews who worked through the winter to finish the job.</p></blockquote>
            """;
        var a = Html(Page("", articleExtra: extra));
        a.Text.ShouldContain("What changes for drivers");
        a.Text.ShouldContain("Lorries over 30 tonnes");
        a.Text.ShouldContain("We are proud of the crews");
    }

    [Fact]
    public void ShareBarsRelatedLinksCaptionsAndNewsletterPromptsAreLeftOut()
    {
        var extra = """
            <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
            <figure><img src="b.jpg"><figcaption>The bridge at dusk. Photo: Jane Roe</figcaption></figure>
            <div class="related-stories"><h3>Related</h3><ul><li><a href="/1">Ferry fares to rise in spring</a></li><li><a href="/2">Council approves new cycle lanes</a></li></ul></div>
            <p>Advertisement</p>
            <div class="newsletter-signup"><p>Sign up for our newsletter to get the best stories every morning.</p></div>
            """;
        var a = Html(Page("", articleExtra: extra));
        a.Text.ShouldNotContain("Share on");
        a.Text.ShouldNotContain("bridge at dusk");
        a.Text.ShouldNotContain("Ferry fares");
        a.Text.ShouldNotContain("Advertisement");
        a.Text.ShouldNotContain("newsletter");
        a.Text.ShouldContain("paragraph 3,");
    }

    [Fact]
    public void JsonLdArticleBodyIsUsedWhenThePageShowsLittle()
    {
        var body = string.Join("\\n\\n", Enumerable.Range(1, 6).Select(i => $"Rendered by script, sentence {i} of the article about the ferry timetable, which changes next week."));
        var html = $$"""
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferries","articleBody":"{{body}}"}</script></head>
            <body><div id="app"><p>Loading…</p></div></body></html>
            """;
        var a = Html(html);
        a.Text.ShouldContain("sentence 6 of the article");
        a.HasFlag(ArticleFlags.NoArticle).ShouldBeFalse();
    }

    [Fact]
    public void AListingPageIsFlaggedNoArticle()
    {
        var sb = new StringBuilder("<html><body><h1>Latest news</h1><ul>");
        for (int i = 0; i < 30; i++) sb.Append($"<li><a href=\"/s{i}\">Story number {i} in the list</a></li>");
        sb.Append("</ul></body></html>");
        var a = Html(sb.ToString());
        a.HasFlag(ArticleFlags.NoArticle).ShouldBeTrue();
    }

    [Fact]
    public void APaywallPromptSetsThePaywallFlag()
    {
        var extra = """<div class="paywall"><p>Subscribe to continue reading. Already a subscriber? Log in.</p></div>""";
        var a = Html(Page("", articleExtra: extra, paragraphs: 2));
        a.HasFlag(ArticleFlags.Paywall).ShouldBeTrue();
        a.Text.ShouldNotContain("Subscribe");
    }

    [Fact]
    public void AScriptOnlyPageGivesAFlagNotAnError()
    {
        var a = Html("<html><head><script>var x = '<p>not text</p>';</script></head><body><script>document.write('hi')</script></body></html>");
        a.Text.ShouldBe("");
        a.HasFlag(ArticleFlags.NoArticle).ShouldBeTrue();
        a.HasFlag(ArticleFlags.TooShort).ShouldBeTrue();
    }

    [Fact]
    public void DeeplyNestedMarkupIsReadInBoundedTime()
    {
        var sb = new StringBuilder("<html><body>");
        for (int i = 0; i < 200_000; i++) sb.Append("<div>");
        sb.Append("<p>Deep inside the page there is one sentence that should not crash anything at all.</p>");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var a = Html(sb.ToString());
        sw.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        a.ShouldNotBeNull();
    }

    [Fact]
    public void BrokenMarkupStillGivesTheText()
    {
        var html = "<html><body><article><p>First paragraph of the story is here, with a comma, and more words to read.<p>Second paragraph <b>bold <i>both</b> italic</i> goes on, and on, until it ends here.<div>Unclosed div with a sentence that belongs to the article, surely.</article></span></body>";
        var a = Html(html);
        a.Text.ShouldContain("First paragraph");
        a.Text.ShouldContain("Second paragraph");
        a.Text.ShouldContain("Unclosed div");
    }

    [Fact]
    public void AHugePageIsCutAndFlaggedNotRefused()
    {
        var sb = new StringBuilder("<html><body><article>");
        sb.Append(Body(8));
        var filler = "<div class=\"x\"><span>filler text that repeats</span></div>\n";
        while (sb.Length < 50_000_000) sb.Append(filler);
        sb.Append("</article></body></html>");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var a = Html(sb.ToString());
        sw.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        a.HasFlag(ArticleFlags.Truncated).ShouldBeTrue();
        a.Text.ShouldContain("paragraph 1,");
    }

    [Fact]
    public void BinaryContentIsRefusedWithOneSentence()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var e = Should.Throw<UnreadableContentException>(() => HtmlBytes(bytes));
        e.Message.ShouldBe("binary content, not text or HTML");
    }
}

/// <summary>The JSON-LD articleBody fallback is used only when it belongs to the page.</summary>
public sealed class JsonLdFallbackTests
{
    [Fact]
    public void AJsonLdBodyThatThePageContradictsIsNotUsed()
    {
        var body = string.Join("\\n\\n", Enumerable.Range(1, 8).Select(i => $"An unrelated text about mountain railways, sentence {i}, which the page itself never shows anywhere at all."));
        var visible = string.Join("", Enumerable.Range(1, 6).Select(i => $"<div class=\"teaser\"><a href=\"/{i}\">Teaser headline number {i}</a></div><p>Short blurb {i} about the ferry timetable, which changes next week.</p>"));
        var html = $$"""
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"{{body}}"}</script></head>
            <body><main>{{visible}}</main></body></html>
            """;
        var a = ExtractionTestKit.Html(html);
        a.Text.ShouldNotContain("mountain railways");
    }
}

/// <summary>Hostile plain text stays within bounded time.</summary>
public sealed class HostileTextTests
{
    [Fact]
    public void ManyLabelsAndRepeatsInAHugeTextAreCleanedInBoundedTime()
    {
        var sb = new StringBuilder();
        sb.Append("The council approved the new flood barrier on Monday after a long debate, the mayor said.\n");
        for (int i = 0; i < 100_000; i++) sb.Append(i % 2 == 0 ? "Comments\n" : "Advertisement\n");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var a = ExtractionTestKit.Text(sb.ToString());
        sw.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
        a.Text.ShouldStartWith("The council approved");
    }
}

/// <summary>Index pages made of teasers are told from articles.</summary>
public sealed class ListingPageTests
{
    [Fact]
    public void ATeaserListWithBlurbsIsFlaggedNoArticle()
    {
        var sb = new StringBuilder("<html><body><main><h1>Local news</h1>");
        for (int i = 0; i < 10; i++)
            sb.Append($"<div class=\"item\"><h2><a href=\"/s{i}\">Headline of story {i} about the harbour</a></h2><p>A short blurb for story {i}, which says a little about the harbour, the ferries and the council.</p></div>");
        sb.Append("</main></body></html>");
        ExtractionTestKit.Html(sb.ToString()).HasFlag(Storyline.Documents.ArticleFlags.NoArticle).ShouldBeTrue();
    }

    [Fact]
    public void AnArticleWithARelatedBoxIsNotAListing()
    {
        var extra = "<div class=\"more\"><h3><a href=\"/a\">Ferry fares to rise</a></h3><h3><a href=\"/b\">Cycle lanes approved</a></h3><h3><a href=\"/c\">New bus routes</a></h3><h3><a href=\"/d\">Port strike ends</a></h3></div>";
        var a = ExtractionTestKit.Html(ExtractionTestKit.Page("", articleExtra: extra, paragraphs: 10));
        a.HasFlag(Storyline.Documents.ArticleFlags.NoArticle).ShouldBeFalse();
    }
}
