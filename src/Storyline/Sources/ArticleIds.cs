using System.Security.Cryptography;
using System.Text;

namespace Storyline.Sources;

/// <summary>The stable article ids of the evaluation contract.</summary>
public static class ArticleIds
{
    private static readonly string[] KnownExtensions =
        [".gz", ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".jsonl", ".json", ".warc", ".xml", ".rss", ".atom"];

    /// <summary>A file's name without its known extensions: <c>abc.html.gz</c> → <c>abc</c>.</summary>
    public static string FromFileName(string path)
    {
        var name = Path.GetFileName(path);
        bool stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var ext in KnownExtensions)
            {
                if (name.Length > ext.Length && name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
                {
                    name = name[..^ext.Length];
                    stripped = true;
                    break;
                }
            }
        }
        return name;
    }

    /// <summary>A short stable hash of a URL or of content, for inputs without a name.</summary>
    public static string FromContent(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    public static string FromContent(ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(content, hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
