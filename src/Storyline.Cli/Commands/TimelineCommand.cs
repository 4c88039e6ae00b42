using System.CommandLine;
using System.Text.Json;
using Storyline.Cli.Infrastructure;
using Storyline.Language;
using Storyline.Reports;
using Storyline.Stories;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline timeline INPUT... --dates L --per-date K [--query "a, b"] --format json</c>: the
/// timeline-summarization protocol: up to L dates with up to K sentences each.
/// </summary>
internal static class TimelineCommand
{
    public static Command Create(CliContext cli)
    {
        var inputs = CommonOptions.Inputs();
        var meta = CommonOptions.Meta();
        var dates = new Option<int>("--dates", "-l") { Description = "At most this many dates.", DefaultValueFactory = _ => 10, HelpName = "L" };
        var perDate = new Option<int>("--per-date", "-k") { Description = "At most this many sentences per date.", DefaultValueFactory = _ => 1, HelpName = "K" };
        var query = new Option<string?>("--query", "-q") { Description = "What the timeline is about: comma-separated terms (\"bp, oil, spill\").", HelpName = "TERMS" };
        var clean = new Option<bool>("--clean") { Description = "Remove junk lines from text inputs first (off: inputs are taken as given)." };
        var format = new Option<string>("--format", "-f") { Description = "json: [{\"date\": \"YYYY-MM-DD\", \"sentences\": [...]}].", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json");
        var command = new Command("timeline", "Summarize the articles as a dated timeline: the most important dates and what happened on each.")
        {
            inputs, meta, dates, perDate, query, clean, format,
        };
        command.SetAction(parse =>
        {
            int l = parse.GetValue(dates), k = parse.GetValue(perDate);
            if (l < 1 || k < 1)
            {
                cli.Message("storyline: --dates and --per-date must be at least 1");
                return ExitCodes.Usage;
            }
            var options = new InputOptions { Inputs = parse.GetValue(inputs)!, MetaPath = parse.GetValue(meta), Raw = !parse.GetValue(clean) };
            var feed = new DocumentFeed(cli, options);
            if (!feed.TryOpen(out var reader)) return ExitCodes.Usage;
            var documents = feed.Documents(reader!, StandardPipeline.Timeline).ToList();
            if (documents.Count == 0)
            {
                cli.Message("storyline: no article could be read; no timeline");
                return ExitCodes.NothingProcessed;
            }
            var terms = parse.GetValue(query)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var timeline = new TimelineSummarizer().Summarize(documents, l, k, terms is { Length: > 0 } ? terms : null);
            using var stdout = cli.OpenStdout();
            using var w = new Utf8JsonWriter(stdout, Json.WriterOptions with { Indented = true });
            TimelineJson.Write(w, timeline);
            stdout.WriteByte((byte)'\n');
            return ExitCodes.Ok;
        });
        return command;
    }
}
