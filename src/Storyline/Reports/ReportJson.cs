using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Storyline.Documents;
using Storyline.Stories;

namespace Storyline.Reports;

/// <summary>
/// Writes an <see cref="AnalysisReport"/> as the JSON of the <c>analyze</c> contract (snake_case field names;
/// see docs/report-schema.md). Written field by field so the contract does not drift with the C# model.
/// </summary>
public static class ReportJson
{
    public static void Write(AnalysisReport report, Stream output, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = indented,
            // Keep non-ASCII text readable; the output is UTF-8 JSON, not HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        w.WriteStartObject();
        w.WriteStartArray("articles");
        foreach (var a in report.Articles) WriteArticle(w, a);
        w.WriteEndArray();
        w.WriteStartArray("stories");
        foreach (var s in report.Stories) WriteStory(w, s);
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }

    /// <summary>The report as a JSON string (for tests and small outputs).</summary>
    public static string ToJson(AnalysisReport report, bool indented = true)
    {
        using var ms = new MemoryStream();
        Write(report, ms, indented);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WriteArticle(Utf8JsonWriter w, ReportArticle a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("source", a.Source);
        w.WriteString("url", a.Url);
        w.WriteString("title", a.Title);
        WriteDate(w, "published", a.Published);
        w.WriteString("published_from", Snake(a.PublishedFrom.ToString()));
        w.WriteString("outlet", a.Outlet);
        w.WriteString("text", a.Text);
        WriteStrings(w, "removed", a.Removed);
        WriteStrings(w, "flags", a.Flags);
        w.WriteEndObject();
    }

    private static void WriteStory(Utf8JsonWriter w, Story s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("title", s.Title);
        WriteStrings(w, "articles", s.Articles);
        w.WriteString("coverage", s.Coverage);
        w.WriteNumber("independent_reports", s.Syndication.Count);

        w.WriteStartArray("syndication");
        foreach (var g in s.Syndication)
        {
            w.WriteStartObject();
            w.WriteString("id", g.Id);
            w.WriteString("representative", g.Representative);
            WriteStrings(w, "articles", g.Articles);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("events");
        foreach (var e in s.Events)
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            WriteDate(w, "date", e.Date);
            w.WriteString("title", e.Title);
            WriteStrings(w, "articles", e.Articles);
            if (e.TitleCitation is { } tc) { w.WritePropertyName("title_citation"); WriteCitation(w, tc); }
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("timeline");
        foreach (var t in s.Timeline)
        {
            w.WriteStartObject();
            WriteDate(w, "date", t.Date);
            w.WriteString("text", t.Text);
            WriteCitations(w, "citations", t.Citations);
            w.WriteString("basis", Snake(t.Basis.ToString()));
            w.WriteNumber("article_count", t.Articles);
            w.WriteStartArray("support");
            foreach (var c in t.Support) WriteCited(w, c);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("figures");
        foreach (var f in s.Figures) WriteSeries(w, f);
        w.WriteEndArray();

        w.WriteStartArray("quotes");
        foreach (var q in s.Quotes)
        {
            w.WriteStartObject();
            w.WriteString("speaker", q.Speaker);
            w.WriteString("text", q.Text);
            w.WriteString("article", q.Article);
            w.WriteString("outlet", q.Outlet);
            w.WriteString("kind", Snake(q.Kind.ToString()));
            w.WritePropertyName("citation");
            WriteCitation(w, q.Citation);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("speakers");
        foreach (var sp in s.Speakers)
        {
            w.WriteStartObject();
            w.WriteString("speaker", sp.Speaker);
            w.WriteNumber("quotes", sp.Quotes);
            WriteStrings(w, "articles", sp.Articles);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("wording");
        foreach (var row in s.Wording)
        {
            w.WriteStartObject();
            w.WriteString("concept", row.Concept);
            w.WriteString("target", row.Target);
            w.WriteStartArray("outlets");
            foreach (var o in row.Outlets)
            {
                w.WriteStartObject();
                w.WriteString("outlet", o.Outlet);
                w.WriteStartArray("terms");
                foreach (var t in o.Terms)
                {
                    w.WriteStartObject();
                    w.WriteString("term", t.Term);
                    w.WriteNumber("count", t.Count);
                    w.WriteStartArray("citations");
                    foreach (var c in t.Citations) WriteCited(w, c);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("attribution");
        foreach (var a in s.Attribution)
        {
            w.WriteStartObject();
            w.WriteString("outlet", a.Outlet);
            w.WriteNumber("attributed", a.Attributed);
            w.WriteNumber("stated_as_fact", a.StatedAsFact);
            w.WriteStartArray("attributed_examples");
            foreach (var c in a.AttributedExamples) WriteCited(w, c);
            w.WriteEndArray();
            w.WriteStartArray("fact_examples");
            foreach (var c in a.FactExamples) WriteCited(w, c);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("summary");
        foreach (var sum in s.Summary)
        {
            w.WriteStartObject();
            w.WriteString("text", sum.Text);
            WriteCitations(w, "citations", sum.Citations);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSeries(Utf8JsonWriter w, FigureSeries f)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteString("measure", Label(f));
        w.WriteString("measure_word", f.Measure);
        w.WriteString("subject", f.Subject);
        w.WriteString("unit", f.Unit);
        WriteDate(w, "event_date", f.EventDate);
        w.WriteString("assessment", Snake(f.Assessment.ToString()));
        w.WriteString("note", f.Note);
        w.WriteStartArray("points");
        foreach (var p in f.Points)
        {
            w.WriteStartObject();
            w.WriteNumber("value", p.Value);
            if (p.ValueHigh is { } hi) w.WriteNumber("value_high", hi);
            w.WriteString("qualifier", Snake(p.Qualifier.ToString()));
            w.WriteString("as_of", p.AsOf);
            w.WriteString("article", p.Article);
            w.WriteString("outlet", p.Outlet);
            w.WriteString("source", p.Source);
            w.WriteString("text", p.Text);
            w.WritePropertyName("citation");
            WriteCitation(w, p.Citation);
            w.WriteString("sentence", p.Sentence);
            w.WritePropertyName("sentence_citation");
            WriteCitation(w, p.SentenceCitation);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("sides");
        foreach (var side in f.Sides)
        {
            w.WriteStartObject();
            w.WriteNumber("value", side.Value);
            w.WriteString("qualifier", Snake(side.Qualifier.ToString()));
            WriteStrings(w, "outlets", side.Outlets);
            WriteStrings(w, "articles", side.Articles);
            WriteStrings(w, "sources", side.Sources);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>"killed: Palestinians in Gaza", "killed: October 7 attack (2023-10-07)".</summary>
    public static string Label(FigureSeries f)
    {
        string label = f.Subject is { Length: > 0 } s ? f.Measure + ": " + s : f.Measure;
        if (f.EventDate is { } d && !label.Contains(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal))
            label += " (" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")";
        return label;
    }

    private static void WriteCited(Utf8JsonWriter w, CitedSentence c)
    {
        w.WriteStartObject();
        w.WriteString("text", c.Text);
        w.WriteString("article", c.Citation.Article);
        w.WriteNumber("start", c.Citation.Start);
        w.WriteNumber("end", c.Citation.End);
        w.WriteEndObject();
    }

    private static void WriteCitations(Utf8JsonWriter w, string name, IReadOnlyList<Citation> cites)
    {
        w.WriteStartArray(name);
        foreach (var c in cites) WriteCitation(w, c);
        w.WriteEndArray();
    }

    private static void WriteCitation(Utf8JsonWriter w, Citation c)
    {
        w.WriteStartObject();
        w.WriteString("article", c.Article);
        w.WriteNumber("start", c.Start);
        w.WriteNumber("end", c.End);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? d)
    {
        if (d is { } v) w.WriteString(name, v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else w.WriteNull(name);
    }

    /// <summary>PascalCase enum names to snake_case ("MoreThan" → "more_than").</summary>
    public static string Snake(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && !char.IsUpper(name[i - 1])) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
