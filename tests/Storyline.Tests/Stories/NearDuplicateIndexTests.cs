using Storyline.Stories;

namespace Storyline.Tests.Stories;

public sealed class NearDuplicateIndexTests
{
    private const string Wire =
        "Floodwater from the failed Harlow Dam reached the outskirts of Millbrook late on Monday, forcing thousands " +
        "of residents to leave their homes as rescue teams worked through the night. The regional governor said " +
        "shelters had been opened in three schools and that the army would help with the evacuation. Engineers " +
        "warned that a second structure downstream was under pressure and could fail if the rain continued.";

    [Fact]
    public void AWireCopyWithALightRewriteIsFound()
    {
        var index = new NearDuplicateIndex();
        index.Add(Wire).ShouldBe(-1);
        string rewrite = "MILLBROOK (Northern Wire) - " + Wire.Replace("late on Monday", "on Monday night").Replace("three schools", "three local schools");
        index.Add(rewrite).ShouldBe(0);
        index.Group(1).ShouldBe(0);
        index.Similarity(0, 1).ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void ADifferentReportOnTheSameEventIsNotACopy()
    {
        var index = new NearDuplicateIndex();
        index.Add(Wire);
        const string other =
            "Residents of Millbrook spent a second night in school gyms after the Harlow Dam gave way. Volunteers " +
            "handed out blankets while the governor toured the flooded streets by boat and promised an inquiry into " +
            "the dam's maintenance records, which engineers say were incomplete for years.";
        index.Add(other).ShouldBe(-1);
        index.Group(1).ShouldBe(1);
        index.Similarity(0, 1).ShouldBeLessThan(0.2);
    }

    [Fact]
    public void EmptyAndTinyTextsNeverMatch()
    {
        var index = new NearDuplicateIndex();
        index.Add("").ShouldBe(-1);
        index.Add("Two words").ShouldBe(-1);
        index.Add("").ShouldBe(-1);
        index.Count.ShouldBe(3);
    }

    [Fact]
    public void CopiesChainIntoOneGroup()
    {
        var index = new NearDuplicateIndex();
        index.Add(Wire);
        index.Add(Wire + " Officials will give an update at noon.");
        index.Add("Updated: " + Wire + " Officials will give an update at noon on Tuesday.");
        index.Group(2).ShouldBe(0);
        index.Group(1).ShouldBe(0);
    }
}
