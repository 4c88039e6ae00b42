using Storyline.Documents;
using Storyline.Extraction;
using Storyline.Language;
using Storyline.Sources;

namespace Storyline.Cli.Infrastructure;

/// <summary>Options every command that reads INPUT... shares.</summary>
public sealed record InputOptions
{
    public required IReadOnlyList<string> Inputs { get; init; }

    public string? MetaPath { get; init; }

    /// <summary>Read text as given (no cleaning): <c>annotate --raw</c> and the timeline benchmark.</summary>
    public bool Raw { get; init; }

    public DateOnly? Published { get; init; }
}

/// <summary>
/// Reads inputs and extracts articles, reporting each bad input as one line and going on. Extraction runs
/// in parallel; articles come out in input order.
/// </summary>
public sealed class DocumentFeed(CliContext cli, InputOptions options)
{
    public int Processed { get; private set; }

    /// <summary>False when the options themselves are unusable (a missing --meta file); already reported.</summary>
    public bool TryOpen(out InputReader? reader)
    {
        reader = null;
        MetaSidecar? meta = null;
        if (options.MetaPath is not null)
        {
            if (!File.Exists(options.MetaPath))
            {
                cli.Message($"storyline: --meta {options.MetaPath}: no such file");
                return false;
            }
            meta = MetaSidecar.Load(options.MetaPath);
            foreach (var p in meta.Problems) cli.Warn(options.MetaPath, p);
        }
        reader = new InputReader(meta, fetcher: new HttpFetcher(), stdin: cli.OpenStdin);
        return true;
    }

    /// <summary>Extracted and annotated documents, in input order; problems go to stderr.</summary>
    public IEnumerable<AnnotatedDocument> Documents(InputReader reader, LanguagePipeline pipeline) =>
        Run(reader, article => pipeline.Annotate(article));

    /// <summary>Extracted articles, in input order; problems go to stderr.</summary>
    public IEnumerable<Article> Articles(InputReader reader) => Run(reader, article => article);

    /// <summary>Extracts each article and applies <paramref name="after"/> to it in parallel; results in input order.</summary>
    public IEnumerable<T> Run<T>(InputReader reader, Func<Article, T> after) where T : class
    {
        var progress = cli.Interactive ? new ProgressLine(cli.Error, "articles") : null;
        cli.ProgressLine = progress;
        int done = 0;
        var results = reader.Read(options.Inputs)
            .AsParallel().AsOrdered()
            .WithDegreeOfParallelism(Math.Max(1, Environment.ProcessorCount))
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(item => Process(item, after));
        foreach (var (article, source, problem) in results)
        {
            if (problem is not null)
            {
                cli.Warn(source, problem);
                continue;
            }
            done++;
            Processed = done;
            progress?.Update(done);
            yield return article!;
        }
        progress?.Clear();
        cli.ProgressLine = null;
    }

    private (T? Article, string Source, string? Problem) Process<T>(SourceItem item, Func<Article, T> after) where T : class
    {
        if (item is SourceProblem p) return (null, p.Source, p.Message);
        var raw = ((SourceDocument)item).Document;
        if (options.Raw) raw = raw with { Kind = raw.Kind == ContentKind.Html ? ContentKind.Html : ContentKind.CleanText };
        if (options.Published is { } date && raw.Published is null) raw = raw with { Published = date };
        try
        {
            string? warning = Encodings.CheckText(raw);
            var article = ArticleExtractor.Default.Extract(raw);
            if (string.IsNullOrWhiteSpace(article.Text))
                return (null, raw.Source, raw.Bytes is { Length: 0 } || raw.Text is { Length: 0 } ? "empty file; skipped" : "no article text found; skipped");
            if (warning is not null) cli.Warn(raw.Source, warning);
            return (after(article), raw.Source, null);
        }
        catch (UnreadableContentException e)
        {
            return (null, raw.Source, e.Message + "; skipped");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect on one document must not lose the others: report it in one line and go on.
            return (null, raw.Source, $"internal error ({e.GetType().Name}: {e.Message.Split('\n')[0]}); skipped, please report this");
        }
    }
}

internal static class Encodings
{
    /// <summary>A warning for text files that are not valid UTF-8 (they are read with a guessed encoding).</summary>
    public static string? CheckText(RawDocument raw)
    {
        if (raw.Bytes is not { Length: > 0 } bytes || raw.Kind == ContentKind.Html || raw.Charset is not null) return null;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) return null;
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        if (Array.IndexOf(bytes, (byte)0) >= 0) return null; // binary or UTF-16: the extractor decides
        return "not valid UTF-8; read as Windows-1252";
    }
}
