using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Storyline.Documents;
using Storyline.Language;
using Storyline.Language.Entities;
using static Storyline.Tests.Language.Entities.EntityTestKit;

namespace Storyline.Tests.Language.Entities;

public sealed class EntityTaggerTests
{
    [Fact]
    public void ShippedModelLoadsQuickly()
    {
        using var stream = typeof(EntityTagger).Assembly.GetManifestResourceStream(EntityTagger.ModelResource);
        stream.ShouldNotBeNull();
        stream.Length.ShouldBeLessThan(30L * 1024 * 1024);
        var clock = Stopwatch.StartNew();
        var model = NerModel.Load(stream);
        clock.Stop();
        model.ShouldNotBeNull();
        // the target is well under a second; the bound leaves room for a loaded CI machine
        clock.Elapsed.TotalSeconds.ShouldBeLessThan(3);
    }

    [Fact]
    public void RejectsAStreamThatIsNotAModel()
    {
        using var stream = new MemoryStream([1, 2, 3, 4]);
        Should.Throw<Exception>(() => NerModel.Load(stream));
    }

    [Fact]
    public void FindsPeoplePlacesAndOrganisationsWithTitlesAsRoles()
    {
        var doc = Annotate("President Joe Biden met Prime Minister Keir Starmer in London on Tuesday, the White House said.");
        var biden = Single(doc, "Joe Biden");
        biden.Type.ShouldBe(EntityType.PER);
        biden.Role.ShouldBe("President");
        var starmer = Single(doc, "Keir Starmer");
        starmer.Type.ShouldBe(EntityType.PER);
        starmer.Role.ShouldBe("Prime Minister");
        Single(doc, "London").Type.ShouldBe(EntityType.LOC);
        Single(doc, "White House").Type.ShouldBe(EntityType.ORG);
    }

    [Fact]
    public void AttachesALongRoleToThePersonItDescribes()
    {
        var doc = Annotate("White House national security spokesperson John Kirby said the gaps were narrowing.");
        var kirby = Single(doc, "John Kirby");
        kirby.Type.ShouldBe(EntityType.PER);
        kirby.Role.ShouldBe("White House national security spokesperson");
    }

    [Fact]
    public void RolesInAppositionAttachToThePerson()
    {
        var after = Annotate("Ingrid Falk, a structural engineer who reviewed the plans, said the dam was safe.");
        Single(after, "Ingrid Falk").Role.ShouldBe("structural engineer");
        var before = Annotate("The ministry's former chief economist, Paul Renner, disagreed.");
        Single(before, "Paul Renner").Role.ShouldBe("ministry's former chief economist");
    }

    [Fact]
    public void APersonSpanWithACourtesyTitleInsideIsTwoPeople()
    {
        // a caption credit run into the next sentence, tagged as one person span
        var entities = BuildFromSpans("Sketch courtesy Nora Quill Mr Halvard said the dose was high.", ("Nora Quill Mr Halvard", EntityType.PER));

        entities.Select(e => (e.Text, e.Type)).ShouldBe([("Nora Quill", EntityType.PER), ("Halvard", EntityType.PER)]);
        entities[1].Role.ShouldBeNull();
    }

    [Fact]
    public void AnOrganisationRightBeforeAPersonLeavesThePersonsTitle()
    {
        var entities = BuildFromSpans("The head of the Harbour Authority Gen. Ilse Varga spoke.",
            ("Harbour Authority Gen.", EntityType.ORG), ("Ilse Varga", EntityType.PER));

        entities.Select(e => (e.Text, e.Type)).ShouldBe([("Harbour Authority", EntityType.ORG), ("Ilse Varga", EntityType.PER)]);
        entities[1].Role.ShouldBe("head of the Harbour Authority Gen.");
    }

    [Fact]
    public void AnInitialAloneIsNoPerson()
    {
        var entities = BuildFromSpans("She wrote on X. Then J. Ortiz replied.", ("X.", EntityType.PER), ("J. Ortiz", EntityType.PER));

        entities.Select(e => e.Text).ShouldBe(["J. Ortiz"]);
    }

