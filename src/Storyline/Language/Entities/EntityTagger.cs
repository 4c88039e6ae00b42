using Storyline.Documents;

namespace Storyline.Language.Entities;

/// <summary>
/// Finds people, organisations, places and other names (nationalities, events) in a document with the
/// trained tagger, splits titles off person names into roles, and resolves short mentions to full names.
/// Immutable and thread-safe.
/// </summary>
public sealed class EntityTagger : IAnnotator
{
    /// <summary>Name of the embedded model resource.</summary>
    public const string ModelResource = "Storyline.Language.Models.ner.model.gz";

    private static readonly Lazy<EntityTagger> DefaultLazy = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly NerModel _model;

    // Decoding buffers are reused per thread; each tagging call starts a fresh document history.
    private readonly ThreadLocal<NerDecoder> _decoders;

    public EntityTagger(NerModel model)
    {
        _model = model;
        _decoders = new ThreadLocal<NerDecoder>(() => new NerDecoder(model));
    }

    /// <summary>The tagger with the model shipped in the library (loaded once, on first use).</summary>
    public static EntityTagger Default => DefaultLazy.Value;

    public NerModel Model => _model;

    public string Name => "entities";

    public IReadOnlyCollection<string> Requires => [Layers.Tokens, Layers.Sentences];

    public IReadOnlyCollection<string> Produces => [Layers.Entities];

    private static EntityTagger LoadDefault()
    {
        using var stream = typeof(EntityTagger).Assembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidOperationException($"the entity model resource '{ModelResource}' is missing from the library");
        return new EntityTagger(NerModel.Load(stream));
    }

    internal NerDecoder CreateDecoder() => new(_model);

    /// <summary>IOB2 tags (B-PER, I-ORG, O, ...) for one pre-tokenised sentence.</summary>
    public string[] TagTokens(IReadOnlyList<string> tokens)
    {
        var decoder = _decoders.Value!;
        decoder.History.Reset();
        var sentence = decoder.Sentence;
        sentence.Clear();
        foreach (var t in tokens) sentence.Add(t, 0, t.Length);
        var labels = new int[tokens.Count];
        decoder.Decode(sentence, labels);
        var tags = new string[tokens.Count];
        for (int i = 0; i < tags.Length; i++) tags[i] = NerLabels.ToIob(labels[i]);
        return tags;
    }

    public AnnotatedDocument Annotate(AnnotatedDocument document) =>
        document with { Entities = FindEntities(document) };

    /// <summary>Tags every sentence of the document in order and builds the entity mentions.</summary>
    public IReadOnlyList<Entity> FindEntities(AnnotatedDocument document)
    {
        var labels = TagDocument(document);
        return EntityBuilder.Build(document, labels);
    }

    /// <summary>BILOU labels for every token of the document.</summary>
    internal int[] TagDocument(AnnotatedDocument document) => TagSpans(document.Text, document.Tokens, document.Sentences);

    /// <summary>BILOU labels for tokens of a text split into sentences (one document history).</summary>
    internal int[] TagSpans(string text, Token[] tokens, Sentence[] sentences)
    {
        var labels = new int[tokens.Length];
        var decoder = _decoders.Value!;
        decoder.History.Reset();
        var sentence = decoder.Sentence;
        foreach (var s in sentences)
        {
            sentence.Clear();
            for (int i = s.FirstToken; i < s.EndToken; i++)
                sentence.Add(text, tokens[i].Start, tokens[i].End - tokens[i].Start);
            decoder.Decode(sentence, labels.AsSpan(s.FirstToken, s.TokenCount));
        }
        return labels;
    }
}
