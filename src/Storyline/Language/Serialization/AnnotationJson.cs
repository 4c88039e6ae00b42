using System.Globalization;
using System.Text.Json;
using Storyline.Documents;

namespace Storyline.Language;

/// <summary>
/// Writes one annotated document in the <c>annotate</c> output contract: id, text, published and the
/// entities, quotes, figures and times layers with their documented field names.
/// </summary>
public static class AnnotationJson
{
    public static void Write(Utf8JsonWriter w, AnnotatedDocument doc)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(doc);
        var a = doc.Article;
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("text", doc.Text);
        var published = a.Published ?? doc.ReferenceDate;
        if (published is { } p) w.WriteString("published", p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else w.WriteNull("published");
        if (a.Flags.Count > 0)
        {
            w.WriteStartArray("flags");
            foreach (var f in a.Flags) w.WriteStringValue(f);
            w.WriteEndArray();
        }

        w.WriteStartArray("entities");
        foreach (var e in doc.Entities)
        {
            w.WriteStartObject();
            w.WriteNumber("start", e.Span.Start);
            w.WriteNumber("end", e.Span.End);
            w.WriteString("text", e.Text);
            w.WriteString("type", e.Type.ToString());
            w.WriteString("canonical", e.Canonical);
            if (e.Role is not null) w.WriteString("role", e.Role);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("quotes");
        foreach (var q in doc.Quotes)
        {
            w.WriteStartObject();
            w.WriteNumber("start", q.Span.Start);
            w.WriteNumber("end", q.Span.End);
            w.WriteString("text", q.Text);
            WriteNullable(w, "speaker", q.Speaker);
            if (q.SpeakerSpan is { } ss)
            {
                w.WriteNumber("speaker_start", ss.Start);
                w.WriteNumber("speaker_end", ss.End);
            }
            else
            {
                w.WriteNull("speaker_start");
                w.WriteNull("speaker_end");
            }
            w.WriteString("kind", KindName(q.Kind));
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("figures");
        foreach (var f in doc.Figures)
        {
            w.WriteStartObject();
            w.WriteNumber("start", f.Span.Start);
            w.WriteNumber("end", f.Span.End);
            w.WriteString("text", f.Text);
            w.WriteNumber("value", f.Value);
            if (f.ValueHigh is { } hi) w.WriteNumber("value_max", hi);
            w.WriteString("qualifier", QualifierName(f.Qualifier));
            WriteNullable(w, "unit", f.Unit);
            WriteNullable(w, "measure", f.Measure);
            WriteNullable(w, "subject", f.Subject);
            WriteNullable(w, "source", f.Source);
            if (f.AsOf is not null) w.WriteString("as_of", f.AsOf);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("times");
        foreach (var t in doc.Times)
        {
            w.WriteStartObject();
            w.WriteNumber("start", t.Span.Start);
            w.WriteNumber("end", t.Span.End);
            w.WriteString("text", t.Text);
            w.WriteString("type", t.Type.ToString());
            w.WriteString("value", t.Value);
            // a stretch anchored in the calendar ("the next three days"): its first and last day (TimeML's
            // beginPoint and endPoint)
            if (t.Begin is { } begin) w.WriteString("begin_point", begin);
            if (t.End is { } endPoint) w.WriteString("end_point", endPoint);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The contract's qualifier strings.</summary>
    public static string QualifierName(Qualifier q) => q switch
    {
        Qualifier.About => "about",
        Qualifier.MoreThan => "more_than",
        Qualifier.LessThan => "less_than",
        Qualifier.AtLeast => "at_least",
        Qualifier.UpTo => "up_to",
        Qualifier.Nearly => "nearly",
        _ => "exact",
    };

    public static string KindName(QuoteKind k) => k switch
    {
        QuoteKind.Partial => "partial",
        QuoteKind.Indirect => "indirect",
        _ => "direct",
    };

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
