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

    /// <summary>False once the story has been merged into another one.</summary>
    public bool Alive { get; set; } = true;

    /// <summary>Members when the story was last checked for merging: checks repeat as it grows, not on every article.</summary>
    public int CheckedAt { get; set; }

    /// <summary>How many members use each name.</summary>
    public Dictionary<int, int> NameCounts { get; } = [];

    /// <summary>
    /// The story's own names, most used first: those at least <paramref name="share"/> of its articles use
    /// and that are at least <paramref name="lift"/> times as common here as in the whole collection.
    /// </summary>
    public List<int> DistinctiveNames(Vocabulary vocab, double share, double lift, int count)
    {
        var result = new List<(int Name, int Count)>();
        double docs = Math.Max(1, vocab.Documents);
        foreach (var (n, c) in NameCounts)
        {
            double s = c / (double)Members.Count;
            if (s >= share && s >= lift * vocab.DocumentFrequency(n) / docs) result.Add((n, c));
        }
        result.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Name.CompareTo(b.Name));
        var names = new List<int>(Math.Min(count, result.Count));
        for (int i = 0; i < result.Count && i < count; i++) names.Add(result[i].Name);
        return names;
    }

    public void Add(DocumentProfile p)
    {
        Members.Add(p);
        Centre.Add(p.Vector);
        Extend(p.Published);
        foreach (int n in p.Names) NameCounts[n] = NameCounts.GetValueOrDefault(n) + 1;
    }

    /// <summary>Takes over another story's articles, centre and date range (its events are moved by the index).</summary>
    public void Absorb(StoryCluster other)
    {
        Members.AddRange(other.Members);
        Centre.Absorb(other.Centre);
        foreach (var (n, c) in other.NameCounts) NameCounts[n] = NameCounts.GetValueOrDefault(n) + c;
        Extend(other.First);
        Extend(other.Last);
    }

    private void Extend(DateOnly? date)
    {
        if (date is not { } d) return;
        if (First is null || d < First) First = d;
        if (Last is null || d > Last) Last = d;
    }

    /// <summary>Days between a date and the story's date range (0 inside it); 0 when either is undated.</summary>
    public int Gap(DateOnly? date)
    {
        if (date is not { } d || First is not { } f || Last is not { } l) return 0;
        if (d < f) return f.DayNumber - d.DayNumber;
        if (d > l) return d.DayNumber - l.DayNumber;
        return 0;
    }

    /// <summary>Days between two stories' date ranges (0 when they overlap or either is undated).</summary>
    public int Gap(StoryCluster other)
    {
        if (First is not { } f1 || Last is not { } l1 || other.First is not { } f2 || other.Last is not { } l2) return 0;
        int start = Math.Max(f1.DayNumber, f2.DayNumber), end = Math.Min(l1.DayNumber, l2.DayNumber);
        return Math.Max(0, start - end);
    }
}

/// <summary>Articles about one happening.</summary>
internal sealed class EventCluster(int id, int keep)
{
    public int Id { get; set; } = id;

    public List<DocumentProfile> Members { get; } = [];

    public Centroid Centre { get; } = new(keep);

    public DateOnly? Date { get; private set; }

    public void Add(DocumentProfile p)
    {
        Members.Add(p);
        Centre.Add(p.Vector);
        if (p.EventDate is { } d && (Date is null || d < Date)) Date = d;
    }

    public void Absorb(EventCluster other)
    {
        Members.AddRange(other.Members);
        Centre.Absorb(other.Centre);
        if (other.Date is { } d && (Date is null || d < Date)) Date = d;
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
    private int _alive;

    public StoryIndex(StoryOptions? options = null)
    {
        _options = options ?? StoryOptions.Default;
        _copies = new NearDuplicateIndex(_options.ShingleWords, _options.NearDuplicateJaccard);
    }

    public int Count => _profiles.Count;

    /// <summary>Stories now held (merged stories count once).</summary>
    public int StoryCount => _alive;

    internal StoryOptions Options => _options;

    internal Vocabulary Vocabulary => _vocab;

    internal IReadOnlyList<DocumentProfile> Profiles => _profiles;

    /// <summary>The live stories, oldest first.</summary>
    internal IEnumerable<StoryCluster> Stories
    {
        get
        {
            foreach (var s in _stories)
                if (s.Alive) yield return s;
        }
    }

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
            // Stories the article's words fit outrank those it only shares names with.
            double best = 0;
            foreach (int sid in Candidates(p.Vector.Ids))
            {
                var s = _stories[sid];
                double fit = Fit(s, p);
                if (fit > best) { best = fit; story = s; }
            }
        }
        if (story is null)
        {
            story = new StoryCluster(_stories.Count, _options.TermsPerCentroid);
            _stories.Add(story);
            _alive++;
        }
        story.Add(p);
        p.StoryId = story.Id;
        foreach (int k in p.Keys) Post(k, story);

