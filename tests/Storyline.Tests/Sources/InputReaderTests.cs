using System.IO.Compression;
using System.Text;
using Storyline.Sources;

namespace Storyline.Tests.Sources;

public sealed class InputReaderTests
{
    private static List<SourceItem> Read(params string[] inputs) => new InputReader().Read(inputs).ToList();

    private static byte[] Gzip(string text)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(Encoding.UTF8.GetBytes(text));
        return ms.ToArray();
    }

    [Theory]
    [InlineData("000_ea90.txt", "000_ea90")]
    [InlineData("abc.html.gz", "abc")]
    [InlineData("report.v2.md", "report.v2")]
    [InlineData("/a/b/story.htm", "story")]
    public void IdsAreFileNamesWithoutKnownExtensions(string path, string id) =>
        ArticleIds.FromFileName(path).ShouldBe(id);

    [Fact]
    public void DirectoriesAreWalkedRecursivelyInStableOrderAndSkipSidecars()
    {
        using var dir = new TempDir();
        dir.File("b.txt", "Second article text.");
        dir.File("sub/a.html", "<html><body><p>First</p></body></html>");
        dir.File("meta.jsonl", "{\"file\":\"b.txt\",\"published\":\"2025-01-02\"}");
        dir.File("notes.bin", "ignored");
        var items = Read(dir.Path);
        items.Select(i => ((SourceDocument)i).Document.Id).ShouldBe(["b", "a"]);
        ((SourceDocument)items[1]).Document.Kind.ShouldBe(ContentKind.Html);
    }

    [Fact]
    public void GzipFilesAreReadTransparently()
    {
        using var dir = new TempDir();
        var path = dir.File("story.txt.gz", Gzip("A flood hit the valley."));
        var doc = ((SourceDocument)Read(path).Single()).Document;
        doc.Id.ShouldBe("story");
        Encoding.UTF8.GetString(doc.Bytes!).ShouldBe("A flood hit the valley.");
    }

    [Fact]
    public void MissingPathIsOneProblemAndOthersStillRead()
    {
        using var dir = new TempDir();
        var good = dir.File("good.txt", "Some text.");
        var items = Read(System.IO.Path.Combine(dir.Path, "missing.txt"), good);
        items[0].ShouldBeOfType<SourceProblem>().Message.ShouldBe("no such file or directory");
        items[1].ShouldBeOfType<SourceDocument>();
    }

    [Fact]
    public void FilesOverTheSizeLimitAreSkippedWithAReason()
    {
        using var dir = new TempDir();
        var big = dir.File("big.txt", new byte[2048]);
        var items = new InputReader(limits: new SourceLimits { MaxDocumentBytes = 1024 }).Read([big]).ToList();
        items.Single().ShouldBeOfType<SourceProblem>().Message.ShouldContain("limit");
    }

    [Fact]
    public void JsonlRecordsCarryTheirFieldsAndBadLinesAreReportedByLine()
    {
        using var dir = new TempDir();
        var path = dir.File("feed.jsonl",
            "{\"id\":\"r1\",\"url\":\"https://example.org/a\",\"title\":\"T\",\"published\":\"2025-03-03\",\"outlet\":\"Herald\",\"text\":\"Body one.\"}\n" +
            "not json\n\n" +
            "{\"id\":\"r2\",\"html\":\"<p>Body two</p>\"}\n" +
            "{\"id\":\"r3\"}\n");
        var items = Read(path);
        items.Count.ShouldBe(4);
        var r1 = ((SourceDocument)items[0]).Document;
        (r1.Id, r1.Url, r1.Title, r1.Outlet, r1.Published, r1.Kind, r1.Text)
            .ShouldBe(("r1", "https://example.org/a", "T", "Herald", new DateOnly(2025, 3, 3), ContentKind.Text, "Body one."));
        items[1].ShouldBeOfType<SourceProblem>().Source.ShouldEndWith(":2");
        ((SourceDocument)items[2]).Document.Kind.ShouldBe(ContentKind.Html);
        items[3].ShouldBeOfType<SourceProblem>().Message.ShouldContain("neither");
    }

    [Fact]
    public void MetaSidecarFillsDatesAndOutletsByRelativePath()
    {
        using var dir = new TempDir();
        var a = dir.File("articles/a.txt", "Text A.");
        var b = dir.File("articles/b.txt", "Text B.");
        var metaPath = dir.File("meta.jsonl",
            "{\"file\":\"articles/a.txt\",\"published\":\"2025-03-03\",\"outlet\":\"Meridian Wire\"}\n" +
            "{\"file\":\"articles/b.txt\",\"published\":\"2025-03-06T10:30:00+01:00\",\"url\":\"https://example.org/b\"}\n" +
            "{\"published\":\"2025-01-01\"}\n");
        var meta = MetaSidecar.Load(metaPath);
        meta.Problems.Single().ShouldContain("line 3");
        var docs = new InputReader(meta).Read([System.IO.Path.Combine(dir.Path, "articles")]).Cast<SourceDocument>().Select(d => d.Document).ToList();
        docs[0].Published.ShouldBe(new DateOnly(2025, 3, 3));
        docs[0].Outlet.ShouldBe("Meridian Wire");
        docs[1].Published.ShouldBe(new DateOnly(2025, 3, 6));
        docs[1].PublishedTime!.Value.Offset.ShouldBe(TimeSpan.FromHours(1));
        docs[1].Url.ShouldBe("https://example.org/b");
        _ = (a, b);
    }

    [Fact]
    public void WarcResponsesBecomeHtmlDocumentsWithTargetUrlAndCharset()
    {
        static string Record(string type, string uri, string id, string block) =>
            $"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <{id}>\r\nContent-Length: {Encoding.UTF8.GetByteCount(block)}\r\n\r\n{block}\r\n\r\n";
        var http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n<html><body><p>Story</p></body></html>";
        var warc = Record("warcinfo", "", "urn:uuid:0", "software: test\r\n") +
                   Record("request", "https://news.example/a", "urn:uuid:1", "GET /a HTTP/1.1\r\n\r\n") +
                   Record("response", "https://news.example/a", "urn:uuid:2", http) +
                   Record("response", "https://news.example/img.png", "urn:uuid:3", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG");
        using var dir = new TempDir();
        var path = dir.File("crawl.warc.gz", Gzip(warc));
        var items = Read(path);
        var doc = items.Cast<SourceDocument>().Single().Document;
        doc.Url.ShouldBe("https://news.example/a");
        doc.Source.ShouldBe("urn:uuid:2");
        doc.Charset.ShouldBe("windows-1252");
        doc.Kind.ShouldBe(ContentKind.Html);
        Encoding.UTF8.GetString(doc.Bytes!).ShouldStartWith("<html>");
    }

    [Fact]
    public void NotAWarcIsOneProblem()
    {
        using var dir = new TempDir();
        var path = dir.File("x.warc", "hello world\n");
        Read(path).Single().ShouldBeOfType<SourceProblem>().Message.ShouldContain("not a WARC");
    }

    [Fact]
    public void RssAndAtomItemsBecomeDatedDocuments()
    {
        using var dir = new TempDir();
        var rss = dir.File("feed.rss", """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Valley Courier</title>
            <item><title>Dam fails</title><link>https://courier.example/dam</link><pubDate>Sun, 02 Mar 2025 08:00:00 GMT</pubDate>
            <content:encoded><![CDATA[<p>The dam failed at dawn.</p>]]></content:encoded></item>
            </channel></rss>
            """);
        var atom = dir.File("feed.atom", """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Harbor Post</title>
            <entry><title>Fund set up</title><link href="https://post.example/fund"/><published>2025-03-24T09:00:00Z</published>
            <content type="html">&lt;p&gt;A fund was set up.&lt;/p&gt;</content></entry></feed>
            """);
        var docs = Read(rss, atom).Cast<SourceDocument>().Select(d => d.Document).ToList();
        docs.Select(d => (d.Url, d.Title, d.Outlet, d.Published)).ShouldBe([
            ("https://courier.example/dam", "Dam fails", "Valley Courier", new DateOnly(2025, 3, 2)),
            ("https://post.example/fund", "Fund set up", "Harbor Post", new DateOnly(2025, 3, 24)),
        ]);
        Encoding.UTF8.GetString(docs[1].Bytes!).ShouldContain("<p>A fund was set up.</p>");
    }

    [Fact]
    public void StdinIsSniffedForJsonlOrHtml()
    {
        var jsonl = new InputReader(stdin: () => new MemoryStream(Encoding.UTF8.GetBytes("{\"id\":\"s1\",\"text\":\"Hi there.\"}\n"))).Read(["-"]).ToList();
        ((SourceDocument)jsonl.Single()).Document.Id.ShouldBe("s1");
        var html = new InputReader(stdin: () => new MemoryStream(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>x</body></html>"))).Read(["-"]).ToList();
        ((SourceDocument)html.Single()).Document.Kind.ShouldBe(ContentKind.Html);
        var empty = new InputReader(stdin: () => new MemoryStream()).Read(["-"]).ToList();
        empty.Single().ShouldBeOfType<SourceProblem>();
    }

    [Fact]
    public void UrlsAreFetchedThroughTheFetcher()
    {
        var fetcher = new FakeFetcher();
        var items = new InputReader(fetcher: fetcher).Read(["https://news.example/story", "http://bad.example/x"]).ToList();
        var doc = ((SourceDocument)items[0]).Document;
        doc.Url.ShouldBe("https://news.example/story");
        doc.Kind.ShouldBe(ContentKind.Html);
        items[1].ShouldBeOfType<SourceProblem>().Message.ShouldBe("HTTP 404 Not Found");
    }

    private sealed class FakeFetcher : IHttpFetcher
    {
        public FetchResult Fetch(string url) => url.Contains("bad", StringComparison.Ordinal)
            ? new FetchResult(null, null, null, false, "HTTP 404 Not Found")
            : new FetchResult(Encoding.UTF8.GetBytes("<html></html>"), url, "utf-8", true, null);
    }
}
