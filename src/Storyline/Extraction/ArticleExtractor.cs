using Storyline.Documents;
using Storyline.Extraction.Decoding;
using Storyline.Extraction.Html;
using Storyline.Extraction.Text;
using Storyline.Sources;

namespace Storyline.Extraction;

/// <summary>Options of the whole extraction step.</summary>
public sealed record ExtractionOptions
{
    /// <summary>Inputs larger than this many bytes (or chars) are cut before reading; the article is flagged truncated.</summary>
    public int MaxInputBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Below this many characters of body text an article is flagged too short.</summary>
    public int TooShortChars { get; init; } = 250;

    public CleanerOptions Cleaner { get; init; } = CleanerOptions.Default;

    public HtmlExtractorOptions Html { get; init; } = new();

    public MetadataWeights Weights { get; init; } = new();

    public static ExtractionOptions Default { get; } = new();
}

/// <summary>
/// Turns a <see cref="RawDocument"/> into an <see cref="Article"/>: decodes bytes, then cleans plain text
/// or extracts the article from HTML, and merges metadata. Metadata the source supplied always wins
/// (provenance <see cref="Provenance.Supplied"/>); otherwise the values found in the content are used,
/// each with where it was found. Thread-safe: one instance serves any number of threads.
/// </summary>
public sealed class ArticleExtractor
{
    private readonly ExtractionOptions _options;
    private readonly PlainTextCleaner _cleaner;
    private readonly HtmlArticleReader _html;

    public ArticleExtractor(ExtractionOptions options)
    {
        _options = options;
        _cleaner = new PlainTextCleaner(options.Cleaner);
        _html = new HtmlArticleReader(options.Html, options.Weights, options.Cleaner);
    }

    public static ArticleExtractor Default { get; } = new(ExtractionOptions.Default);

    /// <summary>Extracts the article. Throws <see cref="UnreadableContentException"/> for binary content.</summary>
    public Article Extract(RawDocument raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var (content, truncated) = ReadContent(raw);
        if (ContentDecoder.LooksBinary(content))
            throw new UnreadableContentException("binary content, not text or HTML");

        int? referenceYear = raw.Published?.Year ?? raw.PublishedTime?.Year;
        var flags = new List<string>();
        if (truncated) flags.Add(ArticleFlags.Truncated);
        var sources = new Dictionary<string, Provenance>(StringComparer.Ordinal);

        Article article = raw.Kind switch
        {
            ContentKind.Html => FromHtml(raw, content, referenceYear, flags, sources),
            ContentKind.CleanText => FromCleanText(raw, content, sources),
            _ => FromText(raw, content, referenceYear, flags, sources),
        };

        if (article.Text.Length < _options.TooShortChars && !flags.Contains(ArticleFlags.TooShort))
            flags.Add(ArticleFlags.TooShort);
        return article with { Flags = flags, MetadataSources = sources };
    }

    private (string Text, bool Truncated) ReadContent(RawDocument raw)
    {
        if (raw.Text is { } text)
        {
            if (text.Length > _options.MaxInputBytes) return (text[.._options.MaxInputBytes], true);
            return (text.StartsWith('\uFEFF') ? text[1..] : text, false);
        }
        var bytes = raw.Bytes ?? [];
        bool cut = bytes.Length > _options.MaxInputBytes;
        var span = cut ? bytes.AsSpan(0, _options.MaxInputBytes) : bytes.AsSpan();
        var (decoded, _, _) = ContentDecoder.Decode(span, raw.Charset, raw.Kind == ContentKind.Html);
        return (decoded, cut);
    }

    // ---- plain text ------------------------------------------------------------------------------

    private Article FromText(RawDocument raw, string content, int? referenceYear, List<string> flags, Dictionary<string, Provenance> sources)
    {
        if (MarkdownText.IsMarkdownSource(raw.Source)) content = MarkdownText.ToText(content);
        content = TreebankEscapes.Undo(content);
        var cleaned = _cleaner.CleanText(content, referenceYear);
        if (cleaned.Paywall) flags.Add(ArticleFlags.Paywall);
        var article = Base(raw, Join(cleaned.Paragraphs), sources) with
        {
            Removed = cleaned.Removed,
            Dateline = cleaned.Dateline,
        };
        article = WithTitle(article, raw, cleaned.Title, Provenance.Visible, sources);
        var byline = Bylines.People(cleaned.Byline);
        if (byline is not null)
        {
            article = article with { Byline = byline };
            sources["byline"] = Provenance.Visible;
        }
        if (raw.Published is null && raw.PublishedTime is null)
        {
            if (cleaned.Dateline?.Date is { } d)
            {
                article = article with { Published = d, PublishedFrom = Provenance.Dateline };
                sources["published"] = Provenance.Dateline;
            }
            else if (cleaned.VisibleDate is { } v)
            {
                article = article with { Published = v, PublishedFrom = Provenance.Visible };
                sources["published"] = Provenance.Visible;
            }
        }
        return article;
    }

    private static Article FromCleanText(RawDocument raw, string content, Dictionary<string, Provenance> sources)
    {
        // Clean text is taken verbatim (annotate --raw): offsets must point into the input's own text.
        var article = Base(raw, content, sources);
        if (raw.Title is not null)
        {
            article = article with { Title = raw.Title };
            sources["title"] = Provenance.Supplied;
        }
        return article;
    }

    // ---- HTML ------------------------------------------------------------------------------------

