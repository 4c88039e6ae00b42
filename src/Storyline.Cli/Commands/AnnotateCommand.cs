using System.CommandLine;
using System.Text.Json;
using Storyline.Cli.Infrastructure;
using Storyline.Language;


namespace Storyline.Cli.Commands;

/// <summary><c>storyline annotate INPUT... [--published DATE] [--raw] --format jsonl</c>.</summary>
internal static class AnnotateCommand
{
    public static Command Create(CliContext cli)
    {
        var inputs = CommonOptions.Inputs();
        var meta = CommonOptions.Meta();
        var published = CommonOptions.Published();
        var raw = new Option<bool>("--raw") { Description = "Annotate each input exactly as given (no junk removal), so offsets point into the input's own text." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: jsonl, one JSON object per document.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl");
        var command = new Command("annotate", "Find entities, quotes with speakers, figures with their sources and time expressions resolved to dates.")
        {
            inputs, meta, published, raw, format,
        };
        command.SetAction(parse =>
        {
            var options = new InputOptions
            {
                Inputs = parse.GetValue(inputs)!,
                MetaPath = parse.GetValue(meta),
                Raw = parse.GetValue(raw),
                Published = parse.GetValue(published),
            };
            var feed = new DocumentFeed(cli, options);
            if (!feed.TryOpen(out var reader)) return ExitCodes.Usage;
            var pipeline = StandardPipeline.Full;
            using var stdout = cli.OpenStdout();
            using var writer = new Utf8JsonWriter(stdout, Json.WriterOptions);
            foreach (var doc in feed.Documents(reader!, pipeline))
            {
                AnnotationJson.Write(writer, doc);
                writer.Flush();
                writer.Reset();
                stdout.WriteByte((byte)'\n');
            }
            return feed.Processed > 0 ? ExitCodes.Ok : ExitCodes.NothingProcessed;
        });
        return command;
    }
}
