using Storyline.Documents;

namespace Storyline.Language.Entities;

/// <summary>Turns token labels into entity mentions.</summary>
internal static class EntityBuilder
{
    public static IReadOnlyList<Entity> Build(AnnotatedDocument document, int[] labels)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var result = new List<Entity>();
        int i = 0;
        while (i < labels.Length)
        {
            int t = NerLabels.TypeOf(labels[i]);
            if (t < 0) { i++; continue; }
            int j = i + 1;
            while (j < labels.Length && NerLabels.TypeOf(labels[j]) == t && NerLabels.PositionOf(labels[j]) is 'I' or 'L') j++;
            var span = new TextSpan(tokens[i].Start, tokens[j - 1].End);
            var s = span.Of(text);
            result.Add(new Entity(span, s, (EntityType)t, s));
            i = j;
        }
        return result;
    }
}