        EventCluster? ev = null;
        if (copyOf >= 0 && _profiles[copyOf].StoryId == story.Id)
            ev = story.Events[_profiles[copyOf].EventId];
        else
            ev = NearestEvent(story, p.EventDate, c => c.Cosine(p.Vector));
        if (ev is null)
        {
            ev = new EventCluster(story.Events.Count, _options.TermsPerCentroid);
            story.Events.Add(ev);
        }
        ev.Add(p);
        p.EventId = ev.Id;

        MergeInto(story);
        return true;
    }

    /// <summary>
    /// How well an article fits a story, 0 when it does not: 1 + cosine when its similarity to the centre
    /// reaches the story threshold; the cosine alone when it falls short of that but the article shares several
    /// of the story's distinctive names (a long thread's centre drifts away from any one article, but the
    /// thread's own people and places stay). A name is distinctive for a story when many of its articles use
    /// it and it is far more common there than in the whole collection. Stories out of the time window never fit.
    /// </summary>
    private double Fit(StoryCluster s, DocumentProfile p)
    {
        if (s.Gap(p.Published) > _options.StoryWindowDays) return 0;
        double sim = s.Centre.Cosine(p.Vector);
        if (sim >= _options.StoryThreshold) return 1 + sim;
        if (sim < _options.NameLinkThreshold || s.Members.Count < _options.NameLinkMinMembers || p.Names.Length < _options.MinSharedNames)
            return 0;
        double docs = Math.Max(1, _vocab.Documents);
        int shared = 0;
        foreach (int n in p.Names)
        {
            if (!s.NameCounts.TryGetValue(n, out int c)) continue;
            double share = c / (double)s.Members.Count;
            if (share >= _options.NameStoryShare && share >= _options.NameLift * _vocab.DocumentFrequency(n) / docs && ++shared >= _options.MinSharedNames)
                return sim;
        }
        return 0;
    }

    /// <summary>
    /// The event of a story an article (or a merged event) belongs to: the most similar one dated within the
    /// event window. Something undated has no day to share, so it joins only an event it is clearly about
    /// (a stricter threshold, any date); otherwise it stands as its own event.
    /// </summary>
    private EventCluster? NearestEvent(StoryCluster story, DateOnly? date, Func<Centroid, double> similarity)
    {
        double best = date is null ? _options.UndatedEventThreshold : _options.EventThreshold;
        EventCluster? result = null;
        foreach (var e in story.Events)
        {
            if (date is { } d && (e.Date is not { } ed || Math.Abs(ed.DayNumber - d.DayNumber) > _options.EventWindowDays)) continue;
            double sim = similarity(e.Centre);
            if (sim >= best) { best = sim; result = e; }
        }
        return result;
    }

    private void Post(int key, StoryCluster story)
    {
        if (!_postings.TryGetValue(key, out var list)) _postings[key] = list = [];
        if (story.Keys.Add(key)) list.Add(story.Id);
    }

    /// <summary>
    /// The second stage of clustering, after the single pass: a story that grew is compared with the stories
    /// its heaviest centre terms find in the index, and merged with the most similar one while the two centres
    /// agree strongly and their date ranges lie within the story window; repeated until nothing merges.
    /// Single-pass assignment depends on arrival order and compares one article with a whole centre, which
    /// leaves a long thread split into parallel pieces; comparing centres (agglomerative merging with a
    /// stopping threshold, as in the two-level clustering of Laban and Hearst, "newsLens", 2017, and the
    /// cluster merging of Miranda et al., "Multilingual Clustering of Streaming News", EMNLP 2018) joins
    /// them again. Checks repeat when a story has grown by a share of its size, so the cost per article stays
    /// bounded and the whole stays close to linear.
    /// </summary>
    private void MergeInto(StoryCluster story)
    {
        while (story.Members.Count >= _options.MergeMinMembers &&
               story.Members.Count >= story.CheckedAt + Math.Max(1, (int)(story.CheckedAt * _options.MergeRecheckGrowth)))
        {
            story.CheckedAt = story.Members.Count;
            StoryCluster? best = null;
            double bestSim = _options.MergeThreshold;
            var lone = new List<StoryCluster>();
            foreach (int sid in Candidates(story.Centre.Top(_options.MergeLookupTerms)))
            {
                var other = _stories[sid];
                if (other == story || !other.Alive) continue;
                if (other.Members.Count < _options.MergeMinMembers)
                {
                    // A second chance for articles that came before the story took shape: an article that fits
                    // the story now joins it, so the outcome depends less on arrival order.
                    if (Fit(story, other.Members[0]) > 0) lone.Add(other);
                    continue;
                }
                if (story.Gap(other) > _options.StoryWindowDays) continue;
                double sim = story.Centre.Cosine(other.Centre);
                if (sim >= bestSim && SharesNames(story, other)) { bestSim = sim; best = other; }
            }
            foreach (var l in lone) story = Merge(story, l);
            if (best is null)
            {
                if (lone.Count == 0) return;
                continue;
            }
            story = Merge(story, best);
            story.CheckedAt = 0;
        }
    }

    /// <summary>
    /// Two stories are one thread only when the larger one's own names (its main people and places) are in
    /// wide use in the smaller one too: neighbouring stories with the same vocabulary (two uprisings, two
    /// trials) stay apart because their protagonists differ. Without names to compare, words alone decide.
    /// </summary>
    private bool SharesNames(StoryCluster a, StoryCluster b)
    {
        var (large, small) = a.Members.Count >= b.Members.Count ? (a, b) : (b, a);
        var names = large.DistinctiveNames(_vocab, _options.NameStoryShare, _options.NameLift, _options.MergeNames);
        if (names.Count == 0) return true;
        int shared = 0;
        foreach (int n in names)
            if (small.NameCounts.GetValueOrDefault(n) >= _options.NameStoryShare * small.Members.Count) shared++;
        return shared >= Math.Min(_options.MergeSharedNames, names.Count);
    }

    /// <summary>Merges the smaller story into the larger one and returns the survivor.</summary>
    private StoryCluster Merge(StoryCluster a, StoryCluster b)
    {
        var (keep, gone) = a.Members.Count > b.Members.Count || (a.Members.Count == b.Members.Count && a.Id < b.Id) ? (a, b) : (b, a);
        keep.Absorb(gone);
        foreach (var m in gone.Members) m.StoryId = keep.Id;
        foreach (var e in gone.Events)
        {
            var target = NearestEvent(keep, e.Date, c => c.Cosine(e.Centre));
            if (target is null)
            {
                e.Id = keep.Events.Count;
                keep.Events.Add(e);
                target = e;
            }
            else target.Absorb(e);
            foreach (var m in e.Members) m.EventId = target.Id;
        }
        foreach (int k in gone.Keys)
        {
            var list = _postings[k];
            list.Remove(gone.Id);
            if (keep.Keys.Add(k)) list.Add(keep.Id);
        }
        gone.Keys.Clear();
        gone.Members.Clear();
        gone.Events.Clear();
        gone.Alive = false;
        _alive--;
        return keep;
    }

    public void AddRange(IEnumerable<AnnotatedDocument> documents)
    {
        foreach (var d in documents) Add(d);
    }

    /// <summary>
    /// Stories that hold one of the article's terms among their index keys. Stories are indexed by their
    /// articles' rarest terms, but looked up with every term of the new article's vector, so two articles
    /// meet when either one's distinctive terms appear in the other. Keys held by too many stories are
    /// skipped as common.
    /// </summary>
    private List<int> Candidates(int[] terms)
    {
        var hits = new Dictionary<int, int>();
        foreach (int k in terms)
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
        foreach (var s in Stories)
        {
            var ids = new List<string>(s.Members.Count);
            foreach (var m in s.Members) ids.Add(m.Id);
            result.Add(ids);
        }
        return result;
    }
}
