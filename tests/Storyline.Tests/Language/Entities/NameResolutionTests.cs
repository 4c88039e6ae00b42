using Storyline.Documents;
using Storyline.Language.Entities;
using static Storyline.Tests.Language.Entities.EntityTestKit;

namespace Storyline.Tests.Language.Entities;

public sealed class NameResolutionTests
{
    [Fact]
    public void ASurnameResolvesToTheFullNameInTheSameArticle()
    {
        var doc = Annotate("Foreign Minister Anna Lindqvist arrived in Oslo on Monday.\n\nLindqvist said the talks would go on. Lindqvist's aides declined to comment.");
        var mentions = doc.Entities.Where(e => e.Type == EntityType.PER).ToList();
        mentions.Count.ShouldBeGreaterThanOrEqualTo(3);
        mentions.ShouldAllBe(e => e.Canonical == "Anna Lindqvist");
        mentions.Where(e => e.Text == "Lindqvist").Count().ShouldBe(2);
    }

    [Fact]
    public void AnAcronymDefinedInTheTextResolvesToTheOrganisation()
    {
        var doc = Annotate("A spokesman for the Israel Defense Forces (IDF) said troops had withdrawn. The IDF gave no figures.");
        var idf = doc.Entities.Where(e => e.Text == "IDF").ToList();
        idf.Count.ShouldBe(2);
        idf.ShouldAllBe(e => e.Canonical == "Israel Defense Forces" && e.Type == EntityType.ORG);
    }

    [Fact]
    public void CountryVariantsShareOneCanonicalPlace()
    {
        var doc = Annotate("The U.S. envoy left. US officials said the United States would stay.");
        var us = doc.Entities.Where(e => e.Canonical == "United States").ToList();
        us.Count.ShouldBe(3);
        us.ShouldAllBe(e => e.Type == EntityType.LOC);
    }

    private static AnnotatedDocument Doc(string id, string text, params (string Text, EntityType Type)[] entities)
    {
        var list = new List<Entity>();
        foreach (var (t, type) in entities)
        {
            int at = text.IndexOf(t, StringComparison.Ordinal);
            list.Add(new Entity(new TextSpan(at, at + t.Length), t, type, t));
        }
        return AnnotatedDocument.For(new Article { Id = id, Source = id, Text = text }) with { Entities = list };
    }

    [Fact]
    public void ABareSurnameInOneArticleResolvesToTheFullNameSeenInAnother()
    {
        var a = Doc("a", "Mayor Carla Ruiz opened the bridge.", ("Carla Ruiz", EntityType.PER));
        var b = Doc("b", "Ruiz said it was safe. Ortega disagreed.", ("Ruiz", EntityType.PER), ("Ortega", EntityType.PER));
        var (docs, index) = NameResolver.ResolveAndIndex([a, b]);
        docs[1].Entities[0].Canonical.ShouldBe("Carla Ruiz");
        docs[1].Entities[1].Canonical.ShouldBe("Ortega"); // nobody else is called Ortega: stays as written
        var entry = index["Carla Ruiz"].ShouldNotBeNull();
        entry.Aliases.ShouldBe(["Carla Ruiz", "Ruiz"]);
        entry.Mentions.ShouldBe(2);
        index.Resolve("Ruiz").ShouldBe("Carla Ruiz");
    }

    [Fact]
    public void AnAmbiguousSurnameIsLeftAlone()
    {
        var a = Doc("a", "Tom Hale and Jo Hale spoke.", ("Tom Hale", EntityType.PER), ("Jo Hale", EntityType.PER));
        var b = Doc("b", "Hale left.", ("Hale", EntityType.PER));
        var docs = NameResolver.ResolveAcross([a, b]);
        docs[1].Entities[0].Canonical.ShouldBe("Hale");
    }

    [Fact]
    public void AnAcronymResolvesAcrossArticlesByInitials()
    {
        var a = Doc("a", "The International Criminal Court ruled.", ("International Criminal Court", EntityType.ORG));
        var b = Doc("b", "The ICC ruled again.", ("ICC", EntityType.ORG));
        var docs = NameResolver.ResolveAcross([a, b]);
        docs[1].Entities[0].Canonical.ShouldBe("International Criminal Court");
    }

