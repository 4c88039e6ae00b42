using Storyline.Documents;

namespace Storyline.Extraction.Text;

/// <summary>What the cleaner kept, removed and learned about an article.</summary>
internal sealed record CleanedText(
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Removed,
    string? Title,
    string? Byline,
    Dateline? Dateline,
    DateOnly? VisibleDate,
    bool Paywall);

/// <summary>
/// Removes web junk from text copied off a news page, line by line, through named rules applied in order:
/// cue lines (navigation, advertisement slots, section labels), promo and trailer prefixes, photo credits,
/// repeated lines (a caption printed twice goes entirely), paywall and appeal blocks, then the head
/// (title, byline, date line, chrome before the first sentence) and the tail (chrome and link lists after
/// the last sentence), and finally a dateline opening the first paragraph becomes metadata.
/// A line is removed only by a rule that names it; a real sentence is never removed for being short.
/// </summary>
internal sealed class PlainTextCleaner
{
    private enum Role
    {
        Body,
        Removed,
        Title,
        Byline,
        Dateline,
    }

    private sealed class Line(string text)
    {
        public string Text { get; set; } = text;
        public string Folded { get; set; } = TextFolding.Fold(text);
        public int Words { get; set; } = TextFolding.CountWords(text);
        public bool Sentence { get; set; } = TextFolding.EndsLikeSentence(text);
        public Role Role { get; set; } = Role.Body;
    }

    private readonly CleanerOptions _options;
    private readonly BoilerplateCues _cues;

    public PlainTextCleaner(CleanerOptions options)
    {
        _options = options;
        _cues = options.Cues;
    }

    /// <summary>Splits raw text into lines (one paragraph per non-blank line) and cleans them.</summary>
    public CleanedText CleanText(string text, int? referenceYear) => Clean(SplitLines(text), referenceYear);

