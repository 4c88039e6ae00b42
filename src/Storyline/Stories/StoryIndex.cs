using Storyline.Documents;

namespace Storyline.Stories;

/// <summary>A story thread being built: its articles, centre, date range and events.</summary>
internal sealed class StoryCluster(int id, int keep)
{
    public int Id { get; } = id;

    public List<DocumentProfile> Members { get; } = [];

    public Centroid Centre { get; } = new(keep);

    public List<EventCluster> Events { get; } = [];

    /// <summary>The index keys this story is posted under (each once).</summary>
    public HashSet<int> Keys { get; } = [];

    public DateOnly? First { get; private set; }

    public DateOnly? Last { get; private set; }

    public void Add(DocumentProfile p)
    {
        Members.Add(p);
        Centre.Add(p.Vector);
        if (p.Published is { } d)
        {
            if (First is null || d < First) First = d;
            if (Last is null || d > Last) Last = d;
        }
    }

    /// <summary>Days between a date and the story's date range (0 inside it); 0 when either is undated.</summary>
    public int Gap(DateOnly? date)
    {
        if (date is not { } d || First is not { } f || Last is not { } l) return 0;
        if (d < f) return f.DayNumber - d.DayNumber;
        if (d > l) return d.DayNumber - l.DayNumber;
        return 0;
    }
}

/// <summary>Articles about one happening.</summary>
internal sealed class EventCluster(int id, int keep)
{
    public int Id { get; } = id;

    public List<DocumentProfile> Members { get; } = [];

    public Centroid Centre { get; } = new(keep);

    public DateOnly? Date { get; private set; }

    public void Add(DocumentProfile p)
    {
        Members.Add(p);
        Centre.Add(p.Vector);
        if (p.EventDate is { } d && (Date is null || d < Date)) Date = d;
    }
}

/// <summary>
/// Builds stories incrementally. Each added article is compared only with the stories that share one of its
/// index keys (its rarest names and terms) and lie within the time window, never with all stories, so the
/// cost grows close to linearly with the number of articles. Near-duplicates join their original's event.
/// Stories are thread-level (months apart allowed); events inside a story are day-level.
/// </summary>
public sealed class StoryIndex
{
    private readonly StoryOptions _options;
    private readonly Vocabulary _vocab = new();
    private readonly NearDuplicateIndex _copies;
    private readonly List<DocumentProfile> _profiles = [];
    private readonly List<StoryCluster> _stories = [];
    private readonly Dictionary<int, List<int>> _postings = [];
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);

    public StoryIndex(StoryOptions? options = null)
    {
        _options = options ?? StoryOptions.Default;
        _copies = new NearDuplicateIndex(_options.ShingleWords, _options.NearDuplicateJaccard);
    }

    public int Count => _profiles.Count;

    public int StoryCount => _stories.Count;

    internal StoryOptions Options => _options;

    internal Vocabulary Vocabulary => _vocab;

    internal IReadOnlyList<DocumentProfile> Profiles => _profiles;

    internal IReadOnlyList<StoryCluster> Stories => _stories;

    internal NearDuplicateIndex Copies => _copies;

    /// <summary>Adds an article, placing it in a story and an event. A repeated id replaces nothing and is ignored.</summary>
    /// <returns>False when the id was already present.</returns>
    public bool Add(AnnotatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!_byId.TryAdd(document.Article.Id, _profiles.Count)) return false;
        var p = DocumentProfile.Create(_profiles.Count, document, _vocab, _options);
        _profiles.Add(p);
        int copyOf = _copies.Add(p.Doc.Text);
        p.CopyOf = _copies.Group(p.Index);

        StoryCluster? story = null;
        if (copyOf >= 0)
            story = _stories[_profiles[copyOf].StoryId];
        else
        {
            double best = _options.StoryThreshold;
            foreach (int sid in Candidates(p))
            {
                var s = _stories[sid];
                if (s.Gap(p.Published) > _options.StoryWindowDays) continue;
                double sim = s.Centre.Cosine(p.Vector);
                if (sim >= best) { best = sim; story = s; }
            }
        }
        if (story is null)
        {
            story = new StoryCluster(_stories.Count, _options.TermsPerCentroid);
            _stories.Add(story);
        }
        story.Add(p);
        p.StoryId = story.Id;
        foreach (int k in p.Keys)
        {
            if (!_postings.TryGetValue(k, out var list)) _postings[k] = list = [];
            if (story.Keys.Add(k)) list.Add(story.Id);
        }

        EventCluster? ev = null;
        if (copyOf >= 0 && _profiles[copyOf].StoryId == story.Id)
            ev = story.Events[_profiles[copyOf].EventId];
        else
        {
            double best = _options.EventThreshold;
            foreach (var e in story.Events)
            {
                if (!Near(e.Date, p.EventDate, _options.EventWindowDays)) continue;
                double sim = e.Centre.Cosine(p.Vector);
                if (sim >= best) { best = sim; ev = e; }
            }
        }
        if (ev is null)
        {
            ev = new EventCluster(story.Events.Count, _options.TermsPerCentroid);
            story.Events.Add(ev);
        }
        ev.Add(p);
        p.EventId = ev.Id;
        return true;
    }

    public void AddRange(IEnumerable<AnnotatedDocument> documents)
    {
        foreach (var d in documents) Add(d);
    }

    private static bool Near(DateOnly? a, DateOnly? b, int days)
    {
        if (a is null || b is null) return a is null && b is null;
        return Math.Abs(a.Value.DayNumber - b.Value.DayNumber) <= days;
    }

    /// <summary>
    /// Stories that hold one of the article's terms among their index keys. Stories are indexed by their
    /// articles' rarest terms, but looked up with every term of the new article's vector, so two articles
    /// meet when either one's distinctive terms appear in the other. Keys held by too many stories are
    /// skipped as common.
    /// </summary>
    private List<int> Candidates(DocumentProfile p)
    {
        var hits = new Dictionary<int, int>();
        foreach (int k in p.Vector.Ids)
        {
            if (!_postings.TryGetValue(k, out var list) || list.Count > _options.MaxPostings) continue;
            foreach (int sid in list)
            {
                hits.TryGetValue(sid, out int h);
                hits[sid] = h + 1;
            }
        }
        var result = new List<int>(hits.Keys);
        // Only the stories sharing most keys are compared in full: the cost per article stays bounded
        // however many stories share a few of its words.
        if (result.Count > _options.MaxCandidates)
        {
            result.Sort((a, b) => hits[b] != hits[a] ? hits[b].CompareTo(hits[a]) : a.CompareTo(b));
            result.RemoveRange(_options.MaxCandidates, result.Count - _options.MaxCandidates);
        }
        return result;
    }

    /// <summary>The article ids of each story, for inspection and tests.</summary>
    public IReadOnlyList<IReadOnlyList<string>> StoryArticles()
    {
        var result = new List<IReadOnlyList<string>>(_stories.Count);
        foreach (var s in _stories)
        {
            var ids = new List<string>(s.Members.Count);
            foreach (var m in s.Members) ids.Add(m.Id);
            result.Add(ids);
        }
        return result;
    }
}
