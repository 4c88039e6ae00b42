using Storyline.Documents;

namespace Storyline.Language;

/// <summary>Names of the annotation layers a component can need or produce.</summary>
public static class Layers
{
    public const string Tokens = "tokens";
    public const string Sentences = "sentences";
    public const string Entities = "entities";
    public const string Quotes = "quotes";
    public const string Figures = "figures";
    public const string Times = "times";
}

/// <summary>
/// One step of the language pipeline. Implementations are immutable and thread-safe: the same instance
/// annotates many documents in parallel.
/// </summary>
public interface IAnnotator
{
    string Name { get; }

    IReadOnlyCollection<string> Requires { get; }

    IReadOnlyCollection<string> Produces { get; }

    AnnotatedDocument Annotate(AnnotatedDocument document);
}

/// <summary>Thrown when a pipeline is assembled in an order that leaves a requirement unmet.</summary>
public sealed class PipelineOrderException(string message) : InvalidOperationException(message);

/// <summary>Collects annotators and checks once that every requirement is produced earlier.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IAnnotator> _steps = [];

    public PipelineBuilder Add(IAnnotator annotator)
    {
        _steps.Add(annotator);
        return this;
    }

    public LanguagePipeline Build()
    {
        var have = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in _steps)
        {
            foreach (var need in step.Requires)
            {
                if (!have.Contains(need))
                    throw new PipelineOrderException(
                        $"'{step.Name}' needs the '{need}' layer, which no earlier step produces.");
            }
            have.UnionWith(step.Produces);
        }
        return new LanguagePipeline([.. _steps]);
    }
}

/// <summary>A sealed, ordered set of annotators; safe to share across threads.</summary>
public sealed class LanguagePipeline
{
    private readonly IAnnotator[] _steps;

    internal LanguagePipeline(IAnnotator[] steps) => _steps = steps;

    public IReadOnlyList<IAnnotator> Steps => _steps;

    public AnnotatedDocument Annotate(Article article) => Annotate(AnnotatedDocument.For(article));

    public AnnotatedDocument Annotate(AnnotatedDocument document)
    {
        foreach (var step in _steps)
            document = step.Annotate(document);
        return document;
    }
}
