namespace Storyline.Documents;

/// <summary>
/// A document and its annotation layers. The text is owned once; tokens and sentences are flat arrays of
/// small structs; every other layer is a list of spans into the same text (UTF-16 offsets, end exclusive).
/// Immutable: pipeline components return a copy with their layer set (<c>doc with { Quotes = ... }</c>).
/// </summary>
public sealed record AnnotatedDocument
{
    public required Article Article { get; init; }

    public string Text => Article.Text;

    /// <summary>The reference date for resolving relative time expressions.</summary>
    public DateOnly? ReferenceDate { get; init; }

    public Token[] Tokens { get; init; } = [];

    public Sentence[] Sentences { get; init; } = [];

    public IReadOnlyList<Entity> Entities { get; init; } = [];

    public IReadOnlyList<Quote> Quotes { get; init; } = [];

    public IReadOnlyList<Figure> Figures { get; init; } = [];

    public IReadOnlyList<TimeExpression> Times { get; init; } = [];

    public ReadOnlySpan<char> TokenText(int index)
    {
        var t = Tokens[index];
        return Text.AsSpan(t.Start, t.End - t.Start);
    }

    public string SentenceText(int index) => Sentences[index].Span.Of(Text);

    /// <summary>Index of the sentence holding <paramref name="offset"/>, or -1.</summary>
    public int SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = Sentences[mid];
            if (offset < s.Start) hi = mid - 1;
            else if (offset >= s.End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    public static AnnotatedDocument For(Article article) =>
        new() { Article = article, ReferenceDate = article.Published };
}