    [Fact]
    public void CourtesyTitlesLeaveTheNameButAreNoRole()
    {
        var doc = Annotate("Mr. Daniel Ortega spoke after Gen. Maria Lopez arrived.");
        var ortega = Single(doc, "Daniel Ortega");
        ortega.Type.ShouldBe(EntityType.PER);
        ortega.Role.ShouldBeNull();
        Single(doc, "Maria Lopez").Role.ShouldBe("Gen.");
    }

    [Fact]
    public void NationalitiesAreMisc()
    {
        var doc = Annotate("The French minister met Kenyan officials in Nairobi.");
        Single(doc, "French").Type.ShouldBe(EntityType.MISC);
        Single(doc, "Nairobi").Type.ShouldBe(EntityType.LOC);
    }

    [Fact]
    public void TagTokensGivesIob2TagsPerToken()
    {
        var tags = EntityTagger.Default.TagTokens(["Angela", "Merkel", "visited", "Paris", "."]);
        tags.ShouldBe(["B-PER", "I-PER", "O", "B-LOC", "O"]);
    }

    [Fact]
    public void ConllRunnerPassesDocumentMarksAndWritesOneTagPerToken()
    {
        var input = "-DOCSTART-\n\nGeneral\nMotors\ncut\njobs\nin\nDetroit\n.\n\nIt\nwill\nhire\n.\n";
        var output = new StringWriter();
        ConllTagger.Run(new StringReader(input), output);
        var lines = output.ToString().Split('\n');
        lines[0].ShouldBe("-DOCSTART-");
        lines[1].ShouldBe("");
        lines.Count(l => l.Contains('\t')).ShouldBe(11);
        lines.ShouldContain("Detroit\tB-LOC");
        lines[2].ShouldStartWith("General\t");
    }

    [Fact]
    public void AnyTextGivesEntitiesInsideItsTokens()
    {
        var words = Gen.Elements("Ana", "Ruiz", "U.S.", "(", "ICC", ")", "President", "said", ",", "and", "the", "\u2019s", "\n", ".", "\u201C", "Mr.", "of", "Court", "7");
        var texts = Gen.ListOf(words).Select(ws => string.Join(" ", ws));
        Check.QuickThrowOnFailure(Prop.ForAll(texts.ToArbitrary(), text =>
        {
            var doc = Annotate(text);
            foreach (var e in doc.Entities)
            {
                if (e.Span.Start < 0 || e.Span.End > text.Length || e.Span.IsEmpty) return false;
                if (EntityBuilderText(text, e) != e.Text || string.IsNullOrEmpty(e.Canonical)) return false;
            }
            return true;
        }));
    }

    private static string EntityBuilderText(string text, Entity e) =>
        string.Join(' ', e.Span.Of(text).Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void EmptyAndOddInputDoNotThrow()
    {
        Annotate("").Entities.ShouldBeEmpty();
        Annotate("   \n\n  ").Entities.ShouldBeEmpty();
        Should.NotThrow(() => Annotate("\u201C\u2019s \u2019 ( ) ... \uD83D\uDE00 U.S. \u2014 -- 1,2,3"));
        EntityTagger.Default.TagTokens([]).ShouldBeEmpty();
    }

    [Fact]
    public void ANameDoesNotStartOrEndWithPunctuation()
    {
        var text = "Photo — Lena Marsh-Okoye , said .";
        var doc = AnnotatedDocument.For(new Article { Id = "p", Source = "p", Text = text });
        doc = SentenceSplitter.Instance.Annotate(Tokenizer.Instance.Annotate(doc));
        doc.Tokens.Length.ShouldBe(7);
        // labels as a tagger might give them: the dash opens the name and the comma closes it; "." alone is a name
        int[] labels =
        [
            NerLabels.O, NerLabels.Make('B', 0), NerLabels.Make('I', 0), NerLabels.Make('I', 0), NerLabels.Make('L', 0),
            NerLabels.O, NerLabels.Make('U', 1),
        ];
        var entities = EntityBuilder.Build(doc, labels);
        entities.ShouldHaveSingleItem().Text.ShouldBe("Lena Marsh-Okoye");
    }
}
