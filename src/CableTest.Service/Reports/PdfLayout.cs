using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CableTest.Service.Reports;

/// <summary>
/// Flows a report down A4 pages: paragraphs, headings kept with what follows, two-column tables whose rows never split
/// across a page, and signature lines. Every new page is started by the caller's <c>startPage</c> (watermark, header).
/// </summary>
internal sealed class PdfLayout(PdfDocument document, PdfText text, Action<XGraphics> startPage) : IDisposable
{
    public const double Margin = 45;
    public const double ContentTop = 122;
    public const double BottomMargin = 60;
    private const double LabelWidth = 170;
    private const double Padding = 3;
    private static readonly XPen Border = new(XColor.FromArgb(204, 204, 204), 0.5);
    private static readonly XBrush LabelFill = new XSolidBrush(XColor.FromArgb(243, 245, 247));
    private XGraphics? graphics;
    private double y;

    private XGraphics G => graphics ?? throw new InvalidOperationException("no page started");

    private static double PageHeight => 841.89;

    private static double Width => 595.28 - (2 * Margin);

    public void Paragraph(string line, double size = 9, bool bold = false, XBrush? brush = null, double indent = 0)
    {
        Ensure(size * 1.4);
        foreach (var wrapped in text.Wrap(G, line, Width - indent, size, bold))
        {
            Ensure(size * 1.4);
            text.Draw(G, wrapped, Margin + indent, y, size, brush ?? XBrushes.Black, bold);
            y += size * 1.4;
        }
    }

    /// <summary>A heading, moved to the next page unless <paramref name="keepWith"/> points fit below it.</summary>
    public void Heading(string title, double size = 11, double keepWith = 60)
    {
        Ensure((size * 1.6) + keepWith);
        y += size * 0.4;
        Paragraph(title, size, bold: true, brush: new XSolidBrush(XColor.FromArgb(20, 50, 74)));
        y += 2;
    }

    /// <summary>A filled band with one bold line, e.g. the overall verdict or the SIMULATED notice.</summary>
    public void Banner(string line, XColor fill, double size = 11)
    {
        var lines = Wrap(G0(), line, Width - (4 * Padding), size, bold: true);
        var height = (lines.Count * size * 1.4) + (2 * Padding) + 2;
        Ensure(height);
        G.DrawRectangle(new XSolidBrush(fill), Margin, y, Width, height);
        var top = y + Padding + 1;
        foreach (var wrapped in lines)
        {
            text.Draw(G, wrapped, Margin + (2 * Padding), top, size, XBrushes.Black, bold: true);
            top += size * 1.4;
        }

        y += height + 4;
    }

    public void Table(IEnumerable<ReportRow> rows, double size = 8.5)
    {
        foreach (var (label, value) in rows)
        {
            var labels = Wrap(G0(), label, LabelWidth - (2 * Padding), size, bold: false);
            var values = Wrap(G0(), value, Width - LabelWidth - (2 * Padding), size, bold: false);
            var height = (Math.Max(labels.Count, values.Count) * size * 1.35) + (2 * Padding);
            Ensure(height);
            G.DrawRectangle(LabelFill, Margin, y, LabelWidth, height);
            G.DrawRectangle(Border, Margin, y, LabelWidth, height);
            G.DrawRectangle(Border, Margin + LabelWidth, y, Width - LabelWidth, height);
            Lines(labels, Margin + Padding, size);
            Lines(values, Margin + LabelWidth + Padding, size);
            y += height;
        }

        y += 6;
    }

    /// <summary>Rows with a line to sign on at the right.</summary>
    public void SignatureRows(IEnumerable<ReportRow> rows, double size = 9)
    {
        const double signWidth = 150;
        foreach (var (label, value) in rows)
        {
            var values = Wrap(G0(), value, Width - LabelWidth - signWidth - (4 * Padding), size, bold: false);
            var height = Math.Max(34, (values.Count * size * 1.35) + (2 * Padding));
            Ensure(height);
            text.Draw(G, label, Margin + Padding, y + Padding, size, XBrushes.Black, bold: true);
            Lines(values, Margin + LabelWidth + Padding, size);
            var lineY = y + height - 8;
            G.DrawLine(XPens.Black, Margin + Width - signWidth, lineY, Margin + Width, lineY);
            text.Draw(G, "signature · 签名", Margin + Width - signWidth, lineY + 1, 6.5, XBrushes.Gray);
            y += height + 4;
        }
    }

    /// <summary>A drawing of <paramref name="height"/> points across the content width, kept on one page.</summary>
    public void Figure(double height, Action<XGraphics, XRect> draw)
    {
        Ensure(height);
        draw(G, new XRect(Margin, y, Width, height));
        y += height + 6;
    }

    public void Space(double points) => y += points;

    public void Dispose() => graphics?.Dispose();

    private void Lines(IReadOnlyList<string> lines, double x, double size)
    {
        var top = y + Padding;
        foreach (var line in lines)
        {
            text.Draw(G, line, x, top, size, XBrushes.Black);
            top += size * 1.35;
        }
    }

    private IReadOnlyList<string> Wrap(XGraphics g, string value, double width, double size, bool bold) => text.Wrap(g, value, width, size, bold);

    /// <summary>The current page's graphics, starting the first page if none is.</summary>
    private XGraphics G0()
    {
        if (graphics is null)
        {
            NewPage();
        }

        return G;
    }

    private void Ensure(double height)
    {
        if (graphics is null || y + height > PageHeight - BottomMargin)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        startPage(graphics);
        y = ContentTop;
    }
}
