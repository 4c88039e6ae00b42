using System.Collections.Frozen;

namespace Storyline.Extraction.Html;

/// <summary>
/// Tag tables, class/id hints and thresholds of the HTML extractor, as data. The defaults follow the
/// published descriptions of Readability (Mozilla, "readability.js" scoring of paragraph parents),
/// boilerpipe (Kohlschütter et al., "Boilerplate Detection using Shallow Text Features", WSDM 2010: link
/// density and text density of blocks) and trafilatura (Barbaresi, ACL 2021: pruning by class/id
/// vocabulary before extraction), re-derived for this code.
/// </summary>
public sealed record HtmlExtractorOptions
{
    /// <summary>Pages longer than this (UTF-16 chars) are cut before parsing; the article is flagged truncated.</summary>
    public int MaxHtmlChars { get; init; } = 6_000_000;

    /// <summary>Elements nested deeper than this are not read (hostile or broken markup).</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>Elements whose whole subtree is never article text.</summary>
    public FrozenSet<string> DropTags { get; init; } = Set(
        "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed",
        "video", "audio", "picture", "img", "map", "button", "input", "select", "textarea", "option",
        "label", "nav", "aside", "footer", "figure", "figcaption", "dialog", "menu", "head", "title",
        "link", "meta", "source", "track");

    /// <summary>Elements that start and end a block of text (everything else is inline).</summary>
    public FrozenSet<string> BlockTags { get; init; } = Set(
        "p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2",
        "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
        "caption", "form", "fieldset", "address", "center", "details", "summary", "hr", "br", "body", "hgroup");

    /// <summary>Headings (kept inside the article, never scored as paragraphs).</summary>
    public FrozenSet<string> HeadingTags { get; init; } = Set("h1", "h2", "h3", "h4", "h5", "h6");

