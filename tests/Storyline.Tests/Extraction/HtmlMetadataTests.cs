using Storyline.Documents;
using static Storyline.Tests.Extraction.ExtractionTestKit;

namespace Storyline.Tests.Extraction;

/// <summary>Each metadata source on small pages written for the test.</summary>
public sealed class HtmlMetadataTests
{
    [Fact]
    public void JsonLdGivesDatesAuthorsPublisherAndSection()
    {
        var a = Html(Page("""
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example"},
             {"@type":"NewsArticle","headline":"Harbour bridge reopens after repairs","datePublished":"2025-03-04T08:15:00+01:00",
              "dateModified":"2025-03-05T10:00:00Z","author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Organization","name":"Example News Desk"}],
              "publisher":{"@type":"Organization","name":"Example News"},"articleSection":"Local","inLanguage":"en-GB"}]}
            </script>
            """));
        a.Published.ShouldBe(new DateOnly(2025, 3, 4));
        a.PublishedTime.ShouldBe(new DateTimeOffset(2025, 3, 4, 8, 15, 0, TimeSpan.FromHours(1)));
        a.PublishedFrom.ShouldBe(Provenance.JsonLd);
        a.Modified.ShouldBe(new DateOnly(2025, 3, 5));
        a.Byline.ShouldBe("Jane Roe");
        a.Outlet.ShouldBe("Example News");
        a.Section.ShouldBe("Local");
        a.Language.ShouldBe("en");
        a.MetadataSources["byline"].ShouldBe(Provenance.JsonLd);
    }

    [Fact]
    public void OpenGraphGivesTitleOutletDateAndCanonicalUrl()
    {
        var a = Html(Page("""
            <meta property="og:title" content="Harbour bridge reopens after repairs">
            <meta property="og:site_name" content="Example Gazette">
            <meta property="article:published_time" content="2025-02-01T12:00:00Z">
            <meta property="article:section" content="City">
            <meta property="og:url" content="https://example.org/city/bridge">
            """));
        a.Title.ShouldBe("Harbour bridge reopens after repairs");
        a.Outlet.ShouldBe("Example Gazette");
        a.MetadataSources["outlet"].ShouldBe(Provenance.OpenGraph);
        a.Published.ShouldBe(new DateOnly(2025, 2, 1));
        a.PublishedFrom.ShouldBe(Provenance.OpenGraph);
        a.Section.ShouldBe("City");
        a.CanonicalUrl.ShouldBe("https://example.org/city/bridge");
    }

    [Fact]
    public void PlainMetaTagsAndTheTitleElementAreRead()
    {
        var a = Html(Page("""
            <title>Harbour bridge reopens after repairs | Example Courier</title>
            <meta name="author" content="By John Doe">
            <meta name="pubdate" content="2024-12-24">
            <link rel="canonical" href="/news/bridge-reopens">
            """), url: "https://courier.example.com/news/bridge-reopens?utm=x");
        a.Title.ShouldBe("Harbour bridge reopens after repairs");
        a.Byline.ShouldBe("John Doe");
        a.Published.ShouldBe(new DateOnly(2024, 12, 24));
        a.PublishedFrom.ShouldBe(Provenance.MetaTag);
        a.CanonicalUrl.ShouldBe("https://courier.example.com/news/bridge-reopens");
    }

    [Fact]
    public void ATimeElementDatesAPageWithoutStructuredData()
    {
        var a = Html(Page("", articleExtra: """<p class="meta"><time datetime="2023-06-30T09:00:00Z" pubdate>30 June</time></p>"""));
        a.Published.ShouldBe(new DateOnly(2023, 6, 30));
        a.PublishedFrom.ShouldBe(Provenance.TimeElement);
    }

    [Fact]
    public void TheUrlDatesAPageWithNothingElse()
    {
        var a = Html(Page(""), url: "https://example.net/2022/11/05/bridge-reopens/");
        a.Published.ShouldBe(new DateOnly(2022, 11, 5));
        a.PublishedFrom.ShouldBe(Provenance.Url);
    }

    [Fact]
    public void AVisibleDatelineIsReadFromTheFirstParagraph()
    {
        var a = Html(Page("", articleExtra: "<p>PORT ELLEN, Jan. 12, 2021 (Example Wire) \u2014 Ferries resumed their normal timetable on Tuesday after the storm, the operator said.</p>"));
        a.Dateline.ShouldNotBeNull();
        a.Dateline!.Place.ShouldBe("Port Ellen");
        a.Published.ShouldBe(new DateOnly(2021, 1, 12));
        a.PublishedFrom.ShouldBe(Provenance.Dateline);
    }

    [Fact]
    public void StructuredDataOutvotesAStrayTimeElement()
    {
        var a = Html(Page("""
            <meta property="article:published_time" content="2025-03-04T08:00:00Z">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-04"}</script>
            """, articleExtra: """<time datetime="2019-01-01">old</time>"""));
        a.Published.ShouldBe(new DateOnly(2025, 3, 4));
    }

    [Theory]
    [InlineData("Staff Reporter")]
    [InlineData("Example News")]
    [InlineData("By The Associated Press")]
    [InlineData("https://example.com/authors/jane")]
    public void ABylineThatIsNotAPersonIsDropped(string author)
    {
        var a = Html(Page($"""<meta name="author" content="{author}">"""));
        a.Byline.ShouldBeNull();
    }

    [Fact]
    public void SuppliedMetadataWins()
    {
        var raw = new Storyline.Sources.RawDocument
        {
            Id = "s", Source = "s.html", Kind = Storyline.Sources.ContentKind.Html,
            Text = Page("""<meta property="og:title" content="Page title"><meta property="og:site_name" content="Page Outlet"><meta property="article:published_time" content="2020-01-01">"""),
            Title = "Given title", Outlet = "Given Outlet", Published = new DateOnly(2021, 5, 6),
        };
        var a = Storyline.Extraction.ArticleExtractor.Default.Extract(raw);
        a.Title.ShouldBe("Given title");
        a.Outlet.ShouldBe("Given Outlet");
        a.Published.ShouldBe(new DateOnly(2021, 5, 6));
        a.PublishedFrom.ShouldBe(Provenance.Supplied);
        a.MetadataSources["title"].ShouldBe(Provenance.Supplied);
    }

    [Fact]
    public void LanguageComesFromTheHtmlElement()
    {
        var a = Html(Page("").Replace("<html lang=\"en\">", "<html lang=\"de-AT\">", StringComparison.Ordinal));
        a.Language.ShouldBe("de");
    }
}