    private Article FromHtml(RawDocument raw, string content, int? referenceYear, List<string> flags, Dictionary<string, Provenance> sources)
    {
        var page = _html.Read(content, raw.Url, referenceYear);
        if (page.Truncated && !flags.Contains(ArticleFlags.Truncated)) flags.Add(ArticleFlags.Truncated);
        if (page.Paywall) flags.Add(ArticleFlags.Paywall);
        if (page.NoArticle) flags.Add(ArticleFlags.NoArticle);
        var meta = page.Metadata;

        // A dateline opening one of the first paragraphs becomes metadata, as in plain text. On pages the
        // dateline stays in the text: it is part of the article as published (and of benchmark truths).
        var paragraphs = page.Paragraphs;
        var dateline = page.Dateline;
        if (dateline?.Date is { } dd)
            meta.Published.Add(new(new DateText.Found(dd, null, 0, 0), Provenance.Dateline, _options.Weights.Visible));

        var article = Base(raw, Join(paragraphs), sources) with { Removed = page.Removed, Dateline = dateline };

        string? outlet = raw.Outlet;
        if (outlet is null && MetadataVote.Text(meta.Outlets) is { } o)
        {
            outlet = o.Value;
            article = article with { Outlet = outlet };
            sources["outlet"] = o.From;
        }

        var titleVote = MetadataVote.Text(meta.Titles);
        article = WithTitle(article, raw, titleVote is null ? null : StripSiteName(titleVote.Value.Value, outlet),
            titleVote?.From ?? Provenance.None, sources);

        var bylineVote = meta.Bylines.Count == 0 ? null : MetadataVote.Text(meta.Bylines);
        if (bylineVote is { } b && Bylines.People(b.Value) is { } people)
        {
            article = article with { Byline = people };
            sources["byline"] = b.From;
        }

        if (raw.Published is null && raw.PublishedTime is null && MetadataVote.Date(meta.Published) is { } pub)
        {
            article = article with { Published = pub.Date, PublishedTime = pub.Time, PublishedFrom = pub.From };
            sources["published"] = pub.From;
        }
        if (MetadataVote.Date(meta.Modified) is { } mod)
        {
            article = article with { Modified = mod.Date };
            sources["modified"] = mod.From;
        }
        if (MetadataVote.Text(meta.Languages) is { } lang && NormalizeLanguage(lang.Value) is { } code)
        {
            article = article with { Language = code };
            sources["language"] = lang.From;
        }
        if (MetadataVote.Text(meta.Sections) is { } section)
        {
            article = article with { Section = section.Value };
            sources["section"] = section.From;
        }
        if (MetadataVote.Text(meta.CanonicalUrls) is { } canonical && Absolute(canonical.Value, raw.Url) is { } abs)
        {
            article = article with { CanonicalUrl = abs };
            sources["canonical_url"] = canonical.From;
            if (article.Url is null)
                article = article with { Url = abs };
        }
        return article;
    }

    // ---- shared ----------------------------------------------------------------------------------

    private static Article Base(RawDocument raw, string text, Dictionary<string, Provenance> sources)
    {
        var article = new Article
        {
            Id = raw.Id,
            Source = raw.Source,
            Url = raw.Url,
            Outlet = raw.Outlet,
            Text = text,
        };
        if (raw.Url is not null) sources["url"] = Provenance.Supplied;
        if (raw.Outlet is not null) sources["outlet"] = Provenance.Supplied;
        if (raw.PublishedTime is { } time)
        {
            article = article with
            {
                PublishedTime = time,
                Published = raw.Published ?? DateOnly.FromDateTime(time.Date),
                PublishedFrom = Provenance.Supplied,
            };
            sources["published"] = Provenance.Supplied;
        }
        else if (raw.Published is { } date)
        {
            article = article with { Published = date, PublishedFrom = Provenance.Supplied };
            sources["published"] = Provenance.Supplied;
        }
        return article;
    }

    private static Article WithTitle(Article article, RawDocument raw, string? found, Provenance from, Dictionary<string, Provenance> sources)
    {
        if (raw.Title is not null)
        {
            sources["title"] = Provenance.Supplied;
            return article with { Title = raw.Title };
        }
        if (string.IsNullOrWhiteSpace(found)) return article;
        sources["title"] = from;
        return article with { Title = found };
    }

    private static string Join(IReadOnlyList<string> paragraphs) => string.Join("\n\n", paragraphs);

    /// <summary>"Headline | Outlet" or "Headline - Outlet" → "Headline".</summary>
    internal static string StripSiteName(string title, string? outlet)
    {
        title = TextFolding.NormalizeLine(title);
        foreach (var sep in (ReadOnlySpan<string>)[" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00B7 "])
        {
            int i = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (i <= 0) continue;
            var head = title[..i].Trim();
            var tail = title[(i + sep.Length)..].Trim();
            bool isOutlet = outlet is not null && TextFolding.Fold(tail).Contains(TextFolding.Fold(outlet), StringComparison.Ordinal);
            if (isOutlet || (TextFolding.CountWords(tail) <= 3 && TextFolding.CountWords(head) >= 4))
                return head;
        }
        return title;
    }

    private static string? NormalizeLanguage(string value)
    {
        var v = value.Trim().Replace('_', '-');
        int dash = v.IndexOf('-');
        var primary = (dash > 0 ? v[..dash] : v).ToLowerInvariant();
        if (primary.Length is < 2 or > 3) return null;
        foreach (char c in primary)
        {
            if (c is < 'a' or > 'z') return null;
        }
        return primary;
    }

    private static string? Absolute(string url, string? baseUrl)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps))
            return abs.ToString();
        if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, url, out var rel))
            return rel.ToString();
        return null;
    }
}