    public static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = TextFolding.NormalizeLine(text.AsSpan(range));
            if (line.Length > 0) lines.Add(line);
        }
        return lines;
    }

    public CleanedText Clean(IReadOnlyList<string> paragraphs, int? referenceYear)
    {
        var lines = new List<Line>(paragraphs.Count);
        foreach (var p in paragraphs)
        {
            if (p.Length > 0) lines.Add(new Line(p));
        }

        bool paywall = false;
        foreach (var line in lines)
        {
            if (IsCueLine(line) || IsPromo(line) || IsTrailer(line) || IsCredit(line) || IsSeparator(line) || IsContributorCredit(line))
                line.Role = Role.Removed;
            else
                CutInlineArtifacts(line);
        }
        RemoveRepeats(lines);
        paywall = RemovePaywallBlocks(lines);
        RemoveCommentSection(lines);

        string? title = null, byline = null;
        Dateline? dateline = null;
        DateOnly? visibleDate = null;
        if (_options.TrimEdges)
            TrimHead(lines, referenceYear, ref title, ref byline, ref dateline, ref visibleDate);
        if (_options.TrimEdges && _options.TrimTail)
            TrimTail(lines);

        // A dateline opening one of the first paragraphs (after a standfirst, say) becomes metadata;
        // the rest of the paragraph stays.
        int bodySeen = 0;
        foreach (var line in lines)
        {
            if (line.Role != Role.Body) continue;
            if (++bodySeen > _options.DatelineSearchParagraphs) break;
            if (DatelineReader.ReadPrefix(line.Text, referenceYear) is not { } prefix) continue;
            var rest = line.Text[prefix.Length..];
            if (TextFolding.CountWords(rest) < 3) continue;
            if (_options.StripDateline) line.Text = rest;
            dateline = dateline is null ? prefix.Dateline
                : dateline with { Place = dateline.Place ?? prefix.Dateline.Place, Date = dateline.Date ?? prefix.Dateline.Date };
            break;
        }

        var kept = new List<string>(lines.Count);
        var removed = new List<string>();
        foreach (var line in lines)
        {
            if (line.Role == Role.Body) kept.Add(line.Text);
            else if (line.Role == Role.Removed) removed.Add(line.Text);
        }
        return new CleanedText(kept, removed, title, byline, dateline, visibleDate, paywall);
    }

    // ---- rule: whole-line cues -------------------------------------------------------------

    private bool IsCueLine(Line line)
    {
        if (line.Words > 6) return false;
        var key = line.Folded.TrimEnd(':', '|', '>', '\u00BB', '\u203A', '.', ' ', '-');
        key = key.TrimStart('|', '-', '*', '#', ' ', '\u2022');
        return _cues.NavigationLines.Contains(key) || _cues.AdvertisementLines.Contains(key)
            || _cues.SectionLabels.Contains(key);
    }

    // ---- rule: separators ("___", "* * *") and contributor credits ------------------------

    private static bool IsSeparator(Line line)
    {
        foreach (char c in line.Text)
        {
            if (char.IsLetterOrDigit(c)) return false;
        }
        return true;
    }

    private bool IsContributorCredit(Line line) =>
        line.Words <= _options.MaxPromoWords && ContainsAny(line.Folded, _cues.ContributorPhrases);

    private void CutInlineArtifacts(Line line)
    {
        foreach (var artifact in _cues.InlineArtifacts)
        {
            if (!line.Folded.Contains(artifact, StringComparison.Ordinal)) continue;
            var cut = line.Text.Replace(artifact, "", StringComparison.OrdinalIgnoreCase);
            if (cut.Length == line.Text.Length) continue;
            line.Text = cut;
            line.Folded = TextFolding.Fold(cut);
            line.Words = TextFolding.CountWords(cut);
            line.Sentence = TextFolding.EndsLikeSentence(cut);
        }
    }

    // ---- rule: promo prefixes ("Also read: ...", "Watch | ...") ----------------------------

    private bool IsPromo(Line line)
    {
        var f = line.Folded.AsSpan();
        foreach (var prefix in _cues.PromoPrefixes)
        {
            if (!f.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = f[prefix.Length..].TrimStart();
            bool separated = prefix.EndsWith(':') || (rest.Length > 0 && rest[0] is ':' or '|' or '-' or '>' or '\u00BB' or '\u203A');
            if (!separated) continue;
            return TextFolding.CountWords(rest) <= _options.MaxPromoWords;
        }
        return false;
    }

    // ---- rule: trailers (disclaimers, agency credits, copyright) ---------------------------

    private bool IsTrailer(Line line)
    {
        var f = line.Folded.AsSpan();
        if (line.Words <= _options.MaxPromoWords && (f.Contains('\u00a9') || f.Contains("all rights reserved", StringComparison.Ordinal)))
            return true;
        foreach (var prefix in _cues.TrailerPrefixes)
        {
            if (f.StartsWith(prefix, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    // ---- rule: photo credits and captions carrying one -------------------------------------

    private bool IsCredit(Line line)
    {
        if (line.Words > _options.MaxCaptionWords) return false;
        var f = line.Folded.AsSpan();
        foreach (var prefix in _cues.CreditPrefixes)
        {
            if (f.StartsWith(prefix, StringComparison.Ordinal)) return true;
        }
        if (f.Contains("(photo:", StringComparison.Ordinal) || f.Contains("(photo by", StringComparison.Ordinal)
            || f.Contains("photo credit", StringComparison.Ordinal) || f.Contains("(image:", StringComparison.Ordinal))
            return true;
        return EndsWithCredit(line.Text);
    }

    /// <summary>
    /// True when the line ends in a separate credit segment: after " — ", " | " or a sentence end, a few
    /// capitalised words holding a slash ("Adam Smith/Reuters") or a credit word ("Getty Images").
    /// </summary>
    private bool EndsWithCredit(string text)
    {
        var t = text.AsSpan().TrimEnd().TrimEnd('.');
        int cut = -1;
        foreach (var sep in (ReadOnlySpan<string>)[" \u2014 ", " \u2013 ", " - ", " | ", ". ", " / "])
        {
            int i = t.LastIndexOf(sep, StringComparison.Ordinal);
            if (i > cut) cut = i + sep.Length;
        }
        if (cut <= 0) return false;
        return IsCreditSegment(t[cut..].Trim());
    }

    /// <summary>A few capitalised words holding a slash ("Adam Smith/Reuters") or a credit word ("Getty Images").</summary>
    private bool IsCreditSegment(ReadOnlySpan<char> segment)
    {
        segment = segment.Trim().TrimEnd('.').TrimStart("-\u2014\u2013|:(".AsSpan()).TrimEnd(')').Trim();
        if (segment.Length == 0 || TextFolding.CountWords(segment) > _options.MaxCreditWords) return false;
        // Every word capitalised (names, agencies), allowing small joiners.
        foreach (var range in segment.Split(' '))
        {
            var w = segment[range];
            if (w.Length == 0) continue;
            if (!char.IsUpper(w[0]) && !char.IsDigit(w[0]) && w is not ("via" or "for" or "of" or "and" or "the" or "de"))
                return false;
        }
        if (segment.Contains('/')) return true;
        var folded = TextFolding.Fold(segment);
        foreach (var word in _cues.CreditWords)
        {
            if (ContainsWord(folded, word)) return true;
        }
        return false;
    }

    private static bool ContainsWord(string haystack, string word)
    {
        int i = 0;
        while ((i = haystack.IndexOf(word, i, StringComparison.Ordinal)) >= 0)
        {
            bool startOk = i == 0 || !char.IsLetterOrDigit(haystack[i - 1]);
            int end = i + word.Length;
            bool endOk = end == haystack.Length || !char.IsLetterOrDigit(haystack[end]);
            if (startOk && endOk) return true;
            i = end;
        }
        return false;
    }

    // ---- rule: repeated lines --------------------------------------------------------------

    private void RemoveRepeats(List<Line> lines)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Words < _options.DuplicateMinWords) continue;
            if (seen.TryGetValue(line.Folded, out int j))
            {
                // Close together: a caption printed twice (image alt text and caption): both go.
                if (i - j <= _options.DuplicateWindow)
                {
                    lines[j].Role = Role.Removed;
                    line.Role = Role.Removed;
                }
                else if (_options.RemoveDistantRepeats)
                {
                    line.Role = Role.Removed;
                }
                continue;
            }
            seen[line.Folded] = i;

            // A caption followed (or preceded) by the same caption with its credit appended.
            for (int k = Math.Max(0, i - _options.DuplicateWindow); k < i; k++)
            {
                var other = lines[k];
                if (other.Words < 4) continue;
                if (IsCreditVariant(other, line) || IsCreditVariant(line, other))
                {
                    other.Role = Role.Removed;
                    line.Role = Role.Removed;
                }
            }
        }
    }

    /// <summary>The longer line is the shorter one with a picture credit appended (compared on original text).</summary>
    private bool IsCreditVariant(Line shorter, Line longer)
    {
        if (longer.Folded.Length <= shorter.Folded.Length || !longer.Folded.StartsWith(shorter.Folded, StringComparison.Ordinal)) return false;
        int cut = Math.Min(shorter.Text.Length, longer.Text.Length);
        return longer.Text.AsSpan().StartsWith(shorter.Text.AsSpan()) && IsCreditSegment(longer.Text.AsSpan(cut));
    }

    // ---- rule: readers' comments after the article -----------------------------------------

    /// <summary>
    /// A comment-section label in the second half of the text followed by thread furniture ("Reply",
    /// "2 hours ago") starts the readers' comments: everything from it on goes, sentences included.
    /// </summary>
    private void RemoveCommentSection(List<Line> lines)
    {
        int totalWords = 0;
        foreach (var l in lines) totalWords += l.Words;
        int seenWords = 0, labelsSeen = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            seenWords += line.Words;
            if (seenWords * 2 < totalWords || line.Words > 4) continue;
            var key = StripCount(line.Folded);
            bool label = false;
            foreach (var l in _cues.CommentSectionLabels)
            {
                if (key == l) label = true;
            }
            if (!label) continue;
            if (++labelsSeen > MaxCommentLabels) return;
            bool thread = false;
            // Thread furniture shows within the first few lines after the label (bounded: no quadratic scans).
            for (int j = i + 1; j < lines.Count && j <= i + CommentLookahead && !thread; j++)
            {
                if (lines[j].Words > 4) continue;
                var f = StripCount(lines[j].Folded);
                foreach (var m in _cues.CommentMarkers)
                {
                    if (f == m || f.EndsWith(" " + m, StringComparison.Ordinal)) thread = true;
                }
            }
            if (!thread) continue;
            for (int j = i; j < lines.Count; j++) lines[j].Role = Role.Removed;
            return;
        }
    }

    private const int CommentLookahead = 40;

    /// <summary>Only the first few labels are tried: a page has one comment section.</summary>
    private const int MaxCommentLabels = 3;

    /// <summary>"24 comments" → "comments", "comments (24)" → "comments".</summary>
    private static string StripCount(string folded)
    {
        var s = folded.Trim().TrimEnd(')').TrimEnd("0123456789".ToCharArray()).TrimEnd('(', ' ', ':');
        return s.TrimStart("0123456789".ToCharArray()).Trim();
    }

    // ---- rule: paywall, subscription and donation blocks ----------------------------------

    private bool RemovePaywallBlocks(List<Line> lines)
    {
        bool wall = false;
        bool inBlock = false;
        foreach (var line in lines)
        {
            bool prompt = IsPrompt(line);
            if (prompt)
            {
                line.Role = Role.Removed;
                inBlock = true;
                wall |= ContainsAny(line.Folded, _cues.WallPhrases);
                continue;
            }
            if (!inBlock) continue;
            // Inside a block: short lines and appeals (two appeal words at least: "a member of parliament"
            // is news) go; any other line ends the block.
            if (line.Words <= _options.MaxEdgeWords || CountAny(line.Folded, _cues.AppealWords) >= 2)
                line.Role = Role.Removed;
            else if (line.Role == Role.Body)
                inBlock = false;
        }
        return wall;
    }

    /// <summary>
    /// A subscription, donation or newsletter prompt. A short line needs one cue phrase; a longer one
    /// (up to <see cref="CleanerOptions.MaxPaywallLineWords"/>) needs two: prose that happens to use one
    /// such phrase ("until you've reached 59", "unlimited access to the archive") is not a prompt.
    /// </summary>
    private bool IsPrompt(Line line)
    {
        if (line.Words > _options.MaxPaywallLineWords) return false;
        int hits = 0;
        foreach (var p in _cues.PaywallPhrases)
        {
            if (line.Folded.Contains(p, StringComparison.Ordinal)) hits++;
        }
        if (hits == 0) return false;
        return line.Words <= _options.MaxEdgeWords || hits >= 2;
    }

    private static int CountAny(string folded, IReadOnlyList<string> phrases)
    {
        int n = 0;
        foreach (var p in phrases)
        {
            if (folded.Contains(p, StringComparison.Ordinal)) n++;
        }
        return n;
    }

    private static bool ContainsAny(string folded, IReadOnlyList<string> phrases)
    {
        foreach (var p in phrases)
        {
            if (folded.Contains(p, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    // ---- rule: the head (title, byline, date line, chrome before the first sentence) ------

    private bool IsBodyStart(Line line) =>
        (line.Sentence && line.Words >= _options.BodyMinSentenceWords) || line.Words >= _options.BodyMinWords;

    private void TrimHead(List<Line> lines, int? referenceYear, ref string? title, ref string? byline,
        ref Dateline? dateline, ref DateOnly? visibleDate)
    {
        int bodyStart = lines.FindIndex(l => l.Role == Role.Body && IsBodyStart(l));
        if (bodyStart < 0) return; // no prose at all: nothing can be told apart safely
        Line? titleLine = null;
        // On pages a standfirst often comes before the byline and date: the first lines are searched
        // for those (never for a title) even past the first sentence.
        int scan = _options.GentleHead ? Math.Min(lines.Count, Math.Max(bodyStart, _options.HeadScanLines)) : bodyStart;
        for (int i = 0; i < scan; i++)
        {
            var line = lines[i];
            if (line.Role != Role.Body) continue;
            if (i >= bodyStart && !(line.Words <= _options.MaxBylineWords * 3 && !IsBodyStart(line)
                || line.Folded.StartsWith("by ", StringComparison.Ordinal)
                || IsKnownTitle(line)))
                continue;
            if (byline is null && TryByline(line) is { } by)
            {
                byline = by;
                line.Role = Role.Removed;
                continue;
            }
            if (DatelineReader.ReadDateLine(line.Text, _options.MaxDateLineWords, referenceYear) is { } dl)
            {
                if (StartsWithAny(line.Folded, _cues.TimestampPrefixes))
                {
                    visibleDate ??= dl.Date;
                    line.Role = Role.Removed;
                }
                else
                {
                    dateline ??= dl;
                    line.Role = Role.Dateline;
                }
                continue;
            }
            if (IsKnownTitle(line))
            {
                line.Role = Role.Title;
                continue;
            }
            if (i < bodyStart && _options.DetectTitle && LooksLikeHeadline(line) && (titleLine is null || line.Words >= titleLine.Words))
                titleLine = line;
        }
        if (_options.GentleHead) return;
        if (titleLine is not null)
        {
            titleLine.Role = Role.Title;
            title = titleLine.Text;
        }
        for (int i = 0; i < bodyStart; i++)
        {
            var line = lines[i];
            if (line.Role == Role.Body && line.Words <= _options.MaxEdgeWords && !line.Sentence)
                line.Role = Role.Removed;
        }
    }

    private bool IsKnownTitle(Line line) => _options.KnownTitles is { } titles && titles.Contains(line.Folded);

    private bool LooksLikeHeadline(Line line)
    {
        if (line.Words < _options.TitleMinWords || line.Words > _options.TitleMaxWords) return false;
        var t = line.Text;
        if (t.EndsWith(':') || t.EndsWith(',') || t.EndsWith('|')) return false;
        char c = t[0];
        if (!(char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\u201C' or '\'' or '\u2018')) return false;
        // A headline starts with a capitalised word; a run-together label ("update deskU.S.") does not.
        return !line.Sentence || line.Words <= 14;
    }

    private string? TryByline(Line line)
    {
        if (line.Words > _options.MaxBylineWords * 3) return null;
        foreach (var prefix in _cues.BylinePrefixes)
        {
            if (!line.Folded.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var name = line.Text[prefix.Length..].Trim();
            if (name.Length < 3 || !char.IsUpper(name[0])) return null;
            // "By Jane Roe on Monday, November 18, 2019 at 11:08 a.m.": the names end where the date begins.
            var date = DateText.FindInText(name, null);
            if (date is { } d)
            {
                name = name[..d.Index];
                foreach (var joiner in (ReadOnlySpan<string>)[" on ", " | ", " - ", ", "])
                {
                    int j = name.LastIndexOf(joiner, StringComparison.Ordinal);
                    if (j > 0 && name.Length - j < 16) name = name[..j];
                }
                name = name.Trim(' ', ',', '|', '-');
            }
            if (TextFolding.CountWords(name) > _options.MaxBylineWords) return null;
            if (date is null && line.Sentence && line.Words > 6) return null;
            return name.Length < 3 ? null : name;
        }
        return null;
    }

    private static bool StartsWithAny(string folded, IReadOnlyList<string> prefixes)
    {
        foreach (var p in prefixes)
        {
            if (folded.StartsWith(p, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    // ---- rule: the tail (chrome and link lists after the last sentence) --------------------

    private void TrimTail(List<Line> lines)
    {
        // A run of headline-like lines at the end is a list of links, even when some headlines end in
        // punctuation ("Who pays for the dam?"); a run of short punctuated sentences is not.
        int run = 0, unpunctuated = 0;
        for (int i = lines.Count - 1; i >= 0; i--)
        {
            var line = lines[i];
            if (line.Role != Role.Body) continue;
            if (line.Words > _options.TrailingListMaxWords || line.Text.Contains(". ", StringComparison.Ordinal)) break;
            // Headlines end in a question or exclamation mark at most; a full stop is the article's prose.
            if (line.Sentence && line.Text.TrimEnd().TrimEnd('"', '\'', '\u201D', '\u2019', ')').EndsWith('.')) break;
            run++;
            if (!line.Sentence) unpunctuated++;
        }
        if (run >= _options.TrailingListMinLines && unpunctuated * 2 > run)
        {
            // Only the run goes: the run stopped at the first line that reads like the article.
            int removedCount = 0;
            for (int i = lines.Count - 1; i >= 0 && removedCount < run; i--)
            {
                if (lines[i].Role != Role.Body) continue;
                lines[i].Role = Role.Removed;
                removedCount++;
            }
        }

        int last = lines.FindLastIndex(l => l.Role == Role.Body && IsBodyStart(l));
        if (last < 0) return;
        // Everything short and unpunctuated after the last sentence is page furniture.
        for (int i = last + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Role == Role.Body && !line.Sentence && line.Words <= _options.TrailingListMaxWords)
                line.Role = Role.Removed;
        }
    }
}
