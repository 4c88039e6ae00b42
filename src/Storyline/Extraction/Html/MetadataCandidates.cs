using Storyline.Documents;

namespace Storyline.Extraction.Html;

/// <summary>One value found for a metadata field, where it was found and how much that source is trusted.</summary>
internal readonly record struct Candidate<T>(T Value, Provenance From, double Weight);

/// <summary>Every value the page states for each metadata field, before voting.</summary>
internal sealed class MetadataCandidates
{
    public List<Candidate<string>> Titles { get; } = [];
    public List<Candidate<string>> Bylines { get; } = [];
    public List<Candidate<DateText.Found>> Published { get; } = [];
    public List<Candidate<DateText.Found>> Modified { get; } = [];
    public List<Candidate<string>> Outlets { get; } = [];
    public List<Candidate<string>> Languages { get; } = [];
    public List<Candidate<string>> Sections { get; } = [];
    public List<Candidate<string>> CanonicalUrls { get; } = [];
    public List<string> JsonLdBodies { get; } = [];
    public List<string> Types { get; } = [];
    public bool NotFreeToRead { get; set; }
}

/// <summary>Trust of each metadata source when votes are summed (structured data first, guesses last).</summary>
public sealed record MetadataWeights
{
    public double JsonLd { get; init; } = 5;
    public double OpenGraph { get; init; } = 4;
    public double MetaTag { get; init; } = 3;
    public double TimeElement { get; init; } = 2;
    public double Visible { get; init; } = 1.5;
    public double Url { get; init; } = 1;
    public double TitleElement { get; init; } = 2;
    public double Heading { get; init; } = 3;
}
