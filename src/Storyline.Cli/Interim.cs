// Interim stand-ins until the extraction stage lands; removed when it does.
using System.Text;
using Storyline.Documents;
using Storyline.Sources;

namespace Storyline.Extraction
{
    public sealed class UnreadableContentException(string message) : Exception(message);

    public sealed class ArticleExtractor
    {
        public static ArticleExtractor Default { get; } = new();

        public Article Extract(RawDocument raw)
        {
            var text = raw.Text ?? Encoding.UTF8.GetString(raw.Bytes ?? []);
            if (text.Contains('\0')) throw new UnreadableContentException("binary content, not text or HTML");
            return new Article
            {
                Id = raw.Id, Source = raw.Source, Url = raw.Url, Title = raw.Title, Outlet = raw.Outlet,
                Published = raw.Published, PublishedFrom = raw.Published is null ? Provenance.None : Provenance.Supplied,
                Text = text.Replace("\r\n", "\n").Trim(),
                Flags = string.IsNullOrWhiteSpace(text) ? [ArticleFlags.TooShort] : [],
            };
        }
    }
}
