using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Storyline.Documents;
using Storyline.Language;

namespace Storyline.Storage;

/// <summary>
/// Stores an annotated document as JSON: the article and its span layers. Tokens and sentences are not
/// stored; they are recomputed on load (deterministic and much cheaper than the stored layers).
/// </summary>
public static class DocumentCodec
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private sealed record Stored(Article Article, DateOnly? ReferenceDate, IReadOnlyList<Entity> Entities,
        IReadOnlyList<Quote> Quotes, IReadOnlyList<Figure> Figures, IReadOnlyList<TimeExpression> Times);

    public static string Encode(AnnotatedDocument doc) =>
        JsonSerializer.Serialize(new Stored(doc.Article, doc.ReferenceDate, doc.Entities, doc.Quotes, doc.Figures, doc.Times), Options);

    public static AnnotatedDocument Decode(string json)
    {
        var s = JsonSerializer.Deserialize<Stored>(json, Options) ?? throw new InvalidDataException("empty stored document");
        var doc = new AnnotatedDocument
        {
            Article = s.Article,
            ReferenceDate = s.ReferenceDate,
            Entities = s.Entities ?? [],
            Quotes = s.Quotes ?? [],
            Figures = s.Figures ?? [],
            Times = s.Times ?? [],
        };
        doc = Tokenizer.Instance.Annotate(doc);
        return SentenceSplitter.Instance.Annotate(doc);
    }

    /// <summary>
    /// What decides whether a stored annotation is still good for an input: its text and the metadata the
    /// annotators read (the date resolves relative times; the outlet is shown).
    /// </summary>
    public static string ContentHash(Article article)
    {
        var key = string.Join('\u001f', article.Text, article.Published?.ToString("O") ?? "", article.Outlet ?? "",
            article.Title ?? "", article.Url ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
