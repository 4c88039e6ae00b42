using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Storyline.Reports;
using Storyline.Stories;

namespace Storyline.Cli.Rendering;

/// <summary>
/// The readable report on a terminal: per story its events (a tree), timeline, figure ledger with
/// discrepancies marked, quotes by speaker, wording across outlets and summary, as Spectre tables and trees.
/// Every string from the articles is escaped, so brackets in text never become markup.
/// </summary>
public static class TerminalReport
{
    private const int MaxQuotesPerSpeaker = 4;
    private const int MaxSpeakers = 8;

    public static void Render(AnalysisReport report, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(console);
        var outlets = report.Articles.ToDictionary(a => a.Id, a => a.OutletLabel, StringComparer.Ordinal);
        console.Write(new Rule("[bold]Storyline[/]").LeftJustified());
        console.MarkupLine(Inv($"[grey]{report.Articles.Count} articles, {report.Stories.Count} {(report.Stories.Count == 1 ? "story" : "stories")}[/]"));
        if (report.Stories.Count == 0)
        {
            console.MarkupLine("[yellow]No stories: no article had text to work with.[/]");
            return;
        }
        foreach (var s in report.Stories) RenderStory(console, s, outlets);
    }

    private static void RenderStory(IAnsiConsole console, Story s, Dictionary<string, string> outlets)
    {
        console.WriteLine();
        console.Write(new Rule("[bold]" + Esc(s.Title) + "[/]").LeftJustified());
        console.MarkupLine("[grey]" + Esc(s.Coverage) + "[/]");

        var tree = new Tree("[bold]Events[/]");
        foreach (var e in s.Events)
        {
            var node = tree.AddNode("[blue]" + Date(e.Date) + "[/] " + Esc(e.Title));
            foreach (var a in e.Articles)
            {
                var group = s.Syndication.FirstOrDefault(g => g.Articles.Contains(a, StringComparer.Ordinal));
                string copies = group is { Articles.Count: > 1 } && group.Representative == a ? Inv($" [grey](+{group.Articles.Count - 1} {(group.Articles.Count == 2 ? "copy" : "copies")})[/]") : "";
                if (group is { Articles.Count: > 1 } && group.Representative != a) continue;
                node.AddNode(Esc(outlets.GetValueOrDefault(a, a)) + " [grey]" + Esc(a) + "[/]" + copies);
            }
        }
        console.Write(tree);

        if (s.Timeline.Count > 0)
        {
            var t = new Table().Border(TableBorder.Simple).Title("[bold]Timeline[/]");
            t.AddColumn("date");
            t.AddColumn("what the articles say");
            t.AddColumn("sources");
            foreach (var e in s.Timeline)
                t.AddRow(new Markup("[blue]" + e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "[/]"),
                    new Markup(Esc(e.Text)),
                    new Markup(Esc(string.Join(", ", e.Citations.Select(c => outlets.GetValueOrDefault(c.Article, c.Article)).Distinct())) +
                               (e.Support.Count > 0 ? Inv($" [grey]+{e.Support.Count}[/]") : "")));
            console.Write(t);
        }

        if (s.Figures.Count > 0)
        {
            var t = new Table().Border(TableBorder.Simple).Title("[bold]Figure ledger[/]");
            t.AddColumn("series");
            t.AddColumn(new TableColumn("value").RightAligned());
            t.AddColumn("as of");
            t.AddColumn("outlet");
            t.AddColumn("source");
            foreach (var f in s.Figures)
            {
                string mark = f.Assessment switch
                {
                    SeriesAssessment.Discrepancy => "[red bold]⚠ discrepancy[/]",
                    SeriesAssessment.Trend => "[blue]↗ trend[/]",
                    _ => "[green]= agreement[/]",
                };
                bool first = true;
                foreach (var p in f.Points)
                {
                    bool disputed = f.Assessment == SeriesAssessment.Discrepancy;
                    string value = Qualify(p.Qualifier) + p.Value.ToString("#,0.##", CultureInfo.InvariantCulture);
                    t.AddRow(
                        new Markup(first ? Esc(ReportJson.Label(f)) + "\n" + mark : ""),
                        new Markup(disputed ? "[red]" + Esc(value) + "[/]" : Esc(value)),
                        new Markup(Esc(p.AsOf ?? "")),
                        new Markup(Esc(p.Outlet ?? outlets.GetValueOrDefault(p.Article, p.Article))),
                        new Markup(Esc(p.Source ?? "—")));
                    first = false;
                }
            }
            console.Write(t);
        }

        if (s.Quotes.Count > 0)
        {
            var qt = new Tree("[bold]Who said what[/]");
            foreach (var g in s.Quotes.GroupBy(q => q.Speaker ?? "(unattributed)").Take(MaxSpeakers))
            {
                var node = qt.AddNode("[bold]" + Esc(g.Key) + Inv($"[/] [grey]({g.Count()})[/]"));
                foreach (var q in g.Take(MaxQuotesPerSpeaker))
                    node.AddNode("“" + Esc(q.Text) + "” [grey]— " + Esc(q.Outlet ?? outlets.GetValueOrDefault(q.Article, q.Article)) + "[/]");
                if (g.Count() > MaxQuotesPerSpeaker) node.AddNode(Inv($"[grey]… {g.Count() - MaxQuotesPerSpeaker} more[/]"));
            }
            console.Write(qt);
        }

        if (s.Wording.Count > 0)
        {
            var names = s.Wording.SelectMany(r => r.Outlets.Select(o => o.Outlet)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var t = new Table().Border(TableBorder.Simple).Title("[bold]Wording across outlets[/]");
            t.AddColumn("what");
            foreach (var n in names) t.AddColumn(Esc(n));
            foreach (var row in s.Wording)
            {
                var cells = new List<IRenderable> { new Markup(Esc(row.Concept)) };
                foreach (var n in names)
                {
                    var ow = row.Outlets.FirstOrDefault(o => o.Outlet == n);
                    cells.Add(new Markup(ow is null ? "" : string.Join("\n", ow.Terms.Select(x => "[bold]" + Esc(x.Term) + "[/]" + Inv($" ×{x.Count}")))));
                }
                t.AddRow(cells);
            }
            console.Write(t);
        }

        if (s.Attribution.Count > 0)
        {
            var t = new Table().Border(TableBorder.Simple).Title("[bold]Claims attributed or stated as fact[/]");
            t.AddColumn("outlet");
            t.AddColumn(new TableColumn("attributed").RightAligned());
            t.AddColumn(new TableColumn("as fact").RightAligned());
            foreach (var a in s.Attribution)
                t.AddRow(Esc(a.Outlet), a.Attributed.ToString(CultureInfo.InvariantCulture), a.StatedAsFact.ToString(CultureInfo.InvariantCulture));
            console.Write(t);
        }

        if (s.Summary.Count > 0)
        {
            var lines = s.Summary.Select(x => "• " + Esc(x.Text) + " [grey](" +
                Esc(string.Join(", ", x.Citations.Select(c => outlets.GetValueOrDefault(c.Article, c.Article)).Distinct())) + ")[/]");
            console.Write(new Panel(new Markup(string.Join("\n", lines))).Header("Summary").Expand());
        }
    }

    private static string Qualify(Documents.Qualifier q) => q switch
    {
        Documents.Qualifier.About => "~",
        Documents.Qualifier.MoreThan => ">",
        Documents.Qualifier.AtLeast => "≥",
        Documents.Qualifier.LessThan => "<",
        Documents.Qualifier.UpTo => "≤",
        Documents.Qualifier.Nearly => "≈<",
        _ => "",
    };

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";

    private static string Esc(string? s) => Markup.Escape(s ?? "");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
