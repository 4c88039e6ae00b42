namespace Storyline.Sources;

/// <summary>What reading an input yields: a document, or a problem with one input that others survive.</summary>
public abstract record SourceItem(string Source);

public sealed record SourceDocument(RawDocument Document) : SourceItem(Document.Source);

/// <summary>An input that could not be read; <see cref="Message"/> is one plain sentence for the user.</summary>
public sealed record SourceProblem(string Source, string Message) : SourceItem(Source);

/// <summary>Limits that keep one bad input from exhausting memory.</summary>
public sealed record SourceLimits
{
    /// <summary>The largest single-article file read whole (text or HTML, after decompression).</summary>
    public long MaxDocumentBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The longest JSONL line (one record) read.</summary>
    public int MaxRecordChars { get; init; } = 64 * 1024 * 1024;

    public static SourceLimits Default { get; } = new();
}
