namespace Storyline.Documents;

public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
    /// <summary>A quotation mark of any style.</summary>
    Quote,
    Other,
}

/// <summary>A token as a range of the document text.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public TextSpan Span => new(Start, End);
}

/// <summary>A sentence: its character range and the tokens it holds.</summary>
public readonly record struct Sentence(int Start, int End, int FirstToken, int TokenCount)
{
    public TextSpan Span => new(Start, End);

    public int EndToken => FirstToken + TokenCount;
}

public enum EntityType : byte
{
    PER,
    ORG,
    LOC,
    MISC,
}

/// <summary>A named-entity mention.</summary>
/// <param name="Canonical">The resolved full name ("Joe Biden" for "Biden").</param>
/// <param name="Role">A title or role attached to a person ("President", "White House national security spokesperson").</param>
public sealed record Entity(TextSpan Span, string Text, EntityType Type, string Canonical, string? Role = null);

public enum QuoteKind : byte
{
    /// <summary>A whole quoted statement.</summary>
    Direct,
    /// <summary>Quoted words inside reported speech.</summary>
    Partial,
    /// <summary>Reported speech without quote marks ("Kirby said gaps remain").</summary>
    Indirect,
}

/// <param name="Span">The quoted words, without the quote marks.</param>
/// <param name="Speaker">Canonical name or a description of an unnamed source, or null.</param>
/// <param name="SpeakerSpan">The mention that names the speaker.</param>
public sealed record Quote(TextSpan Span, string Text, string? Speaker, TextSpan? SpeakerSpan, QuoteKind Kind);

public enum Qualifier : byte
{
    Exact,
    About,
    MoreThan,
    LessThan,
    AtLeast,
    UpTo,
    Nearly,
}

/// <summary>A reported number: a count, amount or share, with what it counts and who says so.</summary>
public sealed record Figure
{
    public required TextSpan Span { get; init; }

    public required string Text { get; init; }

    public required double Value { get; init; }

    /// <summary>Upper bound when the figure is a range ("30 to 40").</summary>
    public double? ValueHigh { get; init; }

    public Qualifier Qualifier { get; init; }

    /// <summary><c>people</c>, <c>%</c>, an ISO currency code, a unit of measure, or null.</summary>
    public string? Unit { get; init; }

    /// <summary>What is counted ("killed", "taken hostage").</summary>
    public string? Measure { get; init; }

    /// <summary>Whose or where ("Palestinians in Gaza").</summary>
    public string? Subject { get; init; }

    /// <summary>The authority the figure is attributed to.</summary>
    public string? Source { get; init; }

    /// <summary>The date the figure holds for (TIMEX3 value), when stated or implied.</summary>
    public string? AsOf { get; init; }
}

public enum TimexType : byte
{
    DATE,
    TIME,
    DURATION,
    SET,
}

/// <summary>A time expression with its TIMEX3 value resolved against the document date.</summary>
public sealed record TimeExpression(TextSpan Span, string Text, TimexType Type, string Value)
{
    /// <summary>
    /// For a stretch of time anchored in the calendar ("the next three days", "within two weeks from today",
    /// "the rest of the month"): its first day, as a TIMEX3 date value (TimeML's beginPoint); null otherwise.
    /// </summary>
    public string? Begin { get; init; }

    /// <summary>The last day of such a stretch (TimeML's endPoint), inclusive; null otherwise.</summary>
    public string? End { get; init; }
}
