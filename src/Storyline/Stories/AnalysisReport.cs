using Storyline.Documents;

namespace Storyline.Stories;

/// <summary>
/// The whole report for a set of articles: the articles as read, and the stories assembled from them.
/// Every claim in a story cites the article text it rests on (<see cref="Citation"/>).
/// </summary>
public sealed record AnalysisReport(IReadOnlyList<ReportArticle> Articles, IReadOnlyList<Story> Stories)
{
    public static AnalysisReport Empty { get; } = new([], []);
}

/// <summary>An article as it enters the report (body text after boilerplate removal).</summary>
public sealed record ReportArticle(
    string Id,
    string Source,
    string? Url,
    string? Title,
    DateOnly? Published,
    string? Outlet,
    string Text,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Flags)
{
    /// <summary>How the publication date was found (supplied, dateline, estimated, ...).</summary>
    public Provenance PublishedFrom { get; init; }

    /// <summary>The outlet name, or a stand-in naming the article when the outlet is unknown.</summary>
    public string OutletLabel => string.IsNullOrWhiteSpace(Outlet) ? "unknown outlet (" + Id + ")" : Outlet!;
}

/// <summary>A span of an article's text, UTF-16 offsets, end exclusive. Reading it back gives the text shown.</summary>
public sealed record Citation(string Article, int Start, int End);

/// <summary>A developing story: articles about related happenings, grouped into events, across months.</summary>
public sealed record Story
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>Article ids, oldest first.</summary>
    public required IReadOnlyList<string> Articles { get; init; }

    /// <summary>Groups of near-duplicate articles (wire copies and light rewrites); singletons included.</summary>
    public IReadOnlyList<SyndicationGroup> Syndication { get; init; } = [];

    /// <summary>"9 articles, 3 independent reports".</summary>
    public string Coverage => Articles.Count + (Articles.Count == 1 ? " article, " : " articles, ") +
                              Syndication.Count + (Syndication.Count == 1 ? " independent report" : " independent reports");

    public IReadOnlyList<StoryEvent> Events { get; init; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    public IReadOnlyList<FigureSeries> Figures { get; init; } = [];

    /// <summary>Quotes ordered by speaker (most quoted first), then by article date.</summary>
    public IReadOnlyList<StoryQuote> Quotes { get; init; } = [];

    public IReadOnlyList<SpeakerSummary> Speakers { get; init; } = [];

    public IReadOnlyList<WordingRow> Wording { get; init; } = [];

    public IReadOnlyList<OutletAttribution> Attribution { get; init; } = [];

    public IReadOnlyList<SummarySentence> Summary { get; init; } = [];
}

/// <summary>Near-duplicate articles: one independent report and its copies.</summary>
/// <param name="Representative">The member shown for the group (the earliest, then the longest).</param>
public sealed record SyndicationGroup(string Id, string Representative, IReadOnlyList<string> Articles);

/// <summary>Articles about the same happening.</summary>
/// <param name="Date">When it happened: a date named in the lead, else the earliest publication date.</param>
public sealed record StoryEvent(string Id, DateOnly? Date, string Title, IReadOnlyList<string> Articles)
{
    /// <summary>The span the title was taken from, when it is a sentence of an article.</summary>
    public Citation? TitleCitation { get; init; }
}

/// <summary>How a timeline entry's date was found.</summary>
public enum TimelineBasis
{
    /// <summary>A time expression in the text resolves to the date.</summary>
    Mentioned,
    /// <summary>The date of an event the articles report (publication or lead date).</summary>
    Reported,
}

/// <summary>A dated line of the timeline: a sentence from the articles and where it stands.</summary>
/// <param name="Citations">Every place the sentence shown stands (copies included); each reads back as <paramref name="Text"/>.</param>
/// <param name="Support">Other sentences that mention the same date.</param>
public sealed record TimelineEntry(
    DateOnly Date,
    string Text,
    IReadOnlyList<Citation> Citations,
    TimelineBasis Basis,
    IReadOnlyList<CitedSentence> Support)
{
    /// <summary>How many distinct articles mention or report this date.</summary>
    public int Articles { get; init; }
}

/// <summary>A sentence and the span it was read from.</summary>
public sealed record CitedSentence(string Text, Citation Citation);

public enum SeriesAssessment
{
    /// <summary>A running count that grows with the as-of date.</summary>
    Trend,
    /// <summary>The sources agree (within the stated qualifiers).</summary>
    Agreement,
    /// <summary>One thing counted differently by different sources.</summary>
    Discrepancy,
}

/// <summary>Figures about the same thing, from different phrasings and sources.</summary>
/// <param name="Measure">What is counted and where ("killed in Gaza").</param>
/// <param name="EventDate">For counts of one past event (an attack's toll), the event's date.</param>
public sealed record FigureSeries(
    string Id,
    string Measure,
    string? Subject,
    string? Unit,
    DateOnly? EventDate,
    SeriesAssessment Assessment,
    string Note,
    IReadOnlyList<FigurePoint> Points)
{
    /// <summary>For a discrepancy: each distinct value and who gives it.</summary>
    public IReadOnlyList<FigureSide> Sides { get; init; } = [];
}

/// <summary>One reported figure in a series.</summary>
/// <param name="AsOf">The date the figure holds for (TIMEX3 date), or the article's date.</param>
/// <param name="Text">The figure as written; <paramref name="Citation"/> reads back as it.</param>
/// <param name="Sentence">The sentence it stands in; <paramref name="SentenceCitation"/> reads back as it.</param>
public sealed record FigurePoint(
    double Value,
    double? ValueHigh,
    Qualifier Qualifier,
    string? AsOf,
    string Article,
    string? Outlet,
    string? Source,
    string Text,
    Citation Citation,
    string Sentence,
    Citation SentenceCitation);

/// <summary>One side of a discrepancy: a value and the sources giving it.</summary>
public sealed record FigureSide(double Value, Qualifier Qualifier, IReadOnlyList<string> Outlets, IReadOnlyList<string> Articles, IReadOnlyList<string> Sources);

/// <summary>A quote in a story.</summary>
public sealed record StoryQuote(string? Speaker, string Text, string Article, string? Outlet, QuoteKind Kind, Citation Citation);

/// <summary>A speaker and how often the story quotes them.</summary>
public sealed record SpeakerSummary(string Speaker, int Quotes, IReadOnlyList<string> Articles);

/// <summary>The words outlets use for one actor or event, side by side.</summary>
/// <param name="Concept">What the words name ("the attack", "the armed group's members").</param>
/// <param name="Target">The actor or event they are anchored to (a name or a date), or null.</param>
public sealed record WordingRow(string Concept, string? Target, IReadOnlyList<OutletWording> Outlets);

public sealed record OutletWording(string Outlet, IReadOnlyList<TermUse> Terms);

/// <summary>One word as one outlet uses it, with where.</summary>
public sealed record TermUse(string Term, int Count, IReadOnlyList<CitedSentence> Citations);

/// <summary>For one outlet: how many claims (figures, loaded words) it attributes to someone and how many it states as fact.</summary>
public sealed record OutletAttribution(string Outlet, int Attributed, int StatedAsFact, IReadOnlyList<CitedSentence> AttributedExamples, IReadOnlyList<CitedSentence> FactExamples);

/// <summary>A summary sentence: an article sentence as written, with where it stands.</summary>
public sealed record SummarySentence(string Text, IReadOnlyList<Citation> Citations);
