using System.CommandLine;
using System.Text;
using Spectre.Console;
using Storyline.Cli.Infrastructure;
using Storyline.Cli.Rendering;
using Storyline.Documents;
using Storyline.Language;
using Storyline.Language.Dating;
using Storyline.Language.Entities;
using Storyline.Reports;
using Storyline.Storage;
using Storyline.Stories;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline analyze INPUT... [--meta FILE] [--format terminal|json|md|html] [--out FILE]</c>.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliContext cli)
    {
        var inputs = CommonOptions.Inputs();
        inputs.Arity = ArgumentArity.ZeroOrMore;
        var meta = CommonOptions.Meta();
        var published = CommonOptions.Published();
        var db = new Option<string?>("--db")
        {
            Description = "Keep annotated articles in a database (a SQLite file, or a postgres:// URL) and analyze everything stored; only new or changed inputs are annotated.",
            HelpName = "FILE|URL",
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "terminal (a report drawn for a person; the default), json, md or html.",
        };
        format.AcceptOnlyFromAmong("terminal", "json", "md", "html");
        var output = new Option<string?>("--out", "-o") { Description = "Write the report to FILE instead of standard output.", HelpName = "FILE" };
        var command = new Command("analyze", "Assemble the story from the articles: events, timeline, figure ledger, quotes, wording and a cited summary.")
        {
            inputs, meta, published, format, output, db,
        };
        command.SetAction(parse =>
        {
            var options = new InputOptions { Inputs = parse.GetValue(inputs)!, MetaPath = parse.GetValue(meta), Published = parse.GetValue(published) };
            var outPath = parse.GetValue(output);
            var fmt = parse.GetValue(format) ?? (outPath is null ? "terminal" : FormatOf(outPath));
            if (outPath is not null)
            {
                var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
                if (dir is not null && !Directory.Exists(dir))
                {
                    cli.Message($"storyline: --out {outPath}: the folder does not exist");
                    return ExitCodes.Usage;
                }
            }
            var dbTarget = parse.GetValue(db);
            if (options.Inputs.Count == 0 && dbTarget is null)
            {
                cli.Message("storyline: analyze needs INPUT... or --db with stored articles");
                cli.Message("Run 'storyline analyze --help' for usage.");
                return ExitCodes.Usage;
            }
            var feed = new DocumentFeed(cli, options);
            if (!feed.TryOpen(out var reader)) return ExitCodes.Usage;
            List<AnnotatedDocument> documents;
            if (dbTarget is null)
            {
                documents = feed.Documents(reader!, StandardPipeline.Full).ToList();
            }
            else
            {
                try
                {
                    documents = FromStore(cli, feed, reader!, dbTarget);
                }
                catch (StoreException e)
                {
                    cli.Message($"storyline: --db {Redact(dbTarget)}: {e.Message}");
                    return ExitCodes.NothingProcessed;
                }
            }
            if (documents.Count == 0)
            {
                cli.Message("storyline: no article could be read; nothing to analyze");
                return ExitCodes.NothingProcessed;
            }
            documents = [.. CollectionDating.AnchorAssumedYears(documents, StandardPipeline.FullAsOf)];
            documents = [.. NameResolver.ResolveAcross(documents)];
            var report = new StoryAnalyzer().Analyze(documents);
            Write(cli, report, fmt, outPath);
            if (outPath is not null)
                cli.Message($"wrote {fmt} report on {documents.Count} articles, {report.Stories.Count} {(report.Stories.Count == 1 ? "story" : "stories")} to {outPath}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Annotates only inputs the store does not already hold in the same form, saves them, and returns
    /// every stored document: adding articles to a stored story costs only the new ones.
    /// </summary>
    private static List<AnnotatedDocument> FromStore(CliContext cli, DocumentFeed feed, Storyline.Sources.InputReader reader, string target)
    {
        using var store = StoryStores.Open(target);
        var index = store.Index();
        var fresh = new List<AnnotatedDocument>();
        int reused = 0;
        foreach (var (article, annotated) in feed.Run(reader, a =>
                 {
                     bool current = index.TryGetValue(a.Id, out var info) && info.PipelineVersion == StandardPipeline.Version &&
                                    info.ContentHash == DocumentCodec.ContentHash(a);
                     return Tuple.Create(a, current ? null : StandardPipeline.Full.Annotate(a));
                 }))
        {
            if (annotated is null) reused++;
            else fresh.Add(annotated);
            if (fresh.Count >= 256)
            {
                store.Save(fresh, StandardPipeline.Version);
                fresh.Clear();
            }
        }
        if (fresh.Count > 0) store.Save(fresh, StandardPipeline.Version);
        var all = store.Load();
        cli.Message($"database: {all.Count} articles stored ({feed.Processed - reused} annotated now, {reused} unchanged)");
        return [.. all];
    }

    private static string Redact(string target) =>
        PostgresStoryStore.IsPostgres(target) && Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':')
            ? target.Replace(uri.UserInfo, uri.UserInfo.Split(':')[0] + ":***", StringComparison.Ordinal)
            : target;

    private static string FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => "json",
        ".md" or ".markdown" => "md",
        ".html" or ".htm" => "html",
        _ => "json",
    };

    private static void Write(CliContext cli, AnalysisReport report, string format, string? outPath)
    {
        if (format == "terminal")
        {
            if (outPath is null)
            {
                cli.Out.Flush();
                var console = AnsiConsole.Create(new AnsiConsoleSettings
                {
                    Out = new AnsiConsoleOutput(cli.Out),
                    Ansi = cli.StdoutIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
                    ColorSystem = cli.StdoutIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                    Interactive = InteractionSupport.No,
                });
                if (!cli.StdoutIsTerminal) console.Profile.Width = 120;
                TerminalReport.Render(report, console);
                cli.Out.Flush();
                return;
            }
            using var file = new StreamWriter(outPath, false, new UTF8Encoding(false));
            var fileConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(file), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
            fileConsole.Profile.Width = 120;
            TerminalReport.Render(report, fileConsole);
            return;
        }
        Stream stream = outPath is null ? cli.OpenStdout() : new FileStream(outPath, FileMode.Create, FileAccess.Write);
        using (stream)
        {
            switch (format)
            {
                case "json":
                    ReportJson.Write(report, stream);
                    break;
                case "md":
                {
                    using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                    ReportMarkdown.Write(report, w);
                    break;
                }
                case "html":
                {
                    using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                    ReportHtml.Write(report, w);
                    break;
                }
            }
        }
    }
}
