using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Storyline.Documents;

namespace Storyline.Cli.Infrastructure;

internal static class Json
{
    /// <summary>Readable non-ASCII text; still valid JSON for any parser.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string? Published(Article a) =>
        a.PublishedTime is { } t ? t.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)
        : a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The same snake_case names the analyze report uses (<c>json_ld</c>, <c>time_element</c>, ...).</summary>
    public static string ProvenanceName(Provenance p) => Storyline.Reports.ReportJson.Snake(p.ToString());

    public static void WriteArticle(Utf8JsonWriter w, Article a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("source", a.Source);
        w.WriteString("url", a.Url);
        w.WriteString("title", a.Title);
        w.WriteString("byline", a.Byline);
        w.WriteString("published", Published(a));
        w.WriteString("published_from", ProvenanceName(a.PublishedFrom));
        w.WriteString("outlet", a.Outlet);
        w.WriteString("language", a.Language);
        if (a.CanonicalUrl is not null) w.WriteString("canonical_url", a.CanonicalUrl);
        if (a.Section is not null) w.WriteString("section", a.Section);
        if (a.Modified is { } m) w.WriteString("modified", m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (a.Dateline is { } d)
        {
            w.WriteStartObject("dateline");
            w.WriteString("text", d.Text);
            w.WriteString("place", d.Place);
            w.WriteString("date", d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        w.WriteString("text", a.Text);
        w.WriteStartArray("flags");
        foreach (var f in a.Flags) w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteStartArray("removed");
        foreach (var r in a.Removed) w.WriteStringValue(r);
        w.WriteEndArray();
        if (a.MetadataSources.Count > 0)
        {
            w.WriteStartObject("metadata_sources");
            foreach (var (k, v) in a.MetadataSources.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                w.WriteString(k, ProvenanceName(v));
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
