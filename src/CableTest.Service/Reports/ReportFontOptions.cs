namespace CableTest.Service.Reports;

/// <summary>
/// Section <c>Reports:Fonts</c>: TrueType/OpenType files (.ttf, .otf, or .ttc collections) embedded in PDF reports.
/// Unset, the usual places are searched (<see cref="ReportFonts"/>); a PDF request without a font found is answered
/// with an error that names these keys.
/// </summary>
public sealed class ReportFontOptions
{
    /// <summary>A font with Chinese glyphs (e.g. /usr/share/fonts/truetype/wqy/wqy-microhei.ttc from fonts-wqy-microhei).</summary>
    public string? Cjk { get; set; }

    /// <summary>A font for Latin text and symbols (Ω, ·, ², ⁻, ×); default DejaVu Sans (fonts-dejavu-core), else the CJK font.</summary>
    public string? Latin { get; set; }

    /// <summary>Which face of a .ttc collection to use for <see cref="Cjk"/> (0: the first).</summary>
    public int CjkFaceIndex { get; set; }
}
