namespace Storyline.Stories;

/// <summary>Thresholds of story building. Defaults are tuned on development data of several unrelated topics.</summary>
public sealed record StoryOptions
{
    public static StoryOptions Default { get; } = new();

    /// <summary>Terms kept per article vector (highest tf-idf first): bounds memory and comparison cost.</summary>
    public int TermsPerArticle { get; init; } = 80;

    /// <summary>Terms kept per story or event centroid.</summary>
    public int TermsPerCentroid { get; init; } = 300;

    /// <summary>Weight multiplier for names (entities) over ordinary terms.</summary>
    public float NameBoost { get; init; } = 2f;

    /// <summary>Index keys per article (its rarest names and terms) used to find candidate stories.</summary>
    public int KeysPerArticle { get; init; } = 20;

    /// <summary>Keys shared by more stories than this are too common to find candidates with.</summary>
    public int MaxPostings { get; init; } = 400;

    /// <summary>Candidate stories compared in full per article (those sharing most index keys).</summary>
    public int MaxCandidates { get; init; } = 64;

    /// <summary>Cosine similarity to a story's centroid needed to join it.</summary>
    public double StoryThreshold { get; init; } = 0.18;

    /// <summary>A story is out of reach when its nearest article is further away than this.</summary>
    public int StoryWindowDays { get; init; } = 400;

    /// <summary>An article below the story threshold still joins a story it shares this many distinctive names with...</summary>
    public int MinSharedNames { get; init; } = 2;

    /// <summary>... when its similarity to the story's centre is at least this.</summary>
    public double NameLinkThreshold { get; init; } = 0.1;

    /// <summary>A name is distinctive for a story when at least this share of its articles use it ...</summary>
    public double NameStoryShare { get; init; } = 0.3;

    /// <summary>... and that share is this many times its share among all articles.</summary>
    public double NameLift { get; init; } = 2;

    /// <summary>Stories smaller than this take no articles by shared names (too few articles to tell which names are theirs).</summary>
    public int NameLinkMinMembers { get; init; } = 3;

    /// <summary>
    /// Cosine similarity of two story centres above which the stories are one thread and merge. Centres
    /// average out each article's incidental words, so two pieces of one thread agree far more than one
    /// article agrees with a centre.
    /// </summary>
    public double MergeThreshold { get; init; } = 0.3;

    /// <summary>The larger story's own names (most used first) looked for in the smaller one before two stories merge ...</summary>
    public int MergeNames { get; init; } = 3;

    /// <summary>... and how many of them the smaller story must use widely.</summary>
    public int MergeSharedNames { get; init; } = 2;

    /// <summary>Stories smaller than this are neither merged nor merged into (a lone article is placed by the single pass).</summary>
    public int MergeMinMembers { get; init; } = 2;

    /// <summary>Heaviest centre terms a story looks up in the index to find stories to merge with.</summary>
    public int MergeLookupTerms { get; init; } = 40;

    /// <summary>A story is checked for merging again once it has grown by this share of its size since the last check.</summary>
    public double MergeRecheckGrowth { get; init; } = 0.1;

    /// <summary>Cosine similarity to an event's centroid needed to join it.</summary>
    public double EventThreshold { get; init; } = 0.2;

    /// <summary>An undated article joins an event only when this similar to it (it cannot share the event's day).</summary>
    public double UndatedEventThreshold { get; init; } = 0.7;

    /// <summary>An event takes articles whose event date is this close to its own.</summary>
    public int EventWindowDays { get; init; } = 1;

    /// <summary>How far before publication a date in the lead may be to be taken as the event's date.</summary>
    public int LeadDateLookbackDays { get; init; } = 7;

    /// <summary>Sentences of the lead searched for the event's date.</summary>
    public int LeadSentences { get; init; } = 2;

    /// <summary>Estimated Jaccard similarity of word shingles above which two articles are copies.</summary>
    public double NearDuplicateJaccard { get; init; } = 0.5;

    /// <summary>Words per shingle for near-duplicate detection.</summary>
    public int ShingleWords { get; init; } = 3;

    /// <summary>Most timeline entries per story.</summary>
    public int MaxTimelineEntries { get; init; } = 25;

    /// <summary>Supporting sentences listed per timeline entry.</summary>
    public int TimelineSupport { get; init; } = 4;

    /// <summary>Summary sentences per story.</summary>
    public int SummarySentences { get; init; } = 4;

    /// <summary>Maximal marginal relevance trade-off: 1 is pure centrality, 0 pure novelty.</summary>
    public double SummaryLambda { get; init; } = 0.7;

    /// <summary>Sentence length (in words) a summary or timeline sentence must have.</summary>
    public int MinSentenceWords { get; init; } = 6;

    public int MaxSentenceWords { get; init; } = 70;

    /// <summary>Relative difference under which two exact figures are taken as the same count.</summary>
    public double FigureTolerance { get; init; } = 0.002;

    /// <summary>Figures whose values differ by more than this factor are never one series.</summary>
    public double SeriesMaxRatio { get; init; } = 2.5;

    /// <summary>A date in a figure's sentence this far before publication anchors the figure to a past event.</summary>
    public int PastEventDays { get; init; } = 30;

    /// <summary>Citations kept per word per outlet in the wording table.</summary>
    public int WordingCitations { get; init; } = 3;

    /// <summary>The word families compared across outlets.</summary>
    public IReadOnlyList<WordingFamily> WordingFamilies { get; init; } = WordingFamily.Defaults;
}
