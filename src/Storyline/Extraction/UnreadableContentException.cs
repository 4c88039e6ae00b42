namespace Storyline.Extraction;

/// <summary>
/// Thrown when a document's content cannot be read as text or HTML (binary data). The message is one
/// plain sentence meant for the user.
/// </summary>
public sealed class UnreadableContentException : Exception
{
    public UnreadableContentException(string message)
        : base(message)
    {
    }

    public UnreadableContentException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
