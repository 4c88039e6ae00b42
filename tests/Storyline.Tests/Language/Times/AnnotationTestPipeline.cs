using Storyline.Documents;
using Storyline.Language;
using Storyline.Language.Dating;
using Storyline.Language.Figures;
using Storyline.Language.Quotes;
using Storyline.Language.Times;

namespace Storyline.Tests.Language.Times;

/// <summary>The annotation steps under test, in pipeline order, for one text and reference date.</summary>
internal static class AnnotationTestPipeline
{
    private static readonly LanguagePipeline Pipeline = Build();

    private static LanguagePipeline Build()
    {
        var b = new PipelineBuilder().Add(Tokenizer.Instance).Add(SentenceSplitter.Instance);
        var ner = typeof(Tokenizer).Assembly.GetType("Storyline.Language.Entities.EntityTagger");
        if ((ner?.GetProperty("Default")?.GetValue(null) ?? ner?.GetField("Default")?.GetValue(null)) is IAnnotator tagger) b.Add(tagger);
        return b.Add(PublicationDater.Instance).Add(TimeTagger.Instance).Add(FigureFinder.Instance).Add(QuoteFinder.Instance).Build();
    }

    public static AnnotatedDocument Run(string text, DateOnly? published = null, string id = "t") =>
        Pipeline.Annotate(new Article { Id = id, Source = id, Text = text, Published = published, PublishedFrom = published is null ? Provenance.None : Provenance.Supplied });

    public static AnnotatedDocument Run(Article article) => Pipeline.Annotate(article);
}
