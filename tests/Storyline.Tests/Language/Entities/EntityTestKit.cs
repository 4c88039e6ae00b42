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

    /// <summary>
    /// Builds the entities of <paramref name="text"/> from given tagger spans, bypassing the model: each span is
    /// a phrase (found after the previous span) and a type, so the builder's rules are tested on their own.
    /// </summary>
    public static IReadOnlyList<Entity> BuildFromSpans(string text, params (string Phrase, EntityType Type)[] spans)
    {
        var doc = AnnotatedDocument.For(new Article { Id = "d", Source = "d", Text = text });
        doc = SentenceSplitter.Instance.Annotate(Tokenizer.Instance.Annotate(doc));
        var words = doc.Tokens.Select(t => doc.Text[t.Start..t.End]).ToArray();
        var found = new List<(int Start, int End, int Type)>();
        int from = 0;
        foreach (var (phrase, type) in spans)
        {
            var parts = phrase.Split(' ');
            int at = Enumerable.Range(from, Math.Max(0, words.Length - parts.Length - from + 1))
                .First(i => parts.Select((w, k) => words[i + k] == w).All(x => x));
            found.Add((at, at + parts.Length, (int)type));
            from = at + parts.Length;
        }
        var labels = new int[words.Length];
        NerLabels.FromSpans(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(found), labels);
        return EntityBuilder.Build(doc, labels);
    }
}
