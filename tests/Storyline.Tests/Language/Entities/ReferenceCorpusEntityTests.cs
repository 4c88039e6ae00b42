using System.Text.Json;
using Storyline.Documents;
using Storyline.Language.Entities;

namespace Storyline.Tests.Language.Entities;

/// <summary>The reference story's people, organisations and places (issue acceptance), read from the shared corpus.</summary>
public sealed class ReferenceCorpusEntityTests
{
    private static readonly string[] People =
        ["Kamala Harris", "Antony Blinken", "Yoav Gallant", "Yahya Sinwar", "Ismail Haniyeh", "Jake Sullivan", "Donald Trump", "CQ Brown"];

    private static readonly string[] Organisations = ["Hamas", "Hezbollah", "White House", "International Criminal Court"];

    private static readonly string[] Places = ["Gaza", "Rafah", "Israel", "Qatar", "Egypt"];

    private static (IReadOnlyList<AnnotatedDocument> Docs, NameIndex Index, string[] Speakers) Load()
    {
        var root = SharedData.Require("corpus/ceasefire");
        var docs = Directory.GetFiles(Path.Combine(root, "articles"), "*.txt").Order(StringComparer.Ordinal)
            .Select(p => EntityTestKit.Annotate(File.ReadAllText(p), Path.GetFileNameWithoutExtension(p)))
            .ToList();
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "gold.json")));
        var speakers = gold.RootElement.GetProperty("articles").EnumerateObject()
            .SelectMany(a => a.Value.GetProperty("quotes").EnumerateArray())
            .Select(q => q.GetProperty("speaker").GetString())
            .OfType<string>()
            .Where(s => s.Length > 0 && char.IsUpper(s[0])) // named people, not "senior ... official"
            .Distinct()
            .ToArray();
        var (resolved, index) = NameResolver.ResolveAndIndex(docs);
        return (resolved, index, speakers);
    }

    [SkippableFact]
    public void FindsEveryNamedSpeakerAndTheStorysPeopleWithFullNames()
    {
        var (docs, _, speakers) = Load();
        speakers.Length.ShouldBeGreaterThan(0);
        var people = docs.SelectMany(d => d.Entities).Where(e => e.Type == EntityType.PER).Select(e => e.Canonical).ToHashSet();
        foreach (var name in speakers.Concat(People))
            people.ShouldContain(name, $"person '{name}' missing; found: {string.Join(", ", people.Order())}");
    }

    [SkippableFact]
    public void FindsTheOrganisationsAndPlaces()
    {
        var (docs, _, _) = Load();
        var all = docs.SelectMany(d => d.Entities).ToList();
        foreach (var name in Organisations)
            all.ShouldContain(e => e.Canonical == name && e.Type == EntityType.ORG, $"organisation '{name}'");
        foreach (var name in Places)
            all.ShouldContain(e => e.Canonical == name && e.Type == EntityType.LOC, $"place '{name}'");
    }

    [SkippableFact]
    public void ShortMentionsOfTheMainPeopleResolveToTheirFullNames()
    {
        var (docs, index, _) = Load();
        index.Resolve("Biden").ShouldBe("Joe Biden");
        index.Resolve("Netanyahu").ShouldBe("Benjamin Netanyahu");
        index.Resolve("Kirby").ShouldBe("John Kirby");
        // no bare surname of these is left unresolved anywhere in the story
        docs.SelectMany(d => d.Entities).Where(e => e.Text is "Biden" or "Netanyahu" or "Harris")
            .ShouldAllBe(e => e.Canonical.Contains(' '));
    }

    [SkippableFact]
    public void JunkLinesDoNotChangeTheNamesFound()
    {
        // the same articles with every line of three words or fewer removed (navigation, captions, labels)
        var root = SharedData.Require("corpus/ceasefire");
        var people = new HashSet<string>();
        foreach (var p in Directory.GetFiles(Path.Combine(root, "articles"), "*.txt"))
        {
            var lines = File.ReadAllLines(p).Where(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 3);
            var doc = EntityTestKit.Annotate(string.Join("\n\n", lines));
            people.UnionWith(doc.Entities.Where(e => e.Type == EntityType.PER).Select(e => e.Canonical));
        }
        foreach (var name in new[] { "Joe Biden", "Benjamin Netanyahu", "John Kirby", "Kamala Harris" })
            people.ShouldContain(name);
    }
}
