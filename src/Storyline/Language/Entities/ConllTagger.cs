using Storyline.Documents;

namespace Storyline.Language.Entities;

/// <summary>
/// The <c>ner --format conll</c> contract: reads tokens one per line (a blank line between sentences,
/// <c>-DOCSTART-</c> lines between documents, passed through) and writes <c>token\tTAG</c> in IOB2 with
/// PER/ORG/LOC/MISC. The tags are those of the full entity annotation: the tagger's labels (a document's
/// earlier sentences inform later ones), then the same document-level steps as <c>annotate</c> (titles
/// split from names, surnames and defined acronyms resolved), so both commands agree.
/// </summary>
public static class ConllTagger
{
    private const string DocStart = "-DOCSTART-";

    /// <summary>
    /// Sentences resolved together when the input has no document marks: roughly a news story, so that
    /// names are resolved within a story and not across a whole corpus.
    /// </summary>
    private const int ChunkSentences = 40;

    public static void Run(TextReader input, TextWriter output) => Run(input, output, EntityTagger.Default);

    public static void Run(TextReader input, TextWriter output, EntityTagger tagger)
    {
        var decoder = tagger.CreateDecoder();
        var tokens = new List<string>();
        var starts = new List<int>();         // first token of each buffered sentence
        var layout = new List<string?>();     // null: the next sentence's tokens; otherwise a line to echo
        int open = -1;                        // first token of the sentence being read, or -1
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            var token = FirstField(line);
            if (token == DocStart)
            {
                EndSentence();
                Flush();
                decoder.History.Reset();
                output.WriteLine(line);
                continue;
            }
            if (token.Length == 0)
            {
                EndSentence();
                layout.Add("");
                if (starts.Count >= ChunkSentences) Flush();
                continue;
            }
            if (open < 0) open = tokens.Count;
            tokens.Add(token);
        }
        EndSentence();
        Flush();

        void EndSentence()
        {
            if (open < 0) return;
            starts.Add(open);
            layout.Add(null);
            open = -1;
        }

        void Flush()
        {
            var tags = Tag(decoder, tokens, starts);
            int sentence = 0;
            foreach (var item in layout)
            {
                if (item is not null) { output.WriteLine(item); continue; }
                int from = starts[sentence], to = sentence + 1 < starts.Count ? starts[sentence + 1] : tokens.Count;
                for (int i = from; i < to; i++)
                {
                    output.Write(tokens[i]);
                    output.Write('\t');
                    output.WriteLine(tags[i]);
                }
                sentence++;
            }
            tokens.Clear();
            starts.Clear();
            layout.Clear();
        }
    }

    /// <summary>IOB2 tags of pre-tokenised sentences: tagger labels, then the document-level entity steps.</summary>
    internal static string[] Tag(NerDecoder decoder, List<string> tokens, List<int> starts)
    {
        var labels = new int[tokens.Count];
        var sentence = decoder.Sentence;
        for (int s = 0; s < starts.Count; s++)
        {
            int from = starts[s], to = s + 1 < starts.Count ? starts[s + 1] : tokens.Count;
            sentence.Clear();
            for (int i = from; i < to; i++) sentence.Add(tokens[i], 0, tokens[i].Length);
            decoder.Decode(sentence, labels.AsSpan(from, to - from));
        }

        // The same entity steps as for a document: on a text rebuilt from the tokens.
        var text = new System.Text.StringBuilder();
        var spans = new Token[tokens.Count];
        var sentences = new Sentence[starts.Count];
        for (int s = 0; s < starts.Count; s++)
        {
            int from = starts[s], to = s + 1 < starts.Count ? starts[s + 1] : tokens.Count;
            if (s > 0) text.Append('\n');
            int sentenceStart = text.Length;
            for (int i = from; i < to; i++)
            {
                if (i > from) text.Append(' ');
                spans[i] = new Token(text.Length, text.Length + tokens[i].Length, KindOf(tokens[i]));
                text.Append(tokens[i]);
            }
            sentences[s] = new Sentence(sentenceStart, text.Length, from, to - from);
        }
        var doc = new AnnotatedDocument
        {
            Article = new Article { Id = "conll", Source = "conll", Text = text.ToString() },
            Tokens = spans,
            Sentences = sentences,
        };
        var tags = new string[tokens.Count];
        Array.Fill(tags, "O");
        var byStart = new Dictionary<int, int>(tokens.Count);
        for (int i = 0; i < spans.Length; i++) byStart[spans[i].Start] = i;
        foreach (var e in EntityBuilder.Build(doc, labels))
        {
            if (!byStart.TryGetValue(e.Span.Start, out int first)) continue;
            string type = e.Type.ToString();
            for (int i = first; i < spans.Length && spans[i].End <= e.Span.End; i++)
                tags[i] = (i == first ? "B-" : "I-") + type;
        }
        return tags;
    }

    private static TokenKind KindOf(string token)
    {
        char c = token[0];
        if (char.IsLetter(c) || (token.Length > 1 && Tokenizer.IsApostrophe(c) && char.IsLetter(token[1]))) return TokenKind.Word;
        if (char.IsDigit(c)) return TokenKind.Number;
        if (Tokenizer.IsQuoteChar(c)) return TokenKind.Quote;
        return char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
    }

    private static string FirstField(string line)
    {
        var s = line.AsSpan().Trim();
        int cut = s.IndexOfAny(' ', '\t');
        return (cut < 0 ? s : s[..cut]).ToString();
    }
}
