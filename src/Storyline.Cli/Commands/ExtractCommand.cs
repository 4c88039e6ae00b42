using System.CommandLine;
using System.Text.Json;
using Storyline.Cli.Infrastructure;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline extract INPUT... --format jsonl|text</c>: the article body and metadata of each input.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext cli)
    {
        var inputs = CommonOptions.Inputs();
        var meta = CommonOptions.Meta();
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: jsonl (one JSON object per article) or text (the bodies, separated by form feeds).",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "text");
        var command = new Command("extract", "Extract each article's body and metadata from web pages, plain text, JSONL, WARC or feeds.")
        {
            inputs, meta, format,
        };
        command.SetAction(parse =>
        {
            var options = new InputOptions { Inputs = parse.GetValue(inputs)!, MetaPath = parse.GetValue(meta) };
            var feed = new DocumentFeed(cli, options);
            if (!feed.TryOpen(out var reader)) return ExitCodes.Usage;
            bool jsonl = parse.GetValue(format) == "jsonl";
            using var stdout = cli.OpenStdout();
            using var writer = new Utf8JsonWriter(stdout, Json.WriterOptions);
            bool first = true;
            foreach (var article in feed.Articles(reader!))
            {
                if (jsonl)
                {
                    Json.WriteArticle(writer, article);
                    writer.Flush();
                    writer.Reset();
                    stdout.WriteByte((byte)'\n');
                }
                else
                {
                    var bytes = System.Text.Encoding.UTF8.GetBytes((first ? "" : "\f\n") + article.Text + "\n");
                    stdout.Write(bytes);
                }
                first = false;
            }
            return feed.Processed > 0 ? ExitCodes.Ok : ExitCodes.NothingProcessed;
        });
        return command;
    }
}
