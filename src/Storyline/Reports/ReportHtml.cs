using System.Globalization;
using System.Text;
using Storyline.Stories;

namespace Storyline.Reports;

/// <summary>
/// Writes an <see cref="AnalysisReport"/> as one self-contained HTML page (inline CSS and SVG, no scripts, no
/// external resources). Each figure series is a chart of value against as-of date with one mark per source;
/// a discrepancy draws each disputed value as a red line. The timeline is a dated strip with its citations.
/// Every piece of text from the articles is HTML-escaped.
/// </summary>
public static class ReportHtml
{
    /// <summary>Mark colours, one per outlet in order of appearance; chosen to stay apart for common colour blindness.</summary>
    private static readonly string[] Palette =
        ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000", "#999999", "#7f3c8d"];

    private const string Css = """
        body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1100px;margin:0 auto;padding:1.5em;color:#1b1b1b;background:#fff}
        h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.35em;border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}h3{font-size:1.1em;margin-top:1.6em}
        .muted{color:#666}.badge{display:inline-block;padding:0 .5em;border-radius:.6em;font-size:.85em;color:#fff}
        .trend{background:#0072b2}.agreement{background:#009e73}.discrepancy{background:#c0392b}
        table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border-bottom:1px solid #e5e5e5;padding:.3em .5em;text-align:left;vertical-align:top}
        th{background:#f6f6f6}td.date{white-space:nowrap;font-variant-numeric:tabular-nums}td.num{text-align:right;font-variant-numeric:tabular-nums}
        .cite{font-size:.8em;color:#0b5cad;text-decoration:none;white-space:nowrap}.cite:hover{text-decoration:underline}
        ol.timeline{list-style:none;padding-left:0;border-left:3px solid #0072b2;margin-left:.5em}
        ol.timeline li{position:relative;padding:.2em 0 .8em 1.2em}ol.timeline li::before{content:"";position:absolute;left:-.5em;top:.55em;width:.7em;height:.7em;border-radius:50%;background:#0072b2}
        ol.timeline .date{font-weight:600;font-variant-numeric:tabular-nums;margin-right:.5em}
        .support{font-size:.85em;color:#555;margin:.2em 0 0 0}
        .chart{margin:.4em 0 1em 0}svg text{font:11px system-ui,sans-serif;fill:#333}
        blockquote{margin:.3em 0 .3em 1em;padding-left:.8em;border-left:3px solid #ccc}
        details{margin:.4em 0}pre.article{white-space:pre-wrap;font:13px/1.45 ui-monospace,Menlo,Consolas,monospace;background:#fafafa;padding:1em;border:1px solid #eee}
        """;

