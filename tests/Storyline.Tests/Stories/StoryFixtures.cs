using System.Globalization;
using Storyline.Documents;
using Storyline.Language;

namespace Storyline.Tests.Stories;

/// <summary>
/// Builds annotated documents by hand for unit tests: invented articles (a dam failure in a fictional
/// valley, a fictional chess tournament) with the time expressions and figures an annotator would find.
/// </summary>
internal sealed class DocBuilder(string id, string published, string? outlet, string text)
{
    private readonly List<TimeExpression> _times = [];
    private readonly List<Figure> _figures = [];
    private readonly List<Quote> _quotes = [];
    private readonly List<Entity> _entities = [];

    public string Text { get; } = text;

    private TextSpan Find(string needle, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            at = Text.IndexOf(needle, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException("not in text: " + needle);
        }
        return new TextSpan(at, at + needle.Length);
    }

    public DocBuilder Time(string surface, string value, int occurrence = 0)
    {
        _times.Add(new TimeExpression(Find(surface, occurrence), surface, TimexType.DATE, value));
        return this;
    }

    public DocBuilder Figure(string surface, double value, string measure, string? subject = null, Qualifier q = Qualifier.Exact,
        string? source = null, string? asOf = null, string? unit = "people")
    {
        _figures.Add(new Figure
        {
            Span = Find(surface), Text = surface, Value = value, Qualifier = q, Measure = measure, Subject = subject,
            Source = source, AsOf = asOf, Unit = unit,
        });
        return this;
    }

    public DocBuilder Quote(string words, string? speaker, QuoteKind kind = QuoteKind.Direct)
    {
        _quotes.Add(new Quote(Find(words), words, speaker, null, kind));
        return this;
    }

    public DocBuilder Entity(string surface, EntityType type, string? canonical = null, int occurrence = 0)
    {
        _entities.Add(new Entity(Find(surface, occurrence), surface, type, canonical ?? surface));
        return this;
    }

    public AnnotatedDocument Build()
    {
        var article = new Article
        {
            Id = id,
            Source = id + ".txt",
            Text = Text,
            Outlet = outlet,
            Published = DateOnly.ParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            PublishedFrom = Provenance.Supplied,
        };
        var tokens = Tokenizer.Tokenize(Text);
        return new AnnotatedDocument
        {
            Article = article,
            ReferenceDate = article.Published,
            Tokens = tokens,
            Sentences = SentenceSplitter.Split(Text, tokens),
            Times = [.. _times.OrderBy(t => t.Span.Start)],
            Figures = [.. _figures.OrderBy(f => f.Span.Start)],
            Quotes = [.. _quotes.OrderBy(q => q.Span.Start)],
            Entities = [.. _entities.OrderBy(e => e.Span.Start)],
        };
    }
}

internal static class StoryFixtures
{
    public const string DamCollapse =
        "The Harlow Dam above the Corven Valley failed on Monday, sending a wall of water into the town of Millbrook. " +
        "Rescue crews said at least 40 people were killed in Millbrook and 4,000 residents were displaced. " +
        "Governor Elsa Marwick declared an emergency across the Corven Valley. " +
        "\"We will rebuild every home,\" Marwick said at a briefing in Millbrook.";

    public const string DamCollapseCopy =
        "The Harlow Dam above the Corven Valley failed on Monday, sending a wall of water into the town of Millbrook. " +
        "Rescue crews said at least 40 people were killed in Millbrook and 4,000 residents were displaced. " +
        "Governor Elsa Marwick declared an emergency across the Corven Valley. " +
        "\"We will rebuild every home,\" Marwick said at a briefing in Millbrook on Tuesday.";

    public const string DamToll =
        "The death toll from the Harlow Dam failure in the Corven Valley rose to 95, officials in Millbrook said on Friday. " +
        "More than 6,000 residents of the Corven Valley have now been displaced by the flood. " +
        "Engineers had warned about cracks in the Harlow Dam in 2019, according to records seen by reporters. " +
        "Governor Elsa Marwick ordered an inquiry into the dam's operator, Corven Water Authority. " +
        "Subscribe to our newsletter for daily updates on the Corven Valley flood.";

