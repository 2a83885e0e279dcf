using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace CableTest.Service.Tests.Reports;

/// <summary>
/// A PDF's text read back with PdfPig, page by page, in the order it was drawn; a new line or a gap between table
/// cells reads as one space, so a sentence wrapped over two lines reads as one.
/// </summary>
internal static partial class PdfTextReader
{
    /// <summary>The pages' text; the PDF is kept under artifacts/test-results/reports/NAME.pdf (and the text read back in NAME.txt) for a person to look at.</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf, string name)
    {
        var kept = CableTest.Testing.RepoPaths.InRepo("artifacts", "test-results", "reports");
        Directory.CreateDirectory(kept);
        File.WriteAllBytes(Path.Combine(kept, name + ".pdf"), pdf);
        Assert.True(pdf.Length > 4 && pdf[0] == (byte)'%' && pdf[1] == (byte)'P' && pdf[2] == (byte)'D' && pdf[3] == (byte)'F', "not a PDF");
        using var document = PdfDocument.Open(pdf);
        List<string> pages = [.. document.GetPages().Select(Text)];
        File.WriteAllLines(Path.Combine(kept, name + ".txt"), pages);
        return pages;
    }

    /// <summary>Keeps an HTML report beside the PDFs (artifacts/test-results/reports/NAME.html).</summary>
    public static string KeepHtml(string html, string name)
    {
        var kept = CableTest.Testing.RepoPaths.InRepo("artifacts", "test-results", "reports");
        Directory.CreateDirectory(kept);
        File.WriteAllText(Path.Combine(kept, name + ".html"), html);
        return html;
    }

    private static string Text(Page page)
    {
        var text = new StringBuilder();
        Letter? previous = null;
        foreach (var letter in page.Letters)
        {
            if (previous is not null)
            {
                var newLine = Math.Abs(letter.StartBaseLine.Y - previous.StartBaseLine.Y) > 1;
                var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                if (newLine || gap > letter.PointSize * 0.3 || gap < -1)
                {
                    text.Append(' ');
                }
            }

            text.Append(letter.Value);
            previous = letter;
        }

        return Spaces().Replace(text.ToString(), " ");
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
