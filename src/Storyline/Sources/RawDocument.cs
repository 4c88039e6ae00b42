using Storyline.Documents;

namespace Storyline.Sources;

/// <summary>What kind of content a raw document holds, deciding which extractor reads it.</summary>
public enum ContentKind
{
    /// <summary>Plain text (or Markdown) copied off a page: cleaned of junk lines.</summary>
    Text,
    /// <summary>An HTML page: the article body and metadata are extracted.</summary>
    Html,
    /// <summary>Text that is already clean (a benchmark record): only normalised, never cleaned.</summary>
    CleanText,
}

/// <summary>
/// One input document before extraction: its bytes or text and whatever metadata the source supplied
/// (a JSONL record's fields, a <c>--meta</c> sidecar, an HTTP header).
/// </summary>
public sealed record RawDocument
{
    public required string Id { get; init; }

    /// <summary>The input path, URL or WARC record id.</summary>
    public required string Source { get; init; }

    public required ContentKind Kind { get; init; }

    /// <summary>Undecoded content (files, WARC payloads); null when <see cref="Text"/> is given.</summary>
    public byte[]? Bytes { get; init; }

    /// <summary>Decoded content (JSONL fields); null when <see cref="Bytes"/> is given.</summary>
    public string? Text { get; init; }

    /// <summary>A charset named outside the content (HTTP Content-Type), if any.</summary>
    public string? Charset { get; init; }

    public string? Url { get; init; }

    public string? Title { get; init; }

    public string? Outlet { get; init; }

    public DateOnly? Published { get; init; }

    public DateTimeOffset? PublishedTime { get; init; }
}
