using System.Text.Json;

namespace Storyline.Sources;

/// <summary>One <c>--meta</c> record: what a user knows about a file the file itself may not say.</summary>
public sealed record MetaRecord(string File, string? Url, string? Title, string? Outlet, DateOnly? Published, DateTimeOffset? PublishedTime);

/// <summary>
/// Sidecar metadata (<c>--meta FILE.jsonl</c>): records <c>{"file", "published", "outlet", "url", "title"}</c>,
/// where <c>file</c> is relative to the meta file. Inputs match by full path, else by file name.
/// </summary>
public sealed class MetaSidecar
{
    private readonly Dictionary<string, MetaRecord> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MetaRecord?> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MetaRecord?> _byId = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Problems { get; }

    public int Count => _byPath.Count;

    private MetaSidecar(List<string> problems) => Problems = problems;

    public static MetaSidecar Load(string metaPath)
    {
        var problems = new List<string>();
        var sidecar = new MetaSidecar(problems);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(metaPath)) ?? ".";
        int lineNo = 0;
        foreach (var line in File.ReadLines(metaPath))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object) { problems.Add($"line {lineNo}: not a JSON object"); continue; }
                var file = Str(root, "file");
                if (file is null) { problems.Add($"line {lineNo}: no \"file\" field"); continue; }
                DateOnly? published = null;
                DateTimeOffset? time = null;
                var p = Str(root, "published");
                if (p is not null)
                {
                    if (DateParsing.TryParse(p, out var d, out var t)) { published = d; time = t; }
                    else problems.Add($"line {lineNo}: unreadable date \"{p}\"");
                }
                var rec = new MetaRecord(file, Str(root, "url"), Str(root, "title"), Str(root, "outlet"), published, time);
                var full = Path.GetFullPath(Path.Combine(baseDir, file));
                sidecar._byPath[full] = rec;
                var name = Path.GetFileName(full);
                sidecar._byName[name] = sidecar._byName.ContainsKey(name) ? null : rec; // ambiguous names match nothing
                var id = ArticleIds.FromFileName(full);
                sidecar._byId[id] = sidecar._byId.ContainsKey(id) ? null : rec;
            }
            catch (JsonException e)
            {
                problems.Add($"line {lineNo}: invalid JSON ({e.Message.Split('.')[0]})");
            }
        }
        return sidecar;
    }

    /// <summary>The record for an input file, or null.</summary>
    public MetaRecord? For(string path)
    {
        var full = Path.GetFullPath(path);
        if (_byPath.TryGetValue(full, out var rec)) return rec;
        if (_byName.TryGetValue(Path.GetFileName(full), out var byName) && byName is not null) return byName;
        return null;
    }

    /// <summary>The record for an article id (JSONL records and other inputs without a file of their own).</summary>
    public MetaRecord? ForId(string id) => _byId.TryGetValue(id, out var rec) ? rec : null;

    /// <summary>Fills what the document does not say from the sidecar; the user's values win.</summary>
    public RawDocument Apply(RawDocument doc, MetaRecord? rec)
    {
        if (rec is null) return doc;
        return doc with
        {
            Url = rec.Url ?? doc.Url,
            Title = rec.Title ?? doc.Title,
            Outlet = rec.Outlet ?? doc.Outlet,
            Published = rec.Published ?? doc.Published,
            PublishedTime = rec.Published is not null ? rec.PublishedTime : doc.PublishedTime,
        };
    }

    internal static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()
            : null;
}