    public static void Write(AnalysisReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var w = output;
        var articles = report.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        w.Write("<title>");
        w.Write(E(report.Stories.Count > 0 ? report.Stories[0].Title : "Storyline report"));
        w.WriteLine("</title>");
        w.Write("<style>");
        w.Write(Css);
        w.WriteLine("</style></head><body>");
        w.WriteLine("<h1>Storyline report</h1>");
        w.WriteLine(Inv($"<p class=\"muted\">{report.Articles.Count} articles, {report.Stories.Count} {(report.Stories.Count == 1 ? "story" : "stories")}.</p>"));
        foreach (var s in report.Stories) WriteStory(w, s, articles);
        w.WriteLine("<h2 id=\"articles\">Articles</h2>");
        foreach (var a in report.Articles)
        {
            w.Write("<details id=\"");
            w.Write(E("a-" + a.Id));
            w.Write("\"><summary>");
            w.Write(E(a.OutletLabel));
            w.Write(" · ");
            w.Write(E(a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated"));
            w.Write(" · <code>");
            w.Write(E(a.Id));
            w.Write("</code> ");
            w.Write(E(a.Title ?? ""));
            w.Write("</summary><pre class=\"article\">");
            w.Write(E(a.Text));
            w.WriteLine("</pre></details>");
        }
        w.WriteLine("</body></html>");
    }

    private static void WriteStory(TextWriter w, Story s, Dictionary<string, ReportArticle> articles)
    {
        w.Write("<h2 id=\"");
        w.Write(E(s.Id));
        w.Write("\">");
        w.Write(E(s.Title));
        w.WriteLine("</h2>");
        w.Write("<p class=\"muted\">");
        w.Write(E(s.Coverage));
        w.WriteLine("</p>");
        var copies = s.Syndication.Where(g => g.Articles.Count > 1).ToList();
        if (copies.Count > 0)
        {
            w.WriteLine("<p class=\"muted\">Copies of one report:</p><ul>");
            foreach (var g in copies)
                w.WriteLine("<li>" + string.Join(", ", g.Articles.Select(a => Link(a, articles))) + "</li>");
            w.WriteLine("</ul>");
        }

        if (s.Summary.Count > 0)
        {
            w.WriteLine("<h3>Summary</h3><ul>");
            foreach (var sum in s.Summary)
            {
                w.Write("<li>");
                w.Write(E(sum.Text));
                w.Write(' ');
                Cites(w, sum.Citations, articles, sum.Text);
                w.WriteLine("</li>");
            }
            w.WriteLine("</ul>");
        }

        w.WriteLine("<h3>Events</h3><table><tr><th>date</th><th>event</th><th>articles</th></tr>");
        foreach (var e in s.Events)
        {
            w.Write("<tr><td class=\"date\">");
            w.Write(E(e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated"));
            w.Write("</td><td>");
            w.Write(E(e.Title));
            w.Write("</td><td>");
            w.Write(string.Join(", ", e.Articles.Select(a => Link(a, articles))));
            w.WriteLine("</td></tr>");
        }
        w.WriteLine("</table>");

        if (s.Timeline.Count > 0)
        {
            w.WriteLine("<h3>Timeline</h3>");
            TimelineStrip(w, s.Timeline);
            w.WriteLine("<ol class=\"timeline\">");
            foreach (var t in s.Timeline)
            {
                w.Write("<li><span class=\"date\">");
                w.Write(E(t.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                w.Write("</span>");
                w.Write(E(t.Text));
                w.Write(' ');
                Cites(w, t.Citations, articles, t.Text);
                if (t.Support.Count > 0)
                {
                    w.Write("<div class=\"support\">also: ");
                    foreach (var sup in t.Support)
                        Cites(w, [sup.Citation], articles, sup.Text);
                    w.Write("</div>");
                }
                w.WriteLine("</li>");
            }
            w.WriteLine("</ol>");
        }

        if (s.Figures.Count > 0)
        {
            w.WriteLine("<h3>Figure ledger</h3>");
            foreach (var f in s.Figures) WriteSeries(w, f, articles);
        }

        if (s.Quotes.Count > 0)
        {
            w.WriteLine("<h3>Who said what</h3>");
            foreach (var g in s.Quotes.GroupBy(q => q.Speaker ?? "(unattributed)"))
            {
                w.Write("<h4>");
                w.Write(E(g.Key));
                w.WriteLine("</h4>");
                foreach (var q in g)
                {
                    w.Write("<blockquote>“");
                    w.Write(E(q.Text));
                    w.Write("” ");
                    Cites(w, [q.Citation], articles, q.Text);
                    if (q.Kind != Documents.QuoteKind.Direct)
                    {
                        w.Write(" <span class=\"muted\">(");
                        w.Write(E(ReportJson.Snake(q.Kind.ToString())));
                        w.Write(")</span>");
                    }
                    w.WriteLine("</blockquote>");
                }
            }
        }

        if (s.Wording.Count > 0)
        {
            var outlets = s.Wording.SelectMany(r => r.Outlets.Select(o => o.Outlet)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            w.WriteLine("<h3>Wording across outlets</h3><table><tr><th>what</th>");
            foreach (var o in outlets) { w.Write("<th>"); w.Write(E(o)); w.Write("</th>"); }
            w.WriteLine("</tr>");
            foreach (var row in s.Wording)
            {
                w.Write("<tr><td>");
                w.Write(E(row.Concept));
                w.Write("</td>");
                foreach (var o in outlets)
                {
                    w.Write("<td>");
                    var ow = row.Outlets.FirstOrDefault(x => x.Outlet == o);
                    if (ow is not null)
                        foreach (var t in ow.Terms)
                        {
                            w.Write("<b>");
                            w.Write(E(t.Term));
                            w.Write("</b> ×");
                            w.Write(t.Count.ToString(CultureInfo.InvariantCulture));
                            w.Write(' ');
                            Cites(w, t.Citations.Select(c => c.Citation).ToList(), articles, t.Citations.Count > 0 ? t.Citations[0].Text : "");
                            w.Write("<br>");
                        }
                    w.Write("</td>");
                }
                w.WriteLine("</tr>");
            }
            w.WriteLine("</table>");
        }

        if (s.Attribution.Count > 0)
        {
            w.WriteLine("<h3>Attributed or stated as fact</h3><table><tr><th>outlet</th><th>attributed</th><th>stated as fact</th><th>example stated as fact</th></tr>");
            foreach (var a in s.Attribution)
            {
                w.Write("<tr><td>");
                w.Write(E(a.Outlet));
                w.Write(Inv($"</td><td class=\"num\">{a.Attributed}</td><td class=\"num\">{a.StatedAsFact}</td><td>"));
                if (a.FactExamples.Count > 0)
                {
                    w.Write(E(a.FactExamples[0].Text));
                    w.Write(' ');
                    Cites(w, [a.FactExamples[0].Citation], articles, a.FactExamples[0].Text);
                }
                w.WriteLine("</td></tr>");
            }
            w.WriteLine("</table>");
        }
    }

    private static void WriteSeries(TextWriter w, FigureSeries f, Dictionary<string, ReportArticle> articles)
    {
        string cls = ReportJson.Snake(f.Assessment.ToString());
        w.Write("<h4>");
        w.Write(E(ReportJson.Label(f)));
        w.Write(" <span class=\"badge ");
        w.Write(cls);
        w.Write("\">");
        w.Write(cls);
        w.Write("</span></h4><p class=\"muted\">");
        w.Write(E(f.Note));
        w.WriteLine("</p>");
        w.Write("<div class=\"chart\">");
        Chart(w, f, articles);
        w.WriteLine("</div>");
        w.WriteLine("<table><tr><th>value</th><th>qualifier</th><th>as of</th><th>outlet</th><th>source</th><th>as written</th></tr>");
        foreach (var p in f.Points)
        {
            w.Write("<tr><td class=\"num\">");
            w.Write(E(Number(p.Value)));
            w.Write("</td><td>");
            w.Write(E(ReportJson.Snake(p.Qualifier.ToString())));
            w.Write("</td><td class=\"date\">");
            w.Write(E(p.AsOf ?? ""));
            w.Write("</td><td>");
            w.Write(E(p.Outlet ?? (articles.TryGetValue(p.Article, out var a) ? a.OutletLabel : p.Article)));
            w.Write("</td><td>");
            w.Write(E(p.Source ?? "—"));
            w.Write("</td><td>");
            w.Write(E(p.Sentence));
            w.Write(' ');
            Cites(w, [p.SentenceCitation], articles, p.Sentence);
            w.WriteLine("</td></tr>");
        }
        w.WriteLine("</table>");
    }

    /// <summary>
    /// Value against date, one mark per point coloured by outlet. When every point holds for one date (a past
    /// event's toll), the x axis is the date each article reported it instead, and each disputed value is a
    /// red dashed line, so the disagreement shows at a glance.
    /// </summary>
    private static void Chart(TextWriter w, FigureSeries f, Dictionary<string, ReportArticle> articles)
    {
        const int W = 680, H = 220, L = 70, R = 170, T = 16, B = 34;
        var pts = f.Points.Select(p =>
        {
            DateOnly? asOf = DateOnly.TryParseExact((p.AsOf ?? "").Length >= 10 ? p.AsOf![..10] : "", "yyyy-MM-dd", out var d) ? d : null;
            DateOnly? reported = articles.TryGetValue(p.Article, out var a) ? a.Published : null;
            return (Point: p, AsOf: asOf, Reported: reported, Outlet: p.Outlet ?? (a?.OutletLabel ?? p.Article));
        }).ToList();
        // A past event's toll holds for one date: plot when each source reported it instead.
        bool byReport = (f.EventDate is not null || pts.Select(p => p.AsOf).Distinct().Count() <= 1) && pts.Any(p => p.Reported is not null);
        var xs = pts.Select(p => byReport ? p.Reported : p.AsOf).ToList();
        var known = xs.Where(x => x is not null).Select(x => x!.Value.DayNumber).ToList();
        if (known.Count == 0) known.Add(0);
        int x0 = known.Min(), x1 = known.Max();
        if (x1 == x0) { x0 -= 15; x1 += 15; }
        double v0 = pts.Min(p => p.Point.Value), v1 = pts.Max(p => p.Point.ValueHigh ?? p.Point.Value);
        double pad = Math.Max((v1 - v0) * 0.15, Math.Max(1, v1 * 0.02));
        v0 = Math.Max(0, v0 - pad);
        v1 += pad;
        double X(int day) => L + (day - x0) / (double)(x1 - x0) * (W - L - R);
        double Y(double v) => T + (1 - (v - v0) / (v1 - v0)) * (H - T - B);
        var outletOrder = pts.Select(p => p.Outlet).Distinct(StringComparer.Ordinal).ToList();

        var sb = new StringBuilder();
        sb.Append(Inv($"<svg width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"")).Append(E(ReportJson.Label(f))).Append("\">");
        // axes
        sb.Append(Inv($"<line x1=\"{L}\" y1=\"{H - B}\" x2=\"{W - R}\" y2=\"{H - B}\" stroke=\"#999\"/><line x1=\"{L}\" y1=\"{T}\" x2=\"{L}\" y2=\"{H - B}\" stroke=\"#999\"/>"));
        for (int i = 0; i <= 4; i++)
        {
            double v = v0 + (v1 - v0) * i / 4;
            sb.Append(Inv($"<text x=\"{L - 6}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">")).Append(E(Number(Math.Round(v)))).Append("</text>");
            sb.Append(Inv($"<line x1=\"{L}\" y1=\"{Y(v):0.#}\" x2=\"{W - R}\" y2=\"{Y(v):0.#}\" stroke=\"#eee\"/>"));
        }
        double lastTick = double.NegativeInfinity;
        foreach (int day in known.Distinct().Order())
        {
            // Ticks too close to the previous one would overprint it.
            if (X(day) - lastTick < 64) continue;
            lastTick = X(day);
            sb.Append(Inv($"<text x=\"{X(day):0.#}\" y=\"{H - B + 14}\" text-anchor=\"middle\">")).Append(E(DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append("</text>");
        }
        sb.Append(Inv($"<text x=\"{(L + W - R) / 2}\" y=\"{H - 4}\" text-anchor=\"middle\" fill=\"#666\">")).Append(byReport ? "date reported" : "as of").Append("</text>");
        if (f.Assessment == SeriesAssessment.Discrepancy)
        {
            double lastLabel = double.NegativeInfinity;
            foreach (var side in f.Sides.OrderByDescending(x => x.Value))
            {
                double y = Y(side.Value);
                sb.Append(Inv($"<line x1=\"{L}\" y1=\"{y:0.#}\" x2=\"{W - R}\" y2=\"{y:0.#}\" stroke=\"#c0392b\" stroke-dasharray=\"5 4\"/>"));
                // Labels of close values are pushed apart so each stays readable.
                double ly = Math.Max(y + 4, lastLabel + 12);
                lastLabel = ly;
                sb.Append(Inv($"<text x=\"{W - R + 4}\" y=\"{ly:0.#}\" fill=\"#c0392b\">")).Append(E(Number(side.Value))).Append("</text>");
            }
        }
        else if (f.Assessment == SeriesAssessment.Trend)
        {
            var line = pts.Select((p, i) => (X: xs[i], p.Point.Value)).Where(q => q.X is not null).OrderBy(q => q.X).ToList();
            if (line.Count > 1)
                sb.Append("<polyline fill=\"none\" stroke=\"#0072b2\" stroke-opacity=\".4\" stroke-width=\"2\" points=\"")
                  .Append(string.Join(" ", line.Select(q => Inv($"{X(q.X!.Value.DayNumber):0.#},{Y(q.Value):0.#}")))).Append("\"/>");
        }
        // marks: points at the same spot are nudged apart so each source stays visible
        var used = new Dictionary<(int, int), int>();
        for (int i = 0; i < pts.Count; i++)
        {
            var p = pts[i];
            int day = xs[i]?.DayNumber ?? x0;
            double cx = X(day), cy = Y(p.Point.Value);
            var key = ((int)cx, (int)cy);
            used.TryGetValue(key, out int k);
            used[key] = k + 1;
            cx += k * 7;
            string color = Palette[outletOrder.IndexOf(p.Outlet) % Palette.Length];
            sb.Append(Inv($"<circle cx=\"{cx:0.#}\" cy=\"{cy:0.#}\" r=\"5\" fill=\"{color}\"><title>"))
              .Append(E(p.Outlet + ": " + Number(p.Point.Value) + " (" + ReportJson.Snake(p.Point.Qualifier.ToString()) + ") — " + p.Point.Text))
              .Append("</title></circle>");
            if (p.Point.Qualifier is Documents.Qualifier.MoreThan or Documents.Qualifier.AtLeast)
                sb.Append(Inv($"<path d=\"M{cx - 4:0.#},{cy - 8:0.#} L{cx:0.#},{cy - 13:0.#} L{cx + 4:0.#},{cy - 8:0.#}\" fill=\"none\" stroke=\"{color}\"/>"));
            else if (p.Point.Qualifier is Documents.Qualifier.Nearly or Documents.Qualifier.UpTo or Documents.Qualifier.LessThan)
                sb.Append(Inv($"<path d=\"M{cx - 4:0.#},{cy + 8:0.#} L{cx:0.#},{cy + 13:0.#} L{cx + 4:0.#},{cy + 8:0.#}\" fill=\"none\" stroke=\"{color}\"/>"));
        }
        // legend
        for (int i = 0; i < outletOrder.Count && i < 10; i++)
        {
            int ly = T + 4 + i * 15;
            int lx = W - R + (f.Assessment == SeriesAssessment.Discrepancy ? 60 : 24);
            sb.Append(Inv($"<circle cx=\"{lx}\" cy=\"{ly}\" r=\"4\" fill=\"{Palette[i % Palette.Length]}\"/><text x=\"{lx + 8}\" y=\"{ly + 4}\">"))
              .Append(E(Truncate(outletOrder[i], 14))).Append("</text>");
        }
        sb.Append("</svg>");
        w.Write(sb.ToString());
    }

    private static void TimelineStrip(TextWriter w, IReadOnlyList<TimelineEntry> entries)
    {
        const int W = 1000, H = 84, L = 40, R = 40;
        int d0 = entries.Min(e => e.Date.DayNumber), d1 = entries.Max(e => e.Date.DayNumber);
        if (d1 == d0) { d0--; d1++; }
        double X(int day) => L + (day - d0) / (double)(d1 - d0) * (W - L - R);
        var sb = new StringBuilder();
        sb.Append(Inv($"<svg width=\"100%\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"timeline\">"));
        sb.Append(Inv($"<line x1=\"{L}\" y1=\"24\" x2=\"{W - R}\" y2=\"24\" stroke=\"#0072b2\" stroke-width=\"3\"/>"));
        // Labels go on the first of three rows where they do not run into the previous label.
        var rowEnd = new[] { double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity };
        const double LabelWidth = 68;
        foreach (var e in entries)
        {
            double x = X(e.Date.DayNumber);
            double r = 4 + Math.Min(6, e.Articles);
            sb.Append(Inv($"<circle cx=\"{x:0.#}\" cy=\"24\" r=\"{r:0.#}\" fill=\"#0072b2\" fill-opacity=\".75\"><title>"))
              .Append(E(e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ": " + e.Text)).Append("</title></circle>");
            int row = Array.FindIndex(rowEnd, end => x - LabelWidth / 2 > end);
            if (row < 0) continue;
            rowEnd[row] = x + LabelWidth / 2;
            sb.Append(Inv($"<line x1=\"{x:0.#}\" y1=\"30\" x2=\"{x:0.#}\" y2=\"{38 + row * 15}\" stroke=\"#bbb\"/>"));
            sb.Append(Inv($"<text x=\"{x:0.#}\" y=\"{48 + row * 15}\" text-anchor=\"middle\">"))
              .Append(E(e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append("</text>");
        }
        sb.Append("</svg>");
        w.WriteLine(sb.ToString());
    }

    private static void Cites(TextWriter w, IReadOnlyList<Citation> cites, Dictionary<string, ReportArticle> articles, string text)
    {
        foreach (var c in cites)
        {
            string outlet = articles.TryGetValue(c.Article, out var a) ? a.OutletLabel : c.Article;
            w.Write("<a class=\"cite\" href=\"#");
            w.Write(E("a-" + c.Article));
            w.Write("\" title=\"");
            w.Write(E(Inv($"{c.Article} [{c.Start}, {c.End}): ") + Truncate(text, 300)));
            w.Write("\">[");
            w.Write(E(outlet));
            w.Write("]</a> ");
        }
    }

    private static string Link(string id, Dictionary<string, ReportArticle> articles) =>
        "<a href=\"#" + E("a-" + id) + "\">" + E(articles.TryGetValue(id, out var a) ? a.OutletLabel : id) + "</a>";

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    private static string Number(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>HTML-escapes text for element content and double-quoted attributes.</summary>
    public static string E(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    // Control characters other than tab and line breaks are not valid in HTML text.
                    if (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) sb.Append('\uFFFD');
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}
