using Storyline.Documents;
using Storyline.Language;
using Storyline.Language.Entities;

namespace Storyline.Tests.Language.Entities;

internal static class EntityTestKit
{
    public static AnnotatedDocument Annotate(string text, string id = "doc")
    {
        var doc = AnnotatedDocument.For(new Article { Id = id, Source = id, Text = text });
        doc = Tokenizer.Instance.Annotate(doc);
        doc = SentenceSplitter.Instance.Annotate(doc);
        return EntityTagger.Default.Annotate(doc);
    }

    public static Entity Single(AnnotatedDocument doc, string text) =>
        doc.Entities.Where(e => e.Text == text).ShouldHaveSingleItem($"one entity '{text}' in [{string.Join("; ", doc.Entities.Select(e => $"{e.Type} {e.Text}"))}]");
}
