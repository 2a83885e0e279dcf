using PdfSharp.Drawing;

namespace CableTest.Service.Reports;

/// <summary>What every page of a PDF report carries: the lab header, the SIMULATED watermark, "page X of Y".</summary>
internal static class PdfPageFurniture
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private static readonly XBrush Grey = new XSolidBrush(XColor.FromArgb(90, 90, 90));
    private static readonly XBrush WatermarkBrush = new XSolidBrush(XColor.FromArgb(40, 178, 106, 0));

    /// <summary>"SIMULATED" across the page, under the content.</summary>
    public static void Watermark(XGraphics g, PdfText text)
    {
        const double size = 96;
        var state = g.Save();
        g.RotateAtTransform(-35, new XPoint(PageWidth / 2, PageHeight / 2));
        var width = text.Width(g, ReportContent.SimulatedMark, size, bold: true);
        text.Draw(g, ReportContent.SimulatedMark, (PageWidth - width) / 2, (PageHeight / 2) - (size / 2), size, WatermarkBrush, bold: true);
        g.Restore(state);
    }

    /// <summary>The lab's name, address and accreditation at the top left, its logo at the top right, a rule under them.</summary>
    public static void Header(XGraphics g, PdfText text, IReadOnlyList<string> labLines, XImage? logo, bool simulated)
    {
        var left = PdfLayout.Margin;
        var right = PageWidth - PdfLayout.Margin;
        var textRight = right;
        if (logo is not null)
        {
            var scale = Math.Min(120 / logo.PointWidth, 54 / logo.PointHeight);
            var w = logo.PointWidth * scale;
            g.DrawImage(logo, right - w, 36, w, logo.PointHeight * scale);
            textRight = right - w - 10;
        }

        var y = 36.0;
        for (var i = 0; i < labLines.Count && i < 5; i++)
        {
            var size = i == 0 ? 12 : 8;
            var line = labLines[i];
            while (line.Length > 1 && text.Width(g, line, size, i == 0) > textRight - left)
            {
                line = line[..^1];
            }

            text.Draw(g, line, left, y, size, i == 0 ? XBrushes.Black : Grey, bold: i == 0);
            y += size * 1.35;
        }

        if (simulated)
        {
            text.Draw(g, ReportContent.SimulatedMark + " · 模拟数据", left, Math.Max(y, 96), 8, new XSolidBrush(XColor.FromArgb(178, 106, 0)), bold: true);
        }

        g.DrawLine(new XPen(XColor.FromArgb(20, 50, 74), 1), left, 112, right, 112);
    }

    /// <summary>"Run … · page X of Y · 第 X 页 共 Y 页" under a thin rule.</summary>
    public static void Footer(XGraphics g, PdfText text, string runId, int page, int pages)
    {
        var y = PageHeight - 40;
        g.DrawLine(new XPen(XColor.FromArgb(204, 204, 204), 0.5), PdfLayout.Margin, y, PageWidth - PdfLayout.Margin, y);
        text.Draw(g, $"CableTest test report · run {runId}", PdfLayout.Margin, y + 4, 7.5, Grey);
        var numbers = FormattableString.Invariant($"page {page} of {pages} · 第 {page} 页 共 {pages} 页");
        text.Draw(g, numbers, PageWidth - PdfLayout.Margin - text.Width(g, numbers, 7.5), y + 4, 7.5, Grey);
    }
}
