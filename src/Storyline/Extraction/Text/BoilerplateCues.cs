using System.Collections.Frozen;

namespace Storyline.Extraction.Text;

/// <summary>
/// The vocabulary of web junk, as data. All entries are in folded form (lower case, ASCII quotes and
/// dashes; see <see cref="TextFolding.Fold"/>). The lists describe what news sites print around an
/// article in general (navigation, promos, subscription prompts), never one site's wording.
/// </summary>
public sealed record BoilerplateCues
{
    /// <summary>Whole lines that are page chrome: navigation, sharing, interface labels.</summary>
    public required FrozenSet<string> NavigationLines { get; init; }

    /// <summary>Whole lines that mark an advertisement slot.</summary>
    public required FrozenSet<string> AdvertisementLines { get; init; }

    /// <summary>Whole lines that are section labels of the page, not of the article's prose.</summary>
    public required FrozenSet<string> SectionLabels { get; init; }

    /// <summary>Line openings that introduce a promotion of another story or video ("Also read:", "Watch |").</summary>
    public required IReadOnlyList<string> PromoPrefixes { get; init; }

    /// <summary>Line openings of notes appended by the publisher (disclaimers, agency credits, copyright).</summary>
    public required IReadOnlyList<string> TrailerPrefixes { get; init; }

    /// <summary>Phrases that on their own mark a subscription wall or registration prompt.</summary>
    public required IReadOnlyList<string> PaywallPhrases { get; init; }

    /// <summary>The subset of paywall phrases that say the article itself is behind a wall (sets the paywall flag).</summary>
    public required IReadOnlyList<string> WallPhrases { get; init; }

    /// <summary>Words of subscription, donation and newsletter appeals (weaker: count only near a paywall or in short lines).</summary>
    public required IReadOnlyList<string> AppealWords { get; init; }

    /// <summary>Line openings of photo captions' credits ("Photo:", "Image source,").</summary>
    public required IReadOnlyList<string> CreditPrefixes { get; init; }

    /// <summary>Words that, in a short trailing segment, name a picture credit ("Getty Images", "AP Photo").</summary>
    public required IReadOnlyList<string> CreditWords { get; init; }

    /// <summary>Phrases that make a short line a credit for contributors ("Jane Doe contributed to this report.").</summary>
    public required IReadOnlyList<string> ContributorPhrases { get; init; }

    /// <summary>Interface words that copying leaves inside sentences (", opens new tab"); cut out, the sentence stays.</summary>
    public required IReadOnlyList<string> InlineArtifacts { get; init; }

    /// <summary>Lines that open a readers' comment section ("Comments", "24 comments", "Join the conversation").</summary>
    public required IReadOnlyList<string> CommentSectionLabels { get; init; }

    /// <summary>Short lines that only occur in comment threads ("Reply", "3 hours ago").</summary>
    public required IReadOnlyList<string> CommentMarkers { get; init; }

    /// <summary>Line openings that give the author ("By ...").</summary>
    public required IReadOnlyList<string> BylinePrefixes { get; init; }

    /// <summary>Line openings that give a publication or update time ("Published", "Updated").</summary>
    public required IReadOnlyList<string> TimestampPrefixes { get; init; }

