using System.Globalization;
using CableTest.Presentation;
using PdfSharp.Drawing;

namespace CableTest.Service.Reports;

/// <summary>A <see cref="ReportPlot"/> drawn as vector lines in a PDF: frame, axis ranges, one polyline per series, legend.</summary>
internal static class PdfPlot
{
    private const double LeftAxis = 52;
    private const double RightAxis = 52;
    private const double BottomAxis = 24;
    private static readonly XPen Frame = new(XColor.FromArgb(153, 153, 153), 0.5);

    public static void Draw(XGraphics g, PdfText text, ReportPlot plot, XRect area)
    {
        var all = plot.Series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        var box = new XRect(area.X + LeftAxis, area.Y + 4, area.Width - LeftAxis - RightAxis, area.Height - BottomAxis - 4);
        g.DrawRectangle(Frame, box);
        if (all.Count == 0)
        {
            text.Draw(g, "no readings", box.X + 8, box.Y + 8, 8, XBrushes.Gray);
            return;
        }

        var (x0, x1) = SvgPlot.Span(all.Select(p => p.X));
        var left = SvgPlot.Span(plot.Series.Where(s => !s.RightAxis).SelectMany(s => s.Points).Select(p => p.Y));
        var right = SvgPlot.Span(plot.Series.Where(s => s.RightAxis).SelectMany(s => s.Points).Select(p => p.Y));
        Label(g, text, N(x0), box.Left, box.Bottom + 3, 0);
        Label(g, text, N(x1), box.Right, box.Bottom + 3, 1);
        Label(g, text, plot.XLabel, box.Left + (box.Width / 2), box.Bottom + 12, 0.5);
        Label(g, text, N(left.Hi), box.Left - 3, box.Top, 1);
        Label(g, text, N(left.Lo), box.Left - 3, box.Bottom - 8, 1);
        Label(g, text, plot.LeftLabel, box.Left - 3, box.Top + (box.Height / 2) - 4, 1);
        if (plot.RightLabel is not null && plot.Series.Any(s => s.RightAxis))
        {
            Label(g, text, N(right.Hi), box.Right + 3, box.Top, 0);
            Label(g, text, N(right.Lo), box.Right + 3, box.Bottom - 8, 0);
            Label(g, text, plot.RightLabel, box.Right + 3, box.Top + (box.Height / 2) - 4, 0);
        }

        var legendX = box.Left + 6;
        foreach (var series in plot.Series)
        {
            var (lo, hi) = series.RightAxis ? right : left;
            var color = Color(series.Color);
            var points = series.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y))
                .Select(p => new XPoint(box.Left + ((p.X - x0) / (x1 - x0) * box.Width), box.Top + ((1 - ((p.Y - lo) / (hi - lo))) * box.Height)))
                .ToArray();
            if (points.Length > 1)
            {
                g.DrawLines(new XPen(color, 1), points);
            }

            legendX += text.Draw(g, series.Name, legendX, box.Top + 3, 7.5, new XSolidBrush(color)) + 12;
        }
    }

    /// <summary>A 7-point label whose anchor is at <paramref name="align"/> of its width (0 left, 0.5 centre, 1 right).</summary>
    private static void Label(XGraphics g, PdfText text, string label, double x, double y, double align) =>
        text.Draw(g, label, x - (text.Width(g, label, 7) * align), y, 7, XBrushes.DimGray);

    private static XColor Color(string hex) => hex is ['#', _, _, _, _, _, _]
        ? XColor.FromArgb(int.Parse(hex[1..3], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            int.Parse(hex[3..5], NumberStyles.HexNumber, CultureInfo.InvariantCulture), int.Parse(hex[5..7], NumberStyles.HexNumber, CultureInfo.InvariantCulture))
        : XColors.Black;

    private static string N(double value) => EngineeringNumber.Format(value);
}
