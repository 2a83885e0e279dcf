using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace CableTest.Service.Reports;

/// <summary>
/// Line plots as inline SVG: no native graphics library, crisp in print and PDF, byte-identical for
/// the same data (reports are evidence and get hashed and compared).
/// </summary>
internal static class SvgPlot
{
    private const int Width = 640;
    private const int Height = 260;
    private const int Left = 64;
    private const int Right = 64;
    private const int Top = 16;
    private const int Bottom = 40;

    public sealed record Series(string Name, string Color, IReadOnlyList<(double X, double Y)> Points, bool RightAxis = false);

    public static string Render(string xLabel, string leftLabel, string? rightLabel, params Series[] series)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" class=\"plot\" role=\"img\">");
        var all = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        if (all.Count == 0)
        {
            svg.Append("<text x=\"20\" y=\"40\">no readings</text></svg>");
            return svg.ToString();
        }

        var (x0, x1) = Span(all.Select(p => p.X));
        var left = Span(series.Where(s => !s.RightAxis).SelectMany(s => s.Points).Select(p => p.Y));
        var right = Span(series.Where(s => s.RightAxis).SelectMany(s => s.Points).Select(p => p.Y));
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#999\"/>");
        Label(svg, Left, Height - 22, F(x0), "start");
        Label(svg, Width - Right, Height - 22, F(x1), "end");
        Label(svg, Left + (plotW / 2), Height - 6, xLabel, "middle");
        Label(svg, Left - 4, Top + 10, F(left.Hi), "end");
        Label(svg, Left - 4, Top + plotH, F(left.Lo), "end");
        Label(svg, 4, Top + (plotH / 2), leftLabel, "start");
        if (rightLabel is not null && series.Any(s => s.RightAxis))
        {
            Label(svg, Width - Right + 4, Top + 10, F(right.Hi), "start");
            Label(svg, Width - Right + 4, Top + plotH, F(right.Lo), "start");
            Label(svg, Width - 4, Top + (plotH / 2) + 14, rightLabel, "end");
        }

        var legendX = Left + 8;
        foreach (var s in series)
        {
            var (lo, hi) = s.RightAxis ? right : left;
            var points = string.Join(' ', s.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).Select(p =>
                F(Left + ((p.X - x0) / (x1 - x0) * plotW)) + "," + F(Top + ((1 - ((p.Y - lo) / (hi - lo))) * plotH))));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"1.5\" points=\"{points}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{legendX}\" y=\"{Top + 14}\" fill=\"{s.Color}\" font-size=\"12\">{HtmlEncoder.Default.Encode(s.Name)}</text>");
            legendX += 14 + (8 * s.Name.Length);
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The span an axis shows for <paramref name="values"/>: their range, widened when it is (almost) a single value.</summary>
    internal static (double Lo, double Hi) Span(IEnumerable<double> values)
    {
        var list = values.Where(double.IsFinite).ToList();
        if (list.Count == 0)
        {
            return (0, 1);
        }

        double lo = list.Min(), hi = list.Max();
        if (hi - lo <= (Math.Abs(hi) * 1e-9) + 1e-12)
        {
            var pad = (Math.Abs(hi) * 0.01) + 1e-9;
            return (lo - pad, hi + pad);
        }

        return (lo, hi);
    }

    private static void Label(StringBuilder svg, double x, double y, string text, string anchor) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(y)}\" font-size=\"11\" text-anchor=\"{anchor}\">{HtmlEncoder.Default.Encode(text)}</text>");

    private static string F(double v) => v.ToString("G5", CultureInfo.InvariantCulture);
}
