using System.Text.Json;
using Storyline.Documents;
using Storyline.Extraction.Html.Dom;

namespace Storyline.Extraction.Html;

/// <summary>
/// Collects metadata candidates from a parsed page: JSON-LD (schema.org Article types), Open Graph and
/// other meta tags (Dublin Core, Parse.ly, Sailthru, citation_*), <c>&lt;time&gt;</c> elements, the
/// <c>&lt;title&gt;</c> and first heading, the URL, canonical links and the document language.
/// </summary>
internal sealed class HtmlMetadataReader(MetadataWeights weights)
{
    /// <summary>schema.org types whose fields describe the article itself.</summary>
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting",
        "TechArticle", "ScholarlyArticle", "Report", "Review", "LiveBlog", "VideoObject", "WebPage", "Blog",
    };

    /// <summary>Meta names (name= or property= or itemprop=) giving the publication date, by provenance.</summary>
    private static readonly (string Name, Provenance From)[] PublishedMeta =
    [
        ("article:published_time", Provenance.OpenGraph), ("og:published_time", Provenance.OpenGraph),
        ("og:article:published_time", Provenance.OpenGraph), ("datepublished", Provenance.MetaTag),
        ("pubdate", Provenance.MetaTag), ("publishdate", Provenance.MetaTag), ("publish-date", Provenance.MetaTag),
        ("publish_date", Provenance.MetaTag), ("date", Provenance.MetaTag), ("dc.date", Provenance.MetaTag),
        ("dc.date.issued", Provenance.MetaTag), ("dcterms.date", Provenance.MetaTag), ("dcterms.created", Provenance.MetaTag),
        ("dcterms.issued", Provenance.MetaTag), ("sailthru.date", Provenance.MetaTag), ("parsely-pub-date", Provenance.MetaTag),
        ("citation_publication_date", Provenance.MetaTag), ("citation_date", Provenance.MetaTag),
        ("article.published", Provenance.MetaTag), ("article_date_original", Provenance.MetaTag),
        ("originalpublicationdate", Provenance.MetaTag), ("displaydate", Provenance.MetaTag),
        ("cxenseparse:recs:publishtime", Provenance.MetaTag), ("date_published", Provenance.MetaTag),
    ];

    private static readonly (string Name, Provenance From)[] ModifiedMeta =
    [
        ("article:modified_time", Provenance.OpenGraph), ("og:updated_time", Provenance.OpenGraph),
        ("datemodified", Provenance.MetaTag), ("last-modified", Provenance.MetaTag), ("lastmod", Provenance.MetaTag),
        ("dcterms.modified", Provenance.MetaTag), ("article.updated", Provenance.MetaTag), ("updated_time", Provenance.MetaTag),
    ];

    /// <summary>The elements metadata is read from, gathered in one walk over the tree.</summary>
    private sealed class Gathered
    {
        public List<HtmlNode> Metas { get; } = [];
        public List<HtmlNode> Links { get; } = [];
        public List<HtmlNode> Times { get; } = [];
        public HtmlNode? Title { get; set; }
        public HtmlNode? H1 { get; set; }
        public HtmlNode? Html { get; set; }
    }

    private static Gathered Gather(HtmlNode root)
    {
        var g = new Gathered();
        var stack = new Stack<HtmlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            switch (n.Tag)
            {
                case "meta": g.Metas.Add(n); break;
                case "link": g.Links.Add(n); break;
                case "time": g.Times.Add(n); break;
                case "title": g.Title ??= n; break;
                case "h1": g.H1 ??= n; break;
                case "html": g.Html ??= n; break;
            }
            if (n.Children is null) continue;
            for (int i = n.Children.Count - 1; i >= 0; i--)
            {
                var child = n.Children[i];
                if (!child.IsText && child.Tag is not ("svg" or "script" or "style")) stack.Push(child);
            }
        }
        return g;
    }

    public MetadataCandidates Read(HtmlNode root, string? pageUrl, IReadOnlyList<string> jsonLd)
    {
        var c = new MetadataCandidates();
        var doc = Gather(root);
        ReadMeta(doc, c);
        ReadLinks(doc, c);
        ReadJsonLd(jsonLd, c);
        ReadTimes(doc, c);

        if (doc.Title is { } titleElement)
        {
            var t = titleElement.TextContent.Trim();
            if (t.Length > 0) c.Titles.Add(new(t, Provenance.MetaTag, weights.TitleElement));
        }
        if (doc.H1 is { } h1)
        {
            var t = Collapse(h1.TextContent);
            if (t.Length is > 0 and < 300) c.Titles.Add(new(t, Provenance.Visible, weights.Heading));
        }
        var lang = doc.Html?.GetAttribute("lang") ?? doc.Html?.GetAttribute("xml:lang");
        if (!string.IsNullOrWhiteSpace(lang)) c.Languages.Add(new(lang, Provenance.MetaTag, weights.MetaTag));
        if (DateText.FromUrl(pageUrl) is { } urlDate)
            c.Published.Add(new(new DateText.Found(urlDate, null, 0, 0), Provenance.Url, weights.Url));
        return c;
    }

    private void ReadMeta(Gathered doc, MetadataCandidates c)
    {
        foreach (var meta in doc.Metas)
        {
            var name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop")
                ?? meta.GetAttribute("http-equiv");
            var content = meta.GetAttribute("content");
            if (name is null || string.IsNullOrWhiteSpace(content)) continue;
            name = name.Trim().ToLowerInvariant();
            content = content.Trim();
            switch (name)
            {
                case "og:title":
                    c.Titles.Add(new(content, Provenance.OpenGraph, weights.OpenGraph));
                    continue;
                case "twitter:title" or "dc.title" or "headline" or "parsely-title" or "sailthru.title":
                    c.Titles.Add(new(content, Provenance.MetaTag, weights.MetaTag));
                    continue;
                case "og:site_name":
                    c.Outlets.Add(new(content, Provenance.OpenGraph, weights.OpenGraph));
                    continue;
                case "application-name" or "publisher" or "dc.publisher" or "citation_publisher" or "cxenseparse:site":
                    c.Outlets.Add(new(content, Provenance.MetaTag, weights.MetaTag));
                    continue;
                case "author" or "article:author" or "dc.creator" or "byl" or "parsely-author" or "sailthru.author" or "citation_author":
                    if (!content.Contains("://", StringComparison.Ordinal))
                        c.Bylines.Add(new(content, name == "article:author" ? Provenance.OpenGraph : Provenance.MetaTag, weights.MetaTag));
                    continue;
                case "og:locale" or "content-language" or "dc.language" or "language":
                    c.Languages.Add(new(content, name == "og:locale" ? Provenance.OpenGraph : Provenance.MetaTag, weights.MetaTag));
                    continue;
                case "article:section" or "section" or "parsely-section" or "article.section" or "category":
                    c.Sections.Add(new(content, name == "article:section" ? Provenance.OpenGraph : Provenance.MetaTag, weights.MetaTag));
                    continue;
                case "og:url":
                    c.CanonicalUrls.Add(new(content, Provenance.OpenGraph, weights.OpenGraph));
                    continue;
                case "og:type":
                    c.Types.Add(content);
                    continue;
            }
            foreach (var (key, from) in PublishedMeta)
            {
                if (name == key && DateText.ParseMachine(content) is { } d)
                    c.Published.Add(new(d, from, from == Provenance.OpenGraph ? weights.OpenGraph : weights.MetaTag));
            }
            foreach (var (key, from) in ModifiedMeta)
            {
                if (name == key && DateText.ParseMachine(content) is { } d)
                    c.Modified.Add(new(d, from, from == Provenance.OpenGraph ? weights.OpenGraph : weights.MetaTag));
            }
        }
    }

    private void ReadLinks(Gathered doc, MetadataCandidates c)
    {
        foreach (var link in doc.Links)
        {
            var rel = link.GetAttribute("rel")?.ToLowerInvariant();
            if (rel is null) continue;
            var href = link.GetAttribute("href");
            if (string.IsNullOrWhiteSpace(href)) continue;
            if (rel.Split(' ').Contains("canonical"))
                c.CanonicalUrls.Add(new(href.Trim(), Provenance.MetaTag, weights.MetaTag + 2));
        }
    }

    private void ReadTimes(Gathered doc, MetadataCandidates c)
    {
        int seen = 0;
        foreach (var time in doc.Times)
        {
            if (++seen > 20) break;
            var value = time.GetAttribute("datetime");
            var found = value is null ? DateText.FindInText(time.TextContent, null) : DateText.ParseMachine(value);
            if (found is not { } d) continue;
            var prop = (time.GetAttribute("itemprop") ?? "").ToLowerInvariant();
            var cls = ((time.GetAttribute("class") ?? "") + " " + (time.Parent?.GetAttribute("class") ?? "")).ToLowerInvariant();
            bool modified = prop.Contains("modified", StringComparison.Ordinal) || cls.Contains("updat", StringComparison.Ordinal)
                || cls.Contains("modif", StringComparison.Ordinal);
            bool published = prop.Contains("published", StringComparison.Ordinal) || time.HasAttribute("pubdate")
                || cls.Contains("publish", StringComparison.Ordinal);
            // Time elements deep in listings refer to other stories; only the first few and marked ones vote.
            double w = published ? weights.TimeElement * 1.5 : seen <= 2 ? weights.TimeElement : weights.TimeElement / 4;
            (modified ? c.Modified : c.Published).Add(new(d, Provenance.TimeElement, w));
        }
    }

    private void ReadJsonLd(IReadOnlyList<string> scripts, MetadataCandidates c)
    {
        foreach (var json in scripts)
        {
            if (json.Length is 0 or > 2_000_000) continue;
            try
            {
                using var parsed = JsonDocument.Parse(json, new JsonDocumentOptions
                {
                    AllowTrailingCommas = true,
                    CommentHandling = JsonCommentHandling.Skip,
                    MaxDepth = 64,
                });
                Visit(parsed.RootElement, c, 0);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the other sources still vote.
            }
        }
    }

    private void Visit(JsonElement e, MetadataCandidates c, int depth)
    {
        if (depth > 6) return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) Visit(item, c, depth + 1);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        if (e.TryGetProperty("@graph", out var graph)) Visit(graph, c, depth + 1);
        if (!IsArticleType(e, out bool webPage)) return;
        double w = webPage ? weights.JsonLd / 2 : weights.JsonLd;
        if (!webPage && e.TryGetProperty("@type", out var ty)) c.Types.Add(ty.ToString());
        if ((Str(e, "headline") ?? (webPage ? null : Str(e, "name"))) is { } headline)
            c.Titles.Add(new(headline, Provenance.JsonLd, w));
        if (DateText.ParseMachine(Str(e, "datePublished") ?? Str(e, "dateCreated")) is { } published)
            c.Published.Add(new(published, Provenance.JsonLd, w));
        if (DateText.ParseMachine(Str(e, "dateModified")) is { } modified)
            c.Modified.Add(new(modified, Provenance.JsonLd, w));
        if (e.TryGetProperty("author", out var author))
        {
            var names = new List<string>();
            CollectPeople(author, names, 0);
            if (names.Count > 0) c.Bylines.Add(new(string.Join(", ", names), Provenance.JsonLd, w));
        }
        if (e.TryGetProperty("publisher", out var publisher) && Name(publisher) is { } outlet)
            c.Outlets.Add(new(outlet, Provenance.JsonLd, w));
        if (Str(e, "articleSection") is { } section) c.Sections.Add(new(section, Provenance.JsonLd, w));
        if (Str(e, "inLanguage") is { } lang) c.Languages.Add(new(lang, Provenance.JsonLd, w));
        if (!webPage && Str(e, "articleBody") is { } body && body.Length > 0) c.JsonLdBodies.Add(body);
        if (!webPage && Str(e, "url") is { } url && url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            c.CanonicalUrls.Add(new(url, Provenance.JsonLd, weights.JsonLd / 2));
        if (e.TryGetProperty("isAccessibleForFree", out var free)
            && (free.ValueKind == JsonValueKind.False || (free.ValueKind == JsonValueKind.String && free.GetString() is "False" or "false")))
            c.NotFreeToRead = true;
    }

    private static bool IsArticleType(JsonElement e, out bool webPage)
    {
        webPage = false;
        if (!e.TryGetProperty("@type", out var type)) return false;
        bool any = false;
        foreach (var t in type.ValueKind == JsonValueKind.Array ? type.EnumerateArray() : Enumerate(type))
        {
            if (t.ValueKind != JsonValueKind.String) continue;
            var s = t.GetString()!;
            if (!ArticleTypes.Contains(s)) continue;
            if (s is "WebPage" or "Blog") webPage = true;
            else
            {
                webPage = false;
                return true;
            }
            any = true;
        }
        return any;
    }

    private static IEnumerable<JsonElement> Enumerate(JsonElement single)
    {
        yield return single;
    }

    private static void CollectPeople(JsonElement e, List<string> names, int depth)
    {
        if (depth > 3) return;
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray()) CollectPeople(item, names, depth + 1);
                break;
            case JsonValueKind.String:
                names.Add(e.GetString()!);
                break;
            case JsonValueKind.Object:
                if (e.TryGetProperty("@type", out var t) && t.ValueKind == JsonValueKind.String
                    && t.GetString() is "Organization" or "NewsMediaOrganization" or "Corporation")
                    break;
                if (Name(e) is { } n) names.Add(n);
                break;
        }
    }

    private static string? Name(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Object => Str(e, "name"),
        JsonValueKind.Array => e.GetArrayLength() > 0 ? Name(e[0]) : null,
        _ => null,
    };

    private static string? Str(JsonElement e, string property)
    {
        if (!e.TryGetProperty(property, out var v)) return null;
        var s = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.Array => v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.String ? v[0].GetString() : null,
            JsonValueKind.Object => v.TryGetProperty("@value", out var inner) && inner.ValueKind == JsonValueKind.String ? inner.GetString() : null,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }

    internal static string Collapse(string text) => Text.TextFolding.NormalizeLine(text);
}
