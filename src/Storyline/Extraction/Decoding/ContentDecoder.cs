using System.Text;
using System.Text.RegularExpressions;

namespace Storyline.Extraction.Decoding;

/// <summary>How the bytes of a document were turned into text.</summary>
internal enum EncodingSource
{
    Bom,
    Declared,
    MetaTag,
    ValidUtf8,
    Detected,
}

/// <summary>
/// Decodes document bytes, in the order of precedence of the HTML standard's encoding sniffing
/// (WHATWG "determine the character encoding"): byte order mark, the transport's charset (HTTP
/// Content-Type), a <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> declaration in the first bytes,
/// then detection: UTF-8 when the bytes are valid UTF-8, UTF-16 without BOM recognised by its NUL
/// pattern, else Windows-1252 (what browsers assume for legacy Western pages).
/// </summary>
internal static partial class ContentDecoder
{
    /// <summary>How many leading bytes are searched for a meta charset declaration (the standard says 1024; pages often put it later).</summary>
    private const int MetaScanBytes = 4096;

    /// <summary>NUL characters tolerated in a text sample before it counts as binary.</summary>
    private const int MaxStrayNuls = 1;

    /// <summary>How many bytes are sampled for binary and UTF-16 detection.</summary>
    private const int SampleBytes = 8192;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    [GeneratedRegex(@"<meta[^>]{0,200}?charset\s*=\s*[""']?\s*(?<cs>[A-Za-z0-9_.:\-]{2,40})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    static ContentDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (string Text, Encoding Encoding, EncodingSource Source) Decode(ReadOnlySpan<byte> bytes, string? declaredCharset, bool html)
    {
        // 1. Byte order mark.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return (Encoding.UTF8.GetString(bytes[3..]), Encoding.UTF8, EncodingSource.Bom);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return (Encoding.Unicode.GetString(bytes[2..]), Encoding.Unicode, EncodingSource.Bom);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), Encoding.BigEndianUnicode, EncodingSource.Bom);

        // 2. UTF-16 without BOM: ASCII text leaves every other byte NUL. Checked before declarations,
        //    which cannot be read from such bytes anyway.
        if (DetectUtf16(bytes) is { } utf16)
            return (utf16.GetString(bytes), utf16, EncodingSource.Detected);

        // 3. The charset the transport named.
        if (Resolve(declaredCharset) is { } declared)
            return (declared.GetString(bytes), declared, EncodingSource.Declared);

        // 4. A declaration inside the HTML.
        if (html)
        {
            var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, MetaScanBytes)]);
            var m = MetaCharset().Match(head);
            if (m.Success && Resolve(m.Groups["cs"].Value) is { } meta)
            {
                // A page declaring a legacy charset but written in valid UTF-8 is common; valid UTF-8 wins.
                if (meta.CodePage != Encoding.UTF8.CodePage && IsValidUtf8(bytes) && HasNonAscii(bytes))
                    return (Encoding.UTF8.GetString(bytes), Encoding.UTF8, EncodingSource.ValidUtf8);
                // The reverse mislabel (legacy bytes declared UTF-8) reads best as Windows-1252.
                if (meta.CodePage == Encoding.UTF8.CodePage && !IsValidUtf8(bytes))
                {
                    var legacy = Encoding.GetEncoding(1252);
                    return (legacy.GetString(bytes), legacy, EncodingSource.Detected);
                }
                return (meta.GetString(bytes), meta, EncodingSource.MetaTag);
            }
        }

        // 5. Detection.
        if (IsValidUtf8(bytes))
            return (Encoding.UTF8.GetString(bytes), Encoding.UTF8, EncodingSource.ValidUtf8);
        var cp1252 = Encoding.GetEncoding(1252);
        return (cp1252.GetString(bytes), cp1252, EncodingSource.Detected);
    }

    /// <summary>An encoding for a charset label, with the WHATWG aliases that matter (latin1 and ascii mean Windows-1252).</summary>
    public static Encoding? Resolve(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        var name = charset.Trim().Trim('"', '\'').ToLowerInvariant();
        name = name switch
        {
            "iso-8859-1" or "latin1" or "latin-1" or "iso8859-1" or "l1" or "us-ascii" or "ascii" or "cp1252" or "x-cp1252" => "windows-1252",
            "utf8" => "utf-8",
            "unicode" or "utf-16" => "utf-16le",
            _ => name,
        };
        try
        {
            var e = Encoding.GetEncoding(name);
            // A page whose bytes are UTF-16 would not have a readable meta tag; a meta naming UTF-16 in an ASCII-compatible page means UTF-8 (WHATWG).
            return e is UnicodeEncoding ? Encoding.UTF8 : e;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static bool HasNonAscii(ReadOnlySpan<byte> bytes) => !Ascii.IsValid(bytes);

    private static Encoding? DetectUtf16(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        if (sample.Length < 8) return null;
        int evenNul = 0, oddNul = 0, pairs = sample.Length / 2;
        for (int i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenNul++;
            if (sample[i + 1] == 0) oddNul++;
        }
        // Mostly-ASCII UTF-16: one byte of each pair is NUL, the other almost never.
        Encoding? candidate = null;
        if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) candidate = Encoding.Unicode;
        else if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) candidate = Encoding.BigEndianUnicode;
        if (candidate is null) return null;
        // Binary data can have the same NUL pattern; real UTF-16 text decodes to mostly printable characters.
        var text = candidate.GetString(sample[..(sample.Length & ~1)]);
        int printable = 0;
        foreach (char c in text)
        {
            if (c >= 0x20 || c is '\t' or '\n' or '\r') printable++;
        }
        return printable >= text.Length * 0.95 ? candidate : null;
    }

    /// <summary>
    /// True when decoded text is binary data rather than writing: NUL characters, or many control
    /// characters other than tab, line feed, carriage return and form feed.
    /// </summary>
    public static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, SampleBytes));
        if (sample.Length == 0) return false;
        int control = 0, nul = 0;
        foreach (char c in sample)
        {
            if (c == '\0') nul++;
            if (c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f')) control++;
            else if (c == '\uFFFD') control++;
        }
        // One stray NUL happens in real pages; binary formats have them everywhere.
        return nul > MaxStrayNuls || control > sample.Length * 0.05 + 2;
    }
}