    public const string DamInquiry =
        "An inquiry into the Harlow Dam disaster opened in Millbrook, three months after the flood swept through the Corven Valley. " +
        "The dam failure on March 4 killed 112 people in Millbrook, the inquiry heard, although the valley's mayor puts the toll at 118. " +
        "Governor Elsa Marwick told the inquiry the Corven Water Authority had ignored warnings about the Harlow Dam. " +
        "Some 9,000 residents of the Corven Valley remain displaced. " +
        "Lawyers for families in Millbrook said the catastrophe was avoidable.";

    public const string ChessOpen =
        "Grandmaster Tomas Vell won the Lakeport Chess Open on Sunday after a tense final round against Ida Sorrel. " +
        "Vell sacrificed a rook on move 31 and forced checkmate twelve moves later in the Lakeport city hall. " +
        "The Lakeport Chess Open drew 300 players from 20 countries this year. " +
        "Sorrel said the tournament was the strongest Lakeport Chess Open she had played.";

    public const string ChessRematch =
        "Ida Sorrel beat Tomas Vell in the Lakeport Chess Open rematch, a month after losing the final round. " +
        "Sorrel chose a quiet opening and ground out an endgame win over Vell in the Lakeport city hall. " +
        "Organisers of the Lakeport Chess Open said 5,000 spectators watched the rematch online. " +
        "Vell congratulated Sorrel and said he would return to Lakeport next year.";

    public static AnnotatedDocument Dam1() => new DocBuilder("dam-1", "2025-03-05", "Valley Courier", DamCollapse)
        .Time("on Monday", "2025-03-03")
        .Figure("40 people", 40, "killed", "people in Millbrook", Qualifier.AtLeast, "Rescue crews")
        .Figure("4,000 residents", 4000, "displaced", "residents of the Corven Valley")
        .Quote("We will rebuild every home,", "Elsa Marwick")
        .Build();

    public static AnnotatedDocument Dam1Copy() => new DocBuilder("dam-1-copy", "2025-03-05", "Northern Wire", DamCollapseCopy)
        .Time("on Monday", "2025-03-03")
        .Figure("40 people", 40, "killed", "people in Millbrook", Qualifier.AtLeast, "Rescue crews")
        .Figure("4,000 residents", 4000, "displaced", "residents of the Corven Valley")
        .Quote("We will rebuild every home,", "Elsa Marwick")
        .Build();

    public static AnnotatedDocument Dam2() => new DocBuilder("dam-2", "2025-03-08", "Millbrook Daily", DamToll)
        .Time("on Friday", "2025-03-07")
        .Figure("6,000 residents", 6000, "displaced", "residents of the Corven Valley", Qualifier.MoreThan)
        .Build();

    public static AnnotatedDocument Dam3() => new DocBuilder("dam-3", "2025-06-10", "Valley Courier", DamInquiry)
        .Time("on March 4", "2025-03-04")
        .Figure("112 people", 112, "killed", "people in Millbrook", asOf: "2025-03-04")
        .Figure("118", 118, "toll", "Millbrook", source: "the valley's mayor", unit: null)
        .Figure("9,000 residents", 9000, "displaced", "residents of the Corven Valley", Qualifier.About)
        .Build();

    public static AnnotatedDocument Chess1() => new DocBuilder("chess-1", "2025-03-10", "Board Weekly", ChessOpen)
        .Time("on Sunday", "2025-03-09")
        .Build();

    public static AnnotatedDocument Chess2() => new DocBuilder("chess-2", "2025-04-12", "Board Weekly", ChessRematch).Build();

    public static IReadOnlyList<AnnotatedDocument> All() => [Dam1(), Dam1Copy(), Dam2(), Dam3(), Chess1(), Chess2()];
}
