using Storyline.Documents;
using Storyline.Extraction.Html.Dom;
using Storyline.Extraction.Text;

namespace Storyline.Extraction.Html;

/// <summary>Everything read from one HTML page, before supplied metadata is merged in.</summary>
internal sealed record HtmlReadResult(
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Removed,
    MetadataCandidates Metadata,
    bool Paywall,
    bool NoArticle,
    bool Truncated,
    string? Title,
    Dateline? Dateline);

/// <summary>
/// Reads an HTML page into article text and metadata candidates. The body comes from a chain of
/// strategies, first that succeeds wins:
/// 1. the scored content search of <see cref="ContentExtractor"/>, unless
/// 2. the page's JSON-LD <c>articleBody</c> is long and the DOM result is much shorter than it
///    (a body rendered by script, or split across containers), in which case the JSON-LD text is used;
/// 3. with no prose found in either, the page is an index or listing page (flag <c>no_article</c>).
/// The kept paragraphs then pass through the line rules of the plain-text cleaner (promos,
/// advertisement labels, paywall prompts), without its head/tail trimming.
/// </summary>
internal sealed class HtmlArticleReader
{
    private readonly HtmlExtractorOptions _options;
    private readonly HtmlMetadataReader _metadata;
    private readonly ContentExtractor _content;
    private readonly CleanerOptions _cleanerOptions;

    public HtmlArticleReader(HtmlExtractorOptions options, MetadataWeights weights, CleanerOptions cleanerOptions)
    {
        _options = options;
        _metadata = new HtmlMetadataReader(weights);
        _content = new ContentExtractor(options);
        _cleanerOptions = cleanerOptions with { GentleHead = true, TrimTail = options.TrimTail, DetectTitle = false, StripDateline = false, RemoveDistantRepeats = false };
    }

    public HtmlReadResult Read(string html, string? url, int? referenceYear)
    {
        bool truncated = false;
        if (html.Length > _options.MaxHtmlChars)
        {
            html = html[.._options.MaxHtmlChars];
            truncated = true;
        }
        var jsonLd = new List<string>();
        html = HtmlPrefilter.Strip(html, jsonLd);
        var root = HtmlTreeBuilder.Parse(html, _options.MaxDepth);
        var meta = _metadata.Read(root, url, jsonLd);
        var title = MetadataVote.Text(meta.Titles)?.Value;

        var body = root.FirstDescendant("body") ?? root;
        ContentResult content = _content.Extract(body, title);
        IReadOnlyList<string> paragraphs = content.Paragraphs;
        var removed = new List<string>(content.Removed);

        string? jsonLdBody = LongestJsonLdBody(meta);
        bool usedJsonLd = false;
        if (jsonLdBody is not null && jsonLdBody.Length >= _options.MinJsonLdBodyChars
            && content.ProseChars < jsonLdBody.Length * _options.JsonLdPreferRatio
            && IsConsistent(jsonLdBody, content))
        {
            paragraphs = PlainTextCleaner.SplitLines(jsonLdBody);
            usedJsonLd = true;
        }

        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in meta.Titles)
        {
            titles.Add(TextFolding.Fold(t.Value));
            titles.Add(TextFolding.Fold(ArticleExtractor.StripSiteName(t.Value, null)));
        }
        var cleaner = new PlainTextCleaner(_cleanerOptions with { KnownTitles = titles });
        var cleaned = cleaner.Clean(paragraphs, referenceYear);
        removed.AddRange(cleaned.Removed);
        int chars = 0;
        foreach (var p in cleaned.Paragraphs) chars += p.Length;
        bool noArticle = chars < _options.NoArticleChars || (content.LooksLikeListing && !usedJsonLd);
        bool paywall = cleaned.Paywall || (meta.NotFreeToRead && chars < 1500) || (content.PaywallHint && cleaned.Paywall);
        return new HtmlReadResult(cleaned.Paragraphs, removed, meta, paywall, noArticle, truncated, title, cleaned.Dateline);
    }

    /// <summary>
    /// The JSON-LD body describes this page: either the page shows almost no prose (rendered by script),
    /// or most sampled word runs of the JSON-LD text are found in the page's visible text.
    /// </summary>
    private bool IsConsistent(string jsonLdBody, ContentResult content)
    {
        int pageChars = 0;
        foreach (var b in content.AllBlocks) pageChars += b.Text.Length;
        if (pageChars < _options.RetryBelowChars) return true;
        var page = new System.Text.StringBuilder(pageChars + content.AllBlocks.Count);
        foreach (var b in content.AllBlocks) page.Append(b.Text).Append(' ');
        var pageFolded = TextFolding.Fold(page.ToString());
        var words = TextFolding.Fold(jsonLdBody).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int samples = 0, found = 0;
        for (int i = 0; i + _options.JsonLdSampleWords <= words.Length && samples < _options.JsonLdSamples;
             i += Math.Max(_options.JsonLdSampleWords, words.Length / _options.JsonLdSamples))
        {
            samples++;
            if (pageFolded.Contains(string.Join(' ', words, i, _options.JsonLdSampleWords), StringComparison.Ordinal)) found++;
        }
        return samples > 0 && found * 2 >= samples;
    }

    private static string? LongestJsonLdBody(MetadataCandidates meta)
    {
        string? best = null;
        foreach (var b in meta.JsonLdBodies)
        {
            if (best is null || b.Length > best.Length) best = b;
        }
        // Some sites put HTML markup in articleBody; such text is not usable as is.
        if (best is not null && best.Contains("</p>", StringComparison.OrdinalIgnoreCase)) return null;
        return best;
    }
}