    public static BoilerplateCues Default { get; } = new()
    {
        NavigationLines = Set(
            "skip to main content", "skip to content", "skip to navigation", "skip to main navigation",
            "jump to content", "menu", "main menu", "open menu", "close menu", "close", "home", "search",
            "sign in", "log in", "login", "sign up", "register", "subscribe", "subscribe now", "my account",
            "share", "share this", "share this article", "share this story", "share on facebook",
            "share on twitter", "share on x", "share on whatsapp", "share via email", "copy link",
            "link copied", "email", "print", "facebook", "twitter", "x", "whatsapp", "linkedin", "reddit",
            "telegram", "pinterest", "follow us", "listen", "listen to this article", "listen to article",
            "read full article", "read full story", "back to top", "scroll to top", "next", "previous",
            "next article", "previous article", "load more", "show more", "see more", "view comments",
            "view all", "more", "toggle navigation", "accessibility", "edition", "live", "video", "audio",
            "image", "gallery", "enlarge this image", "expand", "play", "pause", "mute", "unmute",
            "save", "saved", "bookmark", "comment", "add comment", "font size", "text size", "a a",
            "zoom", "full screen", "open in app", "get the app", "download the app", "cookie settings",
            "accept", "accept all", "manage preferences", "privacy policy", "terms of use",
            "terms of service", "contact us", "about us", "skip past newsletter promotion",
            "after newsletter promotion", "link copied", "link copied!", "reuse this content", "view image in fullscreen",
            "toggle caption", "hide caption", "show caption", "enlarge image", "open image in gallery", "watch now",
            "play video", "read more", "continue reading", "more to explore", "sign up here"),
        AdvertisementLines = Set(
            "advertisement", "advertisment", "advertisements", "advert", "ad", "ads", "sponsored",
            "sponsored content", "paid content", "promoted", "promoted content", "partner content",
            "story continues below advertisement", "article continues below advertisement",
            "article continues below", "story continues below", "continue reading below",
            "continue reading the main story", "content continues below", "scroll to continue with content",
            "advertisement - scroll to continue", "ad feedback", "report ad", "remove ads",
            "supported by", "from our sponsor"),
        SectionLabels = Set(
            "key points", "key point", "highlights", "key takeaways", "at a glance", "in brief",
            "summary", "related", "related topics", "related articles", "related stories", "related news",
            "related content", "related coverage", "related links", "related posts", "related video",
            "related videos", "more on this story", "more on this topic", "more from", "more stories",
            "more news", "more like this", "you may also like", "you might also like", "recommended",
            "recommended for you", "recommended stories", "read next", "up next", "what to read next",
            "most read", "most popular", "most viewed", "trending", "trending now", "trending stories",
            "top stories", "latest", "latest news", "latest stories", "editor's picks", "don't miss",
            "topics", "tags", "filed under", "categories", "category", "comments", "comment",
            "leave a comment", "join the conversation", "show comments", "discussion",
            "source agencies", "source: agencies", "sources agencies", "source", "agencies",
            "share this article", "explore more", "explore topics", "in this article", "newsletter",
            "newsletters", "follow", "follow topics", "around the web", "from the web",
            "sponsored stories", "promoted stories", "partner stories", "explore more on these topics",
            "more on these topics", "more about", "top stories", "most viewed", "related video", "what to read next",
            "more from this section", "in other news", "elsewhere", "also in the news", "recommended reading",
            "featured", "editor's choice", "latest videos", "popular now", "read more stories"),
        PromoPrefixes =
        [
            "also read", "read also", "read more", "more read", "must read", "read next", "see also",
            "related", "recommended", "watch", "watch video", "video", "listen", "podcast", "more:",
            "click here", "also see", "also watch", "don't miss", "dont miss", "trending", "suggested",
            "catch all the", "follow us on", "join our", "download the", "get the latest",
        ],
        TrailerPrefixes =
        [
            "disclaimer", "(with inputs from", "with inputs from", "(with input from", "with input from",
            "(reporting by", "reporting by", "(editing by", "editing by", "(writing by", "additional reporting by",
            "(this story has not been edited", "(except for the headline, this story", "(this article has not been edited",
            "this story has not been edited", "copyright ", "\u00a9", "all rights reserved",
            "this material may not be published", "the views expressed", "views expressed",
            "(disclaimer", "source:", "sources:", "(source:", "first published", "originally published", "this article was originally",
            "this story was originally", "this article originally appeared", "this story originally appeared",
            "this article first appeared", "this story first appeared", "get the latest",
            "catch all the latest", "follow us on", "follow our live", "click here to", "tap here to",
            "our standards:", "subscribe to our", "for more news", "find us on",
            "this article is republished", "republished with permission", "this content was produced",
        ],
        PaywallPhrases =
        [
            "articles this month", "article this month", "free articles", "free article", "full access",
            "unlimited access", "unlock this article", "unlock full", "to continue reading", "continue reading with",
            "keep reading with", "subscribe to continue", "subscribe to read", "subscribe to unlock",
            "subscribers only", "for subscribers", "exclusive to subscribers", "already a subscriber",
            "already have an account", "create a free account", "register for free", "register to read",
            "register to receive", "sign in to continue", "log in to continue", "this content is for",
            "premium content", "premium article", "become a member", "become a subscriber",
            "start your free trial", "start your subscription", "subscription required", "you've reached your",
            "you have reached your", "you've read", "you have read", "limit of free",
            "support our journalism", "support independent journalism", "donate now", "make a donation",
            "donating today", "by donating", "every contribution", "sign up for our newsletter",
            "sign up to our newsletter", "subscribe to our newsletter", "get our newsletter",
            "newsletter sign-up", "newsletter signup", "breaking news updates", "never miss a",
            "just before you scroll", "before you go", "thank you for reading", "loyal reader",
            "if you enjoyed this article", "if you value our", "if you like our journalism", "we have a proposition for you",
            "support quality journalism", "consider supporting", "become a patron", "join our community of",
        ],
        WallPhrases =
        [
            "articles this month", "article this month", "free articles", "full access", "unlimited access",
            "unlock this article", "unlock full", "to continue reading", "continue reading with",
            "keep reading with", "subscribe to continue", "subscribe to read", "subscribe to unlock",
            "subscribers only", "for subscribers", "exclusive to subscribers", "already a subscriber",
            "register to read", "sign in to continue", "log in to continue", "premium content",
            "premium article", "subscription required", "you've reached your", "you have reached your",
            "limit of free",
        ],
        AppealWords =
        [
            "subscribe", "subscription", "subscriber", "donat", "contribution", "support us", "readers like you",
            "your support", "our mission", "readers like you", "newsletter", "sign up", "register",
            "journalism", "membership", "member", "paywall", "unlimited", "inbox", "free trial",
        ],
        CreditPrefixes =
        [
            "photo:", "photo credit", "photos:", "photograph:", "image:", "image source", "image caption",
            "picture:", "pictured:", "credit:", "credits:", "illustration:", "file photo", "(photo",
            "(image", "(file photo", "caption:", "video:", "graphic:", "source image",
        ],
        CreditWords =
        [
            "getty images", "getty", "afp", "ap photo", "reuters", "epa", "shutterstock", "istock",
            "bloomberg", "via reuters", "file photo", "photo", "photos", "photograph", "pool",
            "press office", "handout", "courtesy", "wikimedia", "alamy", "anadolu", "xinhua", "pti",
            "ani", "ians", "sopa images", "nurphoto", "zuma", "imago", "dpa", "office",
        ],
        ContributorPhrases =
        [
            "contributed to this report", "contributed reporting", "contributed to this story", "contributed to this article",
            "additional reporting by", "reporting by", "edited by", "editing by", "compiled by", "writing by",
        ],
        InlineArtifacts = [", opens new tab", " opens new tab", "(opens in new window)", "(opens in a new tab)", "(opens new window)"],
        CommentSectionLabels =
        [
            "comments", "comment", "show comments", "view comments", "reader comments", "readers' comments",
            "leave a comment", "leave a reply", "post a comment", "add a comment", "join the conversation",
            "join the discussion", "discussion", "responses", "conversation",
        ],
        CommentMarkers = ["reply", "replies", "report", "like", "likes", "share", "flag", "upvote", "downvote", "ago", "report abuse", "load more comments"],
        BylinePrefixes = ["by ", "written by ", "words by ", "story by ", "reported by ", "author:", "authors:"],
        TimestampPrefixes =
        [
            "published", "updated", "last updated", "posted", "first published", "modified", "date:",
            "published on", "updated on", "posted on",
        ],
    };

    private static FrozenSet<string> Set(params string[] items) => items.ToFrozenSet(StringComparer.Ordinal);
}