    [Fact]
    public void AShortGivenNameAndTheFullOneAreOnePersonAcrossArticles()
    {
        var a = Doc("a", "Edward Tolland, the family's lawyer, spoke. Edward Tolland left.", ("Edward Tolland", EntityType.PER), ("Edward Tolland", EntityType.PER));
        var b = Doc("b", "Ed Tolland said the hearing was over. Tolland left.", ("Ed Tolland", EntityType.PER), ("Tolland", EntityType.PER));
        var c = Doc("c", "Mike Amos and Mick Amos are one man; Ted Ruiz is another.", ("Mike Amos", EntityType.PER), ("Mick Amos", EntityType.PER), ("Ted Ruiz", EntityType.PER));
        var (docs, index) = NameResolver.ResolveAndIndex([a, b, c]);
        docs[1].Entities.Select(e => e.Canonical).ShouldBe(["Edward Tolland", "Edward Tolland"]);
        index["Edward Tolland"].ShouldNotBeNull().Aliases.ShouldBe(["Ed Tolland", "Edward Tolland", "Tolland"]);
        // two short forms of one name are one person too; an unrelated given name is not
        docs[2].Entities[0].Canonical.ShouldBe(docs[2].Entities[1].Canonical);
        docs[2].Entities[2].Canonical.ShouldBe("Ted Ruiz");
    }

    [Fact]
    public void GivenNameVariantsUnifyUnderTheFormUsedMost()
    {
        var map = NameResolver.UnifyGivenNames(new Dictionary<string, int>
        {
            ["Bill Carver"] = 3, ["William Carver"] = 1, ["Will Carver"] = 1, ["Chris Bell"] = 1, ["Christopher Bell"] = 1, ["Tom Bell"] = 2,
        });
        map["William Carver"].ShouldBe("Bill Carver");
        map["Will Carver"].ShouldBe("Bill Carver");
        map["Chris Bell"].ShouldBe("Christopher Bell"); // a tie goes to the longer given name
        map.ShouldNotContainKey("Tom Bell");
        map.ShouldNotContainKey("Bill Carver");
        GivenNames.Match("Kate", "Katherine").ShouldBeTrue();
        GivenNames.Match("Kate", "Kathy").ShouldBeTrue(); // both short for Katherine
        GivenNames.Match("Tom", "Tim").ShouldBeFalse();
    }

    [Fact]
    public void AGivenNameAloneResolvesToTheOnePersonWhoBearsItInTheArticle()
    {
        var doc = Annotate("Rosalind Varga, the singer's mother, arrived in court on Monday with her son Dominic Varga.\n\n"
            + "Rosalind Varga wept as the verdict was read. Rosalind said she would appeal, and Dominic stood beside her.");
        var rosalind = doc.Entities.Where(e => e.Text == "Rosalind").ToList();
        rosalind.ShouldNotBeEmpty(string.Join("; ", doc.Entities.Select(e => $"{e.Type} {e.Text}")));
        rosalind.ShouldAllBe(e => e.Type == EntityType.PER && e.Canonical == "Rosalind Varga");
    }

    [Fact]
    public void AGivenNameTwoPeopleShareStaysAsWritten()
    {
        var doc = Annotate("Michael Okafor and Michael Brandt met on Tuesday.\n\nMichael said the deal was close.");
        doc.Entities.Where(e => e.Text == "Michael").ShouldAllBe(e => e.Canonical == "Michael");
    }

    [Fact]
    public void TitlesWithoutAFullStopStayOutOfTheName()
    {
        var doc = Annotate("The Rev Jesse Marlow led the prayers, and Det Insp Carol Penn said the inquiry was closed.");
        var marlow = Single(doc, "Jesse Marlow");
        marlow.Role.ShouldBe("Rev");
        Single(doc, "Carol Penn").Role.ShouldBe("Det Insp");
    }

    [Fact]
    public void AnOrganisationNamedByItsLastWordResolvesToTheLongerName()
    {
        var entities = BuildFromSpans(
            "The Harbour Gazette reported the deal. The Gazette said the Port Council and the City Council disagreed; the Council met later.",
            ("Harbour Gazette", EntityType.ORG), ("Gazette", EntityType.ORG), ("Port Council", EntityType.ORG),
            ("City Council", EntityType.ORG), ("Council", EntityType.ORG));

        entities.Select(e => (e.Text, e.Canonical)).ShouldBe(
        [
            ("Harbour Gazette", "Harbour Gazette"), ("Gazette", "Harbour Gazette"),
            ("Port Council", "Port Council"), ("City Council", "City Council"), ("Council", "Council"),
        ]);
    }
}
