using System.Text;
using Storyline.Documents;
using Storyline.Extraction;
using Storyline.Sources;

namespace Storyline.Tests.Extraction;

/// <summary>Builds raw documents for extraction tests.</summary>
internal static class ExtractionTestKit
{
    public static Article Text(string text, DateOnly? published = null, string? title = null) =>
        ArticleExtractor.Default.Extract(new RawDocument
        {
            Id = "t", Source = "t.txt", Kind = ContentKind.Text, Text = text, Published = published, Title = title,
        });

    public static Article Html(string html, string? url = null, string? charset = null) =>
        ArticleExtractor.Default.Extract(new RawDocument
        {
            Id = "h", Source = "h.html", Kind = ContentKind.Html, Bytes = Encoding.UTF8.GetBytes(html), Url = url, Charset = charset,
        });

    public static Article HtmlBytes(byte[] bytes, string? charset = null) =>
        ArticleExtractor.Default.Extract(new RawDocument
        {
            Id = "h", Source = "h.html", Kind = ContentKind.Html, Bytes = bytes, Charset = charset,
        });

    /// <summary>A page with a real-looking body of <paramref name="paragraphs"/> invented paragraphs and some furniture.</summary>
    public static string Page(string head, string? articleExtra = null, int paragraphs = 5) =>
        $"""
        <!doctype html><html lang="en"><head>{head}</head><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
        <div class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Another story about something else entirely</a></li></ul></div>
        <article><h1>Harbour bridge reopens after repairs</h1>
        {articleExtra}
        {Body(paragraphs)}
        </article>
        <footer><p>Copyright Example News Group. All rights reserved.</p></footer>
        </body></html>
        """;

    public static string Body(int paragraphs)
    {
        var sb = new StringBuilder();
        for (int i = 1; i <= paragraphs; i++)
            sb.Append("<p>The harbour bridge reopened on Tuesday, paragraph ").Append(i)
              .Append(", after engineers replaced worn cables, repaired the deck and tested the lifting gear, officials said.</p>\n");
        return sb.ToString();
    }
}
