namespace Storyline.Extraction.Text;

/// <summary>Thresholds of the plain-text cleaner. Word counts are whitespace-separated words.</summary>
public sealed record CleanerOptions
{
    /// <summary>A line at the head or tail of the text with at most this many words and no sentence punctuation is page chrome.</summary>
    public int MaxEdgeWords { get; init; } = 12;

    /// <summary>A run of at least <see cref="TrailingListMinLines"/> such lines at the tail, each up to this long, is a link list.</summary>
    public int TrailingListMaxWords { get; init; } = 20;

    public int TrailingListMinLines { get; init; } = 3;

    /// <summary>The body starts at the first line ending like a sentence with at least this many words...</summary>
    public int BodyMinSentenceWords { get; init; } = 6;

    /// <summary>...or at the first line this long, punctuated or not.</summary>
    public int BodyMinWords { get; init; } = 20;

    /// <summary>A headline has between these many words.</summary>
    public int TitleMinWords { get; init; } = 3;

    public int TitleMaxWords { get; init; } = 24;

    /// <summary>Identical lines at most this many lines apart are a caption printed twice (both go).</summary>
    public int DuplicateWindow { get; init; } = 3;

    /// <summary>
    /// Remove a line repeating an earlier one far away (text copied off a page repeats teasers); off for
    /// HTML, where structured articles (recipes, plans, tables) legitimately repeat lines.
    /// </summary>
    public bool RemoveDistantRepeats { get; init; } = true;

    /// <summary>Lines shorter than this are never treated as repeats (short phrases recur legitimately).</summary>
    public int DuplicateMinWords { get; init; } = 3;

    /// <summary>The rest of a promo line ("Also read: ...") is at most this long; longer lines are prose.</summary>
    public int MaxPromoWords { get; init; } = 30;

    /// <summary>A line carrying a paywall phrase is a prompt only up to this length.</summary>
    public int MaxPaywallLineWords { get; init; } = 80;

    /// <summary>A credit segment ("Adam Smith/Reuters") has at most this many words.</summary>
    public int MaxCreditWords { get; init; } = 8;

    /// <summary>A caption line carrying a credit has at most this many words.</summary>
    public int MaxCaptionWords { get; init; } = 45;

    /// <summary>A line that only states a date and place has at most this many words.</summary>
    public int MaxDateLineWords { get; init; } = 16;

    /// <summary>A byline ("By Jane Doe and John Roe") has at most this many words.</summary>
    public int MaxBylineWords { get; init; } = 10;

    /// <summary>A dateline is looked for at the start of this many first paragraphs.</summary>
    public int DatelineSearchParagraphs { get; init; } = 3;

    /// <summary>Cut a dateline found at the start of the body out of the text (it is kept as metadata either way).</summary>
    public bool StripDateline { get; init; } = true;

    /// <summary>Remove page chrome at the head and tail (off for HTML blocks, whose structure already decided).</summary>
    public bool TrimEdges { get; init; } = true;

    /// <summary>
    /// At the head, remove only lines that are certainly not prose (date lines, bylines, the title
    /// repeated) and keep other short lines; for HTML, whose block structure already cut the page
    /// chrome away and where short lines before the body are often the article's own subheadings.
    /// </summary>
    public bool GentleHead { get; init; }

    /// <summary>With <see cref="GentleHead"/>, how many first lines are searched for bylines, date lines and the title.</summary>
    public int HeadScanLines { get; init; } = 8;

    /// <summary>Remove short unpunctuated lines after the last sentence (page furniture, link lists).</summary>
    public bool TrimTail { get; init; } = true;

    /// <summary>Known forms of the title (folded): a line repeating one at the head is dropped.</summary>
    public IReadOnlySet<string>? KnownTitles { get; init; }

    /// <summary>Take a headline-like first line as the title.</summary>
    public bool DetectTitle { get; init; } = true;

    public BoilerplateCues Cues { get; init; } = BoilerplateCues.Default;

    public static CleanerOptions Default { get; } = new();
}
