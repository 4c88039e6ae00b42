using Storyline.Documents;

namespace Storyline.Stories;

/// <summary>
/// From annotated articles to the report: stories and their events, timeline, figure ledger, quotes by
/// speaker, wording across outlets and a cited summary. Articles are added to a <see cref="StoryIndex"/> in
/// date order; <see cref="Report(StoryIndex)"/> turns an index (possibly grown over time) into a report.
/// </summary>
public sealed class StoryAnalyzer(StoryOptions? options = null)
{
    private readonly StoryOptions _options = options ?? StoryOptions.Default;

    public StoryOptions Options => _options;

    public AnalysisReport Analyze(IReadOnlyList<AnnotatedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var ordered = new List<AnnotatedDocument>(documents.Count);
        foreach (var d in documents) if (d is not null) ordered.Add(d);
        ordered.Sort(static (a, b) =>
        {
            var da = a.Article.Published ?? a.ReferenceDate;
            var db = b.Article.Published ?? b.ReferenceDate;
            if (da is null != db is null) return da is null ? 1 : -1;
            int c = Nullable.Compare(da, db);
            return c != 0 ? c : string.CompareOrdinal(a.Article.Id, b.Article.Id);
        });
        var index = new StoryIndex(_options);
        index.AddRange(ordered);
        return Report(index, documents);
    }

    /// <summary>The report for everything an index holds.</summary>
    public AnalysisReport Report(StoryIndex index) => Report(index, null);

    private AnalysisReport Report(StoryIndex index, IReadOnlyList<AnnotatedDocument>? inputOrder)
    {
        var articles = new List<ReportArticle>(index.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<AnnotatedDocument> docs = inputOrder ?? index.Profiles.Select(p => p.Doc);
        foreach (var d in docs)
        {
            if (d is null || !seen.Add(d.Article.Id)) continue;
            var a = d.Article;
            articles.Add(new ReportArticle(a.Id, a.Source, a.Url, a.Title, a.Published ?? d.ReferenceDate, a.Outlet, a.Text, a.Removed, a.Flags)
            {
                PublishedFrom = a.PublishedFrom,
            });
        }

        var clusters = index.Stories.ToList();
        // Biggest stories first, then the earliest.
        clusters.Sort((a, b) =>
        {
            int c = b.Members.Count.CompareTo(a.Members.Count);
            if (c != 0) return c;
            c = Nullable.Compare(a.First, b.First);
            return c != 0 ? c : a.Id.CompareTo(b.Id);
        });
        var stories = new List<Story>(clusters.Count);
        int n = 0;
        foreach (var cluster in clusters)
            stories.Add(BuildStory(cluster, index, "s" + (++n)));
        return new AnalysisReport(articles, stories);
    }

    private Story BuildStory(StoryCluster cluster, StoryIndex index, string id)
    {
        var ctx = new StoryContext(cluster, index.Vocabulary, _options);
        var events = BuildEvents(ctx, id);
        return new Story
        {
            Id = id,
            Title = Titles.ForStory(ctx),
            Articles = ctx.Members.Select(m => m.Id).ToList(),
            Syndication = BuildSyndication(ctx, index, id),
            Events = events,
            Timeline = TimelineBuilder.Build(ctx, events),
            Figures = FigureLedger.Build(ctx),
            Quotes = BuildQuotes(ctx, out var speakers),
            Speakers = speakers,
            Wording = Wording.Build(ctx, _options.WordingFamilies),
            Attribution = Wording.Attribution(ctx, _options.WordingFamilies),
            Summary = StorySummarizer.Summarize(ctx),
        };
    }

    private static IReadOnlyList<StoryEvent> BuildEvents(StoryContext ctx, string storyId)
    {
        var events = ctx.Cluster.Events.ToList();
        events.Sort((a, b) =>
        {
            int c = Nullable.Compare(a.Date, b.Date);
            return c != 0 ? c : a.Id.CompareTo(b.Id);
        });
        var result = new List<StoryEvent>(events.Count);
        int n = 0;
        foreach (var e in events)
        {
            var members = e.Members.OrderBy(m => m.Published).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
            var (title, cite) = Titles.ForEvent(ctx, members, e.Centre);
            result.Add(new StoryEvent(storyId + "-e" + (++n), e.Date, title, members.Select(m => m.Id).ToList())
            {
                TitleCitation = cite,
            });
        }
        return result;
    }

    private static IReadOnlyList<SyndicationGroup> BuildSyndication(StoryContext ctx, StoryIndex index, string storyId)
    {
        var groups = new Dictionary<int, List<DocumentProfile>>();
        var order = new List<int>();
        foreach (var m in ctx.Members)
        {
            int g = index.Copies.Group(m.Index);
            if (!groups.TryGetValue(g, out var list)) { groups[g] = list = []; order.Add(g); }
            list.Add(m);
        }
        var result = new List<SyndicationGroup>(groups.Count);
        int n = 0;
        foreach (int g in order)
        {
            var list = groups[g];
            var rep = list.OrderBy(m => m.Published).ThenByDescending(m => m.WordCount).ThenBy(m => m.Id, StringComparer.Ordinal).First();
            result.Add(new SyndicationGroup(storyId + "-r" + (++n), rep.Id, list.Select(m => m.Id).ToList()));
        }
        return result;
    }

    private static IReadOnlyList<StoryQuote> BuildQuotes(StoryContext ctx, out IReadOnlyList<SpeakerSummary> speakers)
    {
        var all = new List<StoryQuote>();
        var seen = new HashSet<(string?, string)>();
        foreach (var p in ctx.Members)
        {
            foreach (var q in p.Doc.Quotes)
            {
                if (q.Span.IsEmpty || q.Span.Start < 0 || q.Span.End > p.Doc.Text.Length) continue;
                string text = q.Span.Of(p.Doc.Text);
                // A copy of the same quote in a syndicated article adds nothing.
                if (!seen.Add((q.Speaker, text))) continue;
                all.Add(new StoryQuote(q.Speaker, text, p.Id, p.Doc.Article.Outlet, q.Kind, new Citation(p.Id, q.Span.Start, q.Span.End)));
            }
        }
        var groups = all.GroupBy(q => q.Speaker ?? "", StringComparer.Ordinal)
            .OrderBy(g => g.Key.Length == 0 ? 1 : 0)
            .ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        speakers = groups.Where(g => g.Key.Length > 0)
            .Select(g => new SpeakerSummary(g.Key, g.Count(), g.Select(q => q.Article).Distinct(StringComparer.Ordinal).ToList()))
            .ToList();
        return groups.SelectMany(g => g).ToList();
    }
}