    /// <summary>Starting score of a candidate container by tag (Readability's initializeNode weights).</summary>
    public FrozenDictionary<string, double> TagWeights { get; init; } = new Dictionary<string, double>
    {
        ["div"] = 5, ["article"] = 8, ["main"] = 5, ["section"] = 3, ["pre"] = 3, ["td"] = 3, ["blockquote"] = 3,
        ["address"] = -3, ["ol"] = -3, ["ul"] = -3, ["dl"] = -3, ["dd"] = -3, ["dt"] = -3, ["li"] = -3,
        ["form"] = -3, ["h1"] = -5, ["h2"] = -5, ["h3"] = -5, ["h4"] = -5, ["h5"] = -5, ["h6"] = -5, ["th"] = -5,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Class/id fragments of page furniture (matched inside class and id values).</summary>
    public IReadOnlyList<string> NegativeHints { get; init; } =
    [
        "comment", "share", "sharing", "social", "related", "sidebar", "footer", "masthead", "menu", "navbar",
        "navigation", "breadcrumb", "promo", "newsletter", "subscribe", "signup", "sign-up", "advert",
        "sponsor", "widget", "popup", "modal", "cookie", "consent", "banner", "recirc", "recommend",
        "outbrain", "taboola", "trending", "most-read", "mostread", "most-popular", "popular", "tags",
        "tag-list", "taglist", "byline", "author", "caption", "credit", "toolbar", "tools", "print",
        "skip", "hidden", "sr-only", "visually-hidden", "screen-reader", "disclaimer", "rss", "login",
        "pagination", "pager", "next-article", "read-more", "readmore", "more-stories", "morestories",
        "teaser", "card", "carousel", "slideshow", "gallery", "video", "player", "playlist", "donate",
        "shopping", "affiliate", "newsletter", "inline-ad", "ad-slot", "adslot", "ad-container", "dfp",
        "headline-list", "timestamp", "dateline", "meta", "follow", "contact", "jump", "overlay",
    ];

    /// <summary>
    /// The strongest furniture fragments: a subtree whose class or id holds one (and no positive hint) is
    /// skipped before scoring (trafilatura-style pruning). If that leaves too little prose, the page is
    /// read again without this pruning (Readability's retry without "unlikely candidate" removal).
    /// </summary>
    public IReadOnlyList<string> PruneHints { get; init; } =
    [
        "comment", "share", "sharing", "social", "related", "sidebar", "footer", "masthead", "navbar",
        "navigation", "breadcrumb", "newsletter", "subscribe", "signup", "sign-up", "advert", "sponsor",
        "popup", "modal", "cookie", "consent", "recirc", "recommend", "outbrain", "taboola", "trending",
        "most-read", "mostread", "most-popular", "byline", "caption", "credit", "disclaimer",
        "sr-only", "visually-hidden", "screen-reader", "pagination", "read-more", "readmore", "more-stories",
        "morestories", "donate", "affiliate", "inline-ad", "ad-slot", "adslot", "ad-container", "dfp",
        "menu", "tags", "tag-list", "taglist", "author", "promo", "login",
    ];

    /// <summary>Prose left by the first, pruned reading below which the page is read again unpruned.</summary>
    public int RetryBelowChars { get; init; } = 500;

    /// <summary>Class/id fragments of the article body.</summary>
    public IReadOnlyList<string> PositiveHints { get; init; } =
    [
        "article", "body", "content", "entry", "main", "post", "story", "text", "blog", "prose", "copy",
        "paragraph", "richtext", "rich-text", "markdown",
    ];

    /// <summary>Whole class tokens of advertisement slots ("ad", "ads"), matched as tokens since "ad" is inside many words.</summary>
    public FrozenSet<string> AdTokens { get; init; } = Set("ad", "ads", "adv", "advert", "ad-wrapper", "ad-unit", "ad-box");

    /// <summary>Class/id fragments marking a subscription wall.</summary>
    public IReadOnlyList<string> PaywallHints { get; init; } =
    [
        "paywall", "pay-wall", "meter", "subscriber-only", "subscribers-only", "premium-content", "regwall",
        "registration-wall", "piano", "tp-modal", "locked", "truncated", "article-gate", "gate",
    ];

    /// <summary>Class weight added for a positive or negative hint (Readability uses 25).</summary>
    public double ClassWeight { get; init; } = 25;

    /// <summary>Text blocks shorter than this (chars) do not vote for their containers.</summary>
    public int MinScoredChars { get; init; } = 25;

    /// <summary>Ancestor levels a paragraph's score reaches.</summary>
    public int ScoreLevels { get; init; } = 5;

    /// <summary>How many best-scoring candidates are compared when looking for a shared ancestor.</summary>
    public int TopCandidates { get; init; } = 5;

    /// <summary>A candidate is an alternative to the best when its score reaches this share of the best.</summary>
    public double AlternativeScoreShare { get; init; } = 0.75;

    /// <summary>An ancestor holding this many alternatives replaces the best candidate.</summary>
    public int MinAlternatives { get; init; } = 3;

    /// <summary>A prose block is at least this long...</summary>
    public int ProseBlockMinChars { get; init; } = 60;

    /// <summary>...with at most this share of link text.</summary>
    public double ProseMaxLinkDensity { get; init; } = 0.25;

    /// <summary>When climbing from the best candidate, each char of non-prose text costs this much prose.</summary>
    public double ClimbOtherTextWeight { get; init; } = 1.0;

    /// <summary>An ancestor is taken when its prose mass exceeds the current one by this factor.</summary>
    public double ClimbMinGain { get; init; } = 1.5;

    /// <summary>A sibling of the best container joins it when its score reaches this share of the best.</summary>
    public double SiblingScoreShare { get; init; } = 0.2;

    /// <summary>A sibling paragraph joins when longer than this with link density under <see cref="SiblingMaxLinkDensity"/>.</summary>
    public int SiblingMinChars { get; init; } = 80;

    public double SiblingMaxLinkDensity { get; init; } = 0.25;

    /// <summary>Blocks with a higher share of link text than this are navigation (boilerpipe's main cue).</summary>
    public double MaxBlockLinkDensity { get; init; } = 0.5;

    /// <summary>The link-density rule applies to blocks shorter than this (longer ones are prose with links).</summary>
    public int LinkBlockMaxChars { get; init; } = 400;

    /// <summary>A link-dense block with at most this many links...</summary>
    public int LinkedLeadMaxLinks { get; init; } = 2;

    /// <summary>...and this much text outside them, ending like a sentence, is a linked lead, kept.</summary>
    public int LinkedLeadMinPlainChars { get; init; } = 40;

    /// <summary>Containers inside the article with a higher link density than this and little prose are link lists.</summary>
    public double MaxContainerLinkDensity { get; init; } = 0.35;

    /// <summary>The JSON-LD articleBody is used when at least this long...</summary>
    public int MinJsonLdBodyChars { get; init; } = 400;

    /// <summary>...and the page's own extraction is shorter than this share of it.</summary>
    public double JsonLdPreferRatio { get; init; } = 0.6;

    /// <summary>Remove short unpunctuated lines after the article's last sentence (see <see cref="Text.CleanerOptions.TrimTail"/>).</summary>
    public bool TrimTail { get; init; } = false;

    /// <summary>How many word runs of the JSON-LD body are looked up in the page to check it belongs there...</summary>
    public int JsonLdSamples { get; init; } = 8;

    /// <summary>...and how many words each run has.</summary>
    public int JsonLdSampleWords { get; init; } = 5;

    /// <summary>A container with at least this many linked headlines, one per kept block or more, is a teaser list.</summary>
    public int ListingMinLinkedHeadings { get; init; } = 4;

    /// <summary>A heading is a linked headline when this share of its text is link text.</summary>
    public double ListingHeadingLinkDensity { get; init; } = 0.8;

    /// <summary>A page whose best container has fewer than this many chars of prose is an index page.</summary>
    public int NoArticleChars { get; init; } = 150;

    private static FrozenSet<string> Set(params string[] items) => items.ToFrozenSet(StringComparer.Ordinal);
}
