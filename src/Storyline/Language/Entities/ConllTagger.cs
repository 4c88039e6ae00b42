namespace Storyline.Language.Entities;

/// <summary>
/// The <c>ner --format conll</c> contract: reads tokens one per line (a blank line between sentences,
/// <c>-DOCSTART-</c> lines between documents, passed through) and writes <c>token\tTAG</c> in IOB2 with
/// PER/ORG/LOC/MISC. A document's earlier sentences inform later ones (the tagger's history).
/// </summary>
public static class ConllTagger
{
    private const string DocStart = "-DOCSTART-";

    public static void Run(TextReader input, TextWriter output) => Run(input, output, EntityTagger.Default);

    public static void Run(TextReader input, TextWriter output, EntityTagger tagger)
    {
        var decoder = tagger.CreateDecoder();
        var sentence = new NerSentence();
        var tokens = new List<string>();
        var labels = new int[256];
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            var token = FirstField(line);
            if (token.Length == 0)
            {
                Flush();
                output.WriteLine();
                continue;
            }
            if (token == DocStart)
            {
                Flush();
                decoder.History.Reset();
                output.WriteLine(line);
                continue;
            }
            tokens.Add(token);
        }
        Flush();

        void Flush()
        {
            if (tokens.Count == 0) return;
            sentence.Clear();
            foreach (var t in tokens) sentence.Add(t, 0, t.Length);
            if (labels.Length < tokens.Count) labels = new int[tokens.Count * 2];
            decoder.Decode(sentence, labels);
            for (int i = 0; i < tokens.Count; i++)
            {
                output.Write(tokens[i]);
                output.Write('\t');
                output.WriteLine(NerLabels.ToIob(labels[i]));
            }
            tokens.Clear();
        }
    }

    private static string FirstField(string line)
    {
        var s = line.AsSpan().Trim();
        int cut = s.IndexOfAny(' ', '\t');
        return (cut < 0 ? s : s[..cut]).ToString();
    }
}
