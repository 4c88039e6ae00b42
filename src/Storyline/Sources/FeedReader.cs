using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Storyline.Sources;

/// <summary>
/// RSS 2.0 and Atom feeds: each item becomes a document from its full content (<c>content:encoded</c>,
/// Atom <c>content</c>) or, failing that, its description, with the item's link, title and date.
/// </summary>
public static class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static IEnumerable<SourceItem> Read(string path, Func<Stream> open, SourceLimits limits)
    {
        XDocument doc;
        try
        {
            using var stream = open();
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersInDocument = limits.MaxDocumentBytes };
            using var reader = XmlReader.Create(stream, settings);
            doc = XDocument.Load(reader);
        }
        catch (Exception e) when (e is XmlException or IOException or InvalidDataException)
        {
            return [new SourceProblem(path, "not a readable RSS/Atom feed: " + InputReader.FirstSentence(e.Message))];
        }
        var root = doc.Root;
        if (root is null) return [new SourceProblem(path, "empty feed")];
        string? feedTitle;
        IEnumerable<XElement> items;
        bool atom = root.Name == Atom + "feed";
        if (atom)
        {
            feedTitle = (string?)root.Element(Atom + "title");
            items = root.Elements(Atom + "entry");
        }
        else if (root.Name.LocalName is "rss" or "RDF")
        {
            var channel = root.Element("channel") ?? root;
            feedTitle = (string?)channel.Element("title");
            items = root.Name.LocalName == "RDF" ? root.Elements().Where(e => e.Name.LocalName == "item") : channel.Elements("item");
        }
        else
        {
            return [new SourceProblem(path, "XML file is not an RSS or Atom feed")];
        }
        var result = new List<SourceItem>();
        int n = 0;
        foreach (var item in items)
        {
            n++;
            string? title, link, body, date, id;
            if (atom)
            {
                title = (string?)item.Element(Atom + "title");
                link = item.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
                body = (string?)item.Element(Atom + "content") ?? (string?)item.Element(Atom + "summary");
                date = (string?)item.Element(Atom + "published") ?? (string?)item.Element(Atom + "updated");
                id = (string?)item.Element(Atom + "id");
            }
            else
            {
                title = (string?)item.Element("title") ?? (string?)item.Elements().FirstOrDefault(e => e.Name.LocalName == "title");
                link = (string?)item.Element("link") ?? (string?)item.Elements().FirstOrDefault(e => e.Name.LocalName == "link");
                body = (string?)item.Element(Content + "encoded") ?? (string?)item.Element("description");
                date = (string?)item.Element("pubDate") ?? (string?)item.Element(Dc + "date");
                id = (string?)item.Element("guid");
            }
            if (string.IsNullOrWhiteSpace(body))
            {
                result.Add(new SourceProblem($"{path}#{n}", "feed item has no content"));
                continue;
            }
            DateOnly? published = null;
            DateTimeOffset? time = null;
            if (DateParsing.TryParse(date, out var d, out var t)) { published = d; time = t; }
            var html = $"<html><head><title>{System.Net.WebUtility.HtmlEncode(title ?? "")}</title></head><body><article>{body}</article></body></html>";
            result.Add(new SourceDocument(new RawDocument
            {
                Id = ArticleIds.FromContent(link ?? id ?? body),
                Source = link ?? $"{path}#{n}",
                Url = link?.Trim(),
                Title = title?.Trim(),
                Outlet = feedTitle?.Trim(),
                Published = published,
                PublishedTime = time,
                Kind = ContentKind.Html,
                Bytes = Encoding.UTF8.GetBytes(html),
                Charset = "utf-8",
            }));
        }
        if (n == 0) result.Add(new SourceProblem(path, "feed has no items"));
        return result;
    }
}
