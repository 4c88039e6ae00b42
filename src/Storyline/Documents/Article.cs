namespace Storyline.Documents;

/// <summary>How a piece of metadata (most often the publication date) was found.</summary>
public enum Provenance
{
    None = 0,
    /// <summary>Given by the user: a <c>--meta</c> sidecar, a JSONL field or a command-line option.</summary>
    Supplied,
    /// <summary>A dateline printed in the article ("WASHINGTON, July 25 (Reuters) -", "date 2024-11-27 ...").</summary>
    Dateline,
    JsonLd,
    OpenGraph,
    MetaTag,
    TimeElement,
    Url,
    /// <summary>Visible text of the page (a byline block, a "Published on" line).</summary>
    Visible,
    /// <summary>Inferred from the dates an article mentions; not stated anywhere.</summary>
    Estimated,
}

/// <summary>Where an article was read from and what is known about it.</summary>
public sealed record SourceInfo
{
    /// <summary>Stable id: a file's name without extensions, a JSONL record's <c>id</c>, else a hash.</summary>
    public required string Id { get; init; }

    /// <summary>The input path, URL or WARC record id.</summary>
    public required string Source { get; init; }

    public string? Url { get; init; }

    public string? Outlet { get; init; }

    public string? Title { get; init; }

    public string? Byline { get; init; }

    /// <summary>Publication date as given (a date, or a date-time when one is known).</summary>
    public DateTimeOffset? PublishedTime { get; init; }

    public DateOnly? Published { get; init; }

    public Provenance PublishedFrom { get; init; }
}

/// <summary>Well-known article flags.</summary>
public static class ArticleFlags
{
    public const string Paywall = "paywall";
    public const string TooShort = "too_short";
    public const string NoArticle = "no_article";
    public const string DateEstimated = "date_estimated";
    /// <summary>The estimate's year is an assumption (the article states no year): the latest year up to the reference "today".</summary>
    public const string DateYearAssumed = "date_year_assumed";
    public const string Truncated = "truncated";
}

/// <summary>A dateline found at the head of an article: where and when it was filed.</summary>
public sealed record Dateline(string? Place, DateOnly? Date, string Text);

/// <summary>
/// One news article after extraction: its body text (paragraphs separated by blank lines) and metadata,
/// each metadata value carrying where it was found.
/// </summary>
public sealed record Article
{
    public required string Id { get; init; }

    /// <summary>The input path, URL or WARC record id.</summary>
    public required string Source { get; init; }

    public string? Url { get; init; }

    public string? CanonicalUrl { get; init; }

    public string? Title { get; init; }

    public string? Byline { get; init; }

    public string? Outlet { get; init; }

    public string? Language { get; init; }

    public string? Section { get; init; }

    public DateOnly? Published { get; init; }

    /// <summary>Publication time when a full date-time is known.</summary>
    public DateTimeOffset? PublishedTime { get; init; }

    public Provenance PublishedFrom { get; init; }

    public DateOnly? Modified { get; init; }

    public Dateline? Dateline { get; init; }

    /// <summary>The article body: paragraphs separated by blank lines.</summary>
    public required string Text { get; init; }

    /// <summary>Lines or blocks removed as boilerplate, in document order.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];

    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>For each metadata field, where its value came from (field name → provenance).</summary>
    public IReadOnlyDictionary<string, Provenance> MetadataSources { get; init; } =
        new Dictionary<string, Provenance>();

    public bool HasFlag(string flag) => Flags.Contains(flag);
}
