using System.Globalization;
using System.Text.Json;
using Storyline.Stories;

namespace Storyline.Reports;

/// <summary>
/// Writes a summarised timeline as the JSON of the <c>timeline</c> contract:
/// <c>[{"date": "YYYY-MM-DD", "sentences": ["...", ...]}]</c>, dates in the order given.
/// One writer for every caller, so the command and the benchmark harness cannot drift apart.
/// </summary>
public static class TimelineJson
{
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<TimelineDay> timeline)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(timeline);
        writer.WriteStartArray();
        foreach (var day in timeline)
        {
            writer.WriteStartObject();
            writer.WriteString("date", day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteStartArray("sentences");
            foreach (var s in day.Sentences) writer.WriteStringValue(s);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.Flush();
    }
}
