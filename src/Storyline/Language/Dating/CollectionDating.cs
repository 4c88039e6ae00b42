using Storyline.Documents;

namespace Storyline.Language.Dating;

/// <summary>
/// Dates read together: an article that states no year had its year assumed from today's date
/// (<see cref="ArticleFlags.DateYearAssumed"/>). Analysed beside articles whose dates are known, "today" is
/// better taken as the latest of those dates: a reader who runs last year's coverage through the tool today
/// should see "Oct. 7" in last year's October, next to the articles it came with, not in this year's.
/// </summary>
public static class CollectionDating
{
    /// <summary>
    /// Annotates again, as of the latest known date among <paramref name="documents"/>, each article whose
    /// year was assumed; the others are returned unchanged. The re-dated articles stay flagged as estimated.
    /// </summary>
    /// <param name="pipelineAsOf">The annotation pipeline with "today" set to the given date.</param>
    public static IReadOnlyList<AnnotatedDocument> AnchorAssumedYears(IReadOnlyList<AnnotatedDocument> documents, Func<DateOnly, LanguagePipeline> pipelineAsOf)
    {
        DateOnly? anchor = null;
        bool anyAssumed = false;
        foreach (var d in documents)
        {
            if (d.Article.HasFlag(ArticleFlags.DateYearAssumed)) anyAssumed = true;
            else if (d.ReferenceDate is { } date && (anchor is null || date > anchor)) anchor = date;
        }
        if (!anyAssumed || anchor is not { } asOf) return documents;
        var pipeline = pipelineAsOf(asOf);
        var result = new AnnotatedDocument[documents.Count];
        for (int i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            result[i] = d.Article.HasFlag(ArticleFlags.DateYearAssumed) ? pipeline.Annotate(Undated(d.Article)) : d;
        }
        return result;
    }

    /// <summary>The article as it was before an estimate dated it.</summary>
    private static Article Undated(Article a) => a with
    {
        Published = null,
        PublishedFrom = Provenance.None,
        Flags = [.. a.Flags.Where(f => f is not ArticleFlags.DateEstimated and not ArticleFlags.DateYearAssumed)],
    };

    /// <summary>A clock that always reads the given day (at noon UTC, so no time zone moves it).</summary>
    public sealed class FixedClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
