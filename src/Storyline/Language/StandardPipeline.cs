using Storyline.Language.Dating;
using Storyline.Language.Entities;
using Storyline.Language.Figures;
using Storyline.Language.Quotes;
using Storyline.Language.Times;

namespace Storyline.Language;

/// <summary>The pipelines the application uses, assembled once and shared.</summary>
public static class StandardPipeline
{
    /// <summary>
    /// Names what the full pipeline produces; stored annotations made by another version are redone.
    /// Change it whenever an annotator's output changes.
    /// </summary>
    public const string Version = "2025.03-2";

    private static readonly Lazy<LanguagePipeline> FullLazy = new(() => FullWith(PublicationDater.Instance));

    private static readonly Lazy<LanguagePipeline> TimelineLazy = new(() => new PipelineBuilder()
        .Add(Tokenizer.Instance)
        .Add(SentenceSplitter.Instance)
        .Add(PublicationDater.Instance)
        .Add(TimeTagger.Instance)
        .Build());

    /// <summary>Every layer: tokens, sentences, entities, dating, times, figures, quotes.</summary>
    public static LanguagePipeline Full => FullLazy.Value;

    /// <summary>
    /// <see cref="Full"/>, with "today" set to <paramref name="today"/> for articles that state no year
    /// (see <see cref="CollectionDating"/>).
    /// </summary>
    public static LanguagePipeline FullAsOf(DateOnly today) => FullWith(new PublicationDater(new CollectionDating.FixedClock(today)));

    private static LanguagePipeline FullWith(PublicationDater dater) => new PipelineBuilder()
        .Add(Tokenizer.Instance)
        .Add(SentenceSplitter.Instance)
        .Add(EntityTagger.Default)
        .Add(dater)
        .Add(TimeTagger.Instance)
        .Add(FigureFinder.Instance)
        .Add(QuoteFinder.Instance)
        .Build();

    /// <summary>The cheap layers timeline summarization needs over thousands of articles.</summary>
    public static LanguagePipeline Timeline => TimelineLazy.Value;
}
