using System.Text;
using static Storyline.Tests.Extraction.ExtractionTestKit;

namespace Storyline.Tests.Extraction;

/// <summary>Each way a page's encoding is found, on small pages written for the test.</summary>
public sealed class EncodingTests
{
    static EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Sentence = "The café on the quay served crème brûlée — “the best in town”, the mayor said.";

    private static string PageWith(string head = "") =>
        $"<html><head>{head}</head><body><article><p>{Sentence}</p><p>{Sentence} Again, and again.</p></article></body></html>";

    [Fact]
    public void Utf8WithBom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(PageWith())).ToArray();
        HtmlBytes(bytes).Text.ShouldContain(Sentence);
    }

    [Fact]
    public void Utf16LittleEndianWithBom()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(PageWith())).ToArray();
        HtmlBytes(bytes).Text.ShouldContain(Sentence);
    }

    [Fact]
    public void Utf16WithoutBomIsDetectedByItsNulPattern()
    {
        HtmlBytes(Encoding.Unicode.GetBytes(PageWith())).Text.ShouldContain(Sentence);
        HtmlBytes(Encoding.BigEndianUnicode.GetBytes(PageWith())).Text.ShouldContain(Sentence);
    }

    [Fact]
    public void TheTransportCharsetIsUsed()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(PageWith());
        HtmlBytes(bytes, charset: "windows-1252").Text.ShouldContain(Sentence);
    }

    [Fact]
    public void AMetaCharsetIsUsed()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(PageWith("<meta charset=\"windows-1252\">"));
        HtmlBytes(bytes).Text.ShouldContain(Sentence);
    }

    [Fact]
    public void AnHttpEquivContentTypeIsUsed()
    {
        var bytes = Encoding.GetEncoding("iso-8859-15").GetBytes(PageWith("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-15\">").Replace("—", "-").Replace("“", "\"").Replace("”", "\""));
        HtmlBytes(bytes).Text.ShouldContain("crème brûlée");
    }

    [Fact]
    public void UndeclaredLegacyBytesFallBackToWindows1252()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(PageWith());
        HtmlBytes(bytes).Text.ShouldContain(Sentence);
    }

    [Fact]
    public void ValidUtf8WinsOverAWrongLegacyDeclaration()
    {
        var bytes = Encoding.UTF8.GetBytes(PageWith("<meta charset=\"iso-8859-1\">"));
        HtmlBytes(bytes).Text.ShouldContain(Sentence);
    }

    [Fact]
    public void LegacyBytesDeclaredAsUtf8AreReadAsWindows1252()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(PageWith("<meta charset=\"utf-8\">"));
        HtmlBytes(bytes).Text.ShouldContain(Sentence);
    }

    [Fact]
    public void PlainTextInWindows1252IsDecoded()
    {
        var text = Sentence + "\n\n" + Sentence + " It closed at ten.";
        var a = Storyline.Extraction.ArticleExtractor.Default.Extract(new Storyline.Sources.RawDocument
        {
            Id = "w", Source = "w.txt", Kind = Storyline.Sources.ContentKind.Text, Bytes = Encoding.GetEncoding(1252).GetBytes(text),
        });
        a.Text.ShouldContain(Sentence);
    }
}

/// <summary>Binary content is refused; text with one stray NUL is not.</summary>
public sealed class BinaryContentTests
{
    [Fact]
    public void ZeroFilledBytesAreBinary()
    {
        var bytes = new byte[2048];
        for (int i = 0; i < bytes.Length; i += 7) bytes[i] = (byte)'A';
        Should.Throw<Storyline.Extraction.UnreadableContentException>(() => Storyline.Extraction.ArticleExtractor.Default.Extract(
            new Storyline.Sources.RawDocument { Id = "b", Source = "b.txt", Kind = Storyline.Sources.ContentKind.Text, Bytes = bytes }));
    }

    [Fact]
    public void OneStrayNulInAPageIsTolerated()
    {
        var html = "<html><body><article><p>The ferry left on time this morning, the operator said, and arrived early.\0</p></article></body></html>";
        var a = ExtractionTestKit.Html(html);
        a.Text.ShouldBe("The ferry left on time this morning, the operator said, and arrived early.");
    }
}
