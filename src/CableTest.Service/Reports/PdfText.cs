using System.Text;
using PdfSharp.Drawing;

namespace CableTest.Service.Reports;

/// <summary>
/// Text in two fonts: Chinese in the CJK font, everything else in the Latin font (the CJK fonts lack symbols such as
/// ⁰ and ⁻), measured, drawn run by run and wrapped to a width (between words, and between any two Chinese characters).
/// </summary>
internal sealed class PdfText(string latinFamily, string cjkFamily)
{
    private readonly Dictionary<(bool Cjk, double Size, bool Bold), XFont> fonts = [];

    public static bool IsCjk(char c) =>
        c is (>= '\u2E80' and <= '\u2FFF') or (>= '\u3000' and <= '\u30FF') or (>= '\u3100' and <= '\u31FF')
            or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\uFF00' and <= '\uFFEF') || char.IsSurrogate(c);

    public double Width(XGraphics g, string text, double size, bool bold = false) =>
        Runs(text).Sum(r => g.MeasureString(r.Text, Font(r.Cjk, size, bold)).Width);

    /// <summary>Draws one line with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>); returns its width.</summary>
    public double Draw(XGraphics g, string text, double x, double y, double size, XBrush brush, bool bold = false)
    {
        var start = x;
        foreach (var (run, cjk) in Runs(text))
        {
            var font = Font(cjk, size, bold);
            g.DrawString(run, font, brush, x, y, XStringFormats.TopLeft);
            x += g.MeasureString(run, font).Width;
        }

        return x - start;
    }

    /// <summary>The lines <paramref name="text"/> takes at <paramref name="width"/> (line breaks in the text kept).</summary>
    public IReadOnlyList<string> Wrap(XGraphics g, string text, double width, double size, bool bold = false)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var atom in Atoms(paragraph))
            {
                if (line.Length == 0 && Blank(atom))
                {
                    continue;
                }

                if (Width(g, line + atom, size, bold) <= width)
                {
                    line.Append(atom);
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString().TrimEnd());
                    line.Clear();
                }

                if (Blank(atom))
                {
                    continue;
                }

                // A word wider than the line (a hash, a long id) is cut where it must be.
                foreach (var c in atom)
                {
                    if (line.Length > 0 && Width(g, line.ToString() + c, size, bold) > width)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                    }

                    line.Append(c);
                }
            }

            lines.Add(line.ToString().TrimEnd());
        }

        return lines;
    }

    /// <summary>Words, runs of spaces, and single Chinese characters: the places a line may break.</summary>
    private static IEnumerable<string> Atoms(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (IsCjk(text[i]))
            {
                i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            }
            else
            {
                var space = char.IsWhiteSpace(text[i]);
                while (i < text.Length && !IsCjk(text[i]) && char.IsWhiteSpace(text[i]) == space)
                {
                    i++;
                }
            }

            yield return text[start..i];
        }
    }

    private static bool Blank(string atom) => atom.Length > 0 && char.IsWhiteSpace(atom[0]);

    private static IEnumerable<(string Text, bool Cjk)> Runs(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var cjk = IsCjk(text[i]);
            var start = i;
            while (i < text.Length && IsCjk(text[i]) == cjk)
            {
                i++;
            }

            yield return (text[start..i], cjk);
        }
    }

    private XFont Font(bool cjk, double size, bool bold)
    {
        if (!fonts.TryGetValue((cjk, size, bold), out var font))
        {
            font = new XFont(cjk ? cjkFamily : latinFamily, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            fonts[(cjk, size, bold)] = font;
        }

        return font;
    }
}

