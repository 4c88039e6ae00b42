using System.Globalization;
using System.Text;
using Storyline.Stories;

namespace Storyline.Reports;

/// <summary>Writes an <see cref="AnalysisReport"/> as Markdown: one section per story, citations as [article:start-end].</summary>
public static class ReportMarkdown
{
    public static void Write(AnalysisReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var w = output;
        var outlets = report.Articles.ToDictionary(a => a.Id, a => a.OutletLabel, StringComparer.Ordinal);
        w.WriteLine("# Storyline report");
        w.WriteLine();
        w.WriteLine(Invariant($"{report.Articles.Count} articles, {report.Stories.Count} {(report.Stories.Count == 1 ? "story" : "stories")}."));
        w.WriteLine();
        foreach (var s in report.Stories) WriteStory(w, s, report, outlets);

        w.WriteLine("## Articles");
        w.WriteLine();
        w.WriteLine("| id | published | outlet | title | removed lines | flags |");
        w.WriteLine("|---|---|---|---|---|---|");
        foreach (var a in report.Articles)
            w.WriteLine(Invariant($"| {Cell(a.Id)} | {Date(a.Published)} | {Cell(a.Outlet ?? "")} | {Cell(a.Title ?? "")} | {a.Removed.Count} | {Cell(string.Join(", ", a.Flags))} |"));
        w.WriteLine();
    }

    private static void WriteStory(TextWriter w, Story s, AnalysisReport report, Dictionary<string, string> outlets)
    {
        w.WriteLine("## " + Inline(s.Title));
        w.WriteLine();
        w.WriteLine(Invariant($"*{s.Coverage}* · id `{s.Id}`"));
        w.WriteLine();

        if (s.Summary.Count > 0)
        {
            w.WriteLine("### Summary");
            w.WriteLine();
            foreach (var sum in s.Summary)
                w.WriteLine("- " + Inline(sum.Text) + " " + Cites(sum.Citations));
            w.WriteLine();
        }

        w.WriteLine("### Events");
        w.WriteLine();
        foreach (var e in s.Events)
            w.WriteLine("- **" + Date(e.Date) + "** " + Inline(e.Title) + " — " + string.Join(", ", e.Articles.Select(a => Inline(outlets.GetValueOrDefault(a, a)))));
        w.WriteLine();

        if (s.Syndication.Any(g => g.Articles.Count > 1))
        {
            w.WriteLine("### Copies");
            w.WriteLine();
            foreach (var g in s.Syndication.Where(g => g.Articles.Count > 1))
                w.WriteLine("- " + string.Join(", ", g.Articles.Select(a => "`" + a + "`")) + " (shown: `" + g.Representative + "`)");
            w.WriteLine();
        }

        if (s.Timeline.Count > 0)
        {
            w.WriteLine("### Timeline");
            w.WriteLine();
            w.WriteLine("| date | what the articles say | sources |");
            w.WriteLine("|---|---|---|");
            foreach (var t in s.Timeline)
                w.WriteLine("| " + Date(t.Date) + " | " + Cell(t.Text) + " | " + Cell(Cites(t.Citations)) +
                            (t.Support.Count > 0 ? " +" + t.Support.Count.ToString(CultureInfo.InvariantCulture) : "") + " |");
            w.WriteLine();
        }

        if (s.Figures.Count > 0)
        {
            w.WriteLine("### Figure ledger");
            w.WriteLine();
            foreach (var f in s.Figures)
            {
                string mark = f.Assessment switch
                {
                    SeriesAssessment.Discrepancy => "⚠ discrepancy",
                    SeriesAssessment.Trend => "↗ trend",
                    _ => "= agreement",
                };
                w.WriteLine("**" + Inline(ReportJson.Label(f)) + "** — " + mark + ": " + Inline(f.Note));
                w.WriteLine();
                w.WriteLine("| value | qualifier | as of | outlet | source | as written |");
                w.WriteLine("|---:|---|---|---|---|---|");
                foreach (var p in f.Points)
                    w.WriteLine("| " + Number(p.Value) + " | " + ReportJson.Snake(p.Qualifier.ToString()) + " | " + Cell(p.AsOf ?? "") + " | " +
                                Cell(p.Outlet ?? outlets.GetValueOrDefault(p.Article, p.Article)) + " | " + Cell(p.Source ?? "—") + " | " +
                                Cell(p.Text) + " " + Cite(p.Citation) + " |");
                if (f.Sides.Count > 0)
                {
                    w.WriteLine();
                    foreach (var side in f.Sides)
                        w.WriteLine("- " + Number(side.Value) + ": " + Inline(string.Join(", ", side.Outlets)) +
                                    (side.Sources.Count > 0 ? " (per " + Inline(string.Join("; ", side.Sources)) + ")" : ""));
                }
                w.WriteLine();
            }
        }

        if (s.Quotes.Count > 0)
        {
            w.WriteLine("### Who said what");
            w.WriteLine();
            foreach (var g in s.Quotes.GroupBy(q => q.Speaker ?? "(unattributed)"))
            {
                w.WriteLine("**" + Inline(g.Key) + "**");
                w.WriteLine();
                foreach (var q in g)
                    w.WriteLine("- “" + Inline(q.Text) + "” — " + Inline(q.Outlet ?? outlets.GetValueOrDefault(q.Article, q.Article)) + " " + Cite(q.Citation) +
                                (q.Kind == Documents.QuoteKind.Direct ? "" : " *(" + ReportJson.Snake(q.Kind.ToString()) + ")*"));
                w.WriteLine();
            }
        }

        if (s.Wording.Count > 0)
        {
            w.WriteLine("### Wording across outlets");
            w.WriteLine();
            w.WriteLine("| what | " + string.Join(" | ", WordingOutlets(s).Select(Cell)) + " |");
            w.WriteLine("|---|" + string.Concat(WordingOutlets(s).Select(_ => "---|")));
            foreach (var row in s.Wording)
            {
                var cells = WordingOutlets(s).Select(o =>
                {
                    var ow = row.Outlets.FirstOrDefault(x => x.Outlet == o);
                    return ow is null ? "" : string.Join(", ", ow.Terms.Select(t => t.Term + " ×" + t.Count.ToString(CultureInfo.InvariantCulture)));
                });
                w.WriteLine("| " + Cell(row.Concept) + " | " + string.Join(" | ", cells.Select(Cell)) + " |");
            }
            w.WriteLine();
        }

        if (s.Attribution.Count > 0)
        {
            w.WriteLine("### Attributed or stated as fact");
            w.WriteLine();
            w.WriteLine("| outlet | attributed | stated as fact |");
            w.WriteLine("|---|---:|---:|");
            foreach (var a in s.Attribution)
                w.WriteLine(Invariant($"| {Cell(a.Outlet)} | {a.Attributed} | {a.StatedAsFact} |"));
            w.WriteLine();
        }
    }

    private static List<string> WordingOutlets(Story s) =>
        s.Wording.SelectMany(r => r.Outlets.Select(o => o.Outlet)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static string Cites(IReadOnlyList<Citation> cites) => string.Join(" ", cites.Select(Cite));

    private static string Cite(Citation c) => Invariant($"[{c.Article}:{c.Start}-{c.End}]");

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";

    private static string Number(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Escapes Markdown emphasis and link syntax in running text; collapses line breaks.</summary>
    private static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is '\r' or '\n') { sb.Append(' '); continue; }
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '|') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string Cell(string text) => Inline(text);
}
