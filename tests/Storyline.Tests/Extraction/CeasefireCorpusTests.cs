using System.Text.Json;
using Storyline.Extraction;
using Storyline.Sources;

namespace Storyline.Tests.Extraction;

/// <summary>The plain-text cleaner on the reference corpus: every gold boilerplate line gone, every gold quote kept.</summary>
public sealed class CeasefireCorpusTests
{
    private static (Storyline.Documents.Article Article, JsonElement Gold)[] ExtractAll()
    {
        var gold = Gold.Load().GetProperty("articles");
        var result = new List<(Storyline.Documents.Article, JsonElement)>();
        foreach (var file in Directory.GetFiles(Gold.Articles, "*.txt").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            var raw = new RawDocument { Id = id, Source = file, Kind = ContentKind.Text, Bytes = File.ReadAllBytes(file) };
            result.Add((ArticleExtractor.Default.Extract(raw), gold.GetProperty(id)));
        }
        return [.. result];
    }

    [SkippableFact]
    public void EveryGoldBoilerplateLineIsRemoved()
    {
        foreach (var (article, gold) in ExtractAll())
        {
            var lines = article.Text.Split('\n').Select(Gold.Fold).ToArray();
            foreach (var b in gold.GetProperty("boilerplate").EnumerateArray())
            {
                var needle = Gold.Fold(b.GetString()!);
                lines.ShouldNotContain(l => l.Contains(needle), $"{article.Id}: '{needle}' still in the text");
            }
        }
    }

    [SkippableFact]
    public void EveryGoldQuoteIsKept()
    {
        foreach (var (article, gold) in ExtractAll())
        {
            var text = Gold.Fold(article.Text);
            foreach (var q in gold.GetProperty("quotes").EnumerateArray())
            {
                var needle = Gold.Fold(q.GetProperty("text").GetString()!);
                text.ShouldContain(needle, Case.Sensitive, $"{article.Id}: quote lost");
            }
        }
    }

    [SkippableFact]
    public void GoldTitlesAndTheDatelineAreFound()
    {
        foreach (var (article, gold) in ExtractAll())
        {
            if (gold.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String)
            {
                Gold.Fold(article.Title ?? "").ShouldBe(Gold.Fold(t.GetString()!), article.Id);
                Gold.Fold(article.Text).ShouldNotStartWith(Gold.Fold(t.GetString()!));
            }
            if (gold.TryGetProperty("dateline", out var d))
            {
                article.Dateline.ShouldNotBeNull(article.Id);
                article.Dateline!.Date.ShouldBe(DateOnly.Parse(d.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
                article.Dateline.Place.ShouldBe(d.GetProperty("place").GetString());
                article.Text.ShouldNotContain(d.GetProperty("date").GetString()!);
            }
        }
    }

    [SkippableFact]
    public void EveryGoldFigureAndTimeExpressionIsKept()
    {
        // Figures and dates are written in the articles' own sentences: losing one means a sentence was cut.
        foreach (var (article, gold) in ExtractAll())
        {
            var text = Gold.Fold(article.Text);
            var boilerplate = gold.GetProperty("boilerplate").EnumerateArray().Select(b => Gold.Fold(b.GetString()!)).ToArray();
            foreach (var layer in (string[])["figures", "times"])
            {
                foreach (var item in gold.GetProperty(layer).EnumerateArray())
                {
                    if (!item.TryGetProperty("text", out var t)) continue;
                    var needle = Gold.Fold(t.GetString()!);
                    if (boilerplate.Any(b => b.Contains(needle))) continue; // written only in a caption that must go
                    text.ShouldContain(needle, Case.Sensitive, $"{article.Id}: {layer} '{needle}' lost");
                }
            }
        }
    }
}
