using Microsoft.Extensions.Options;

namespace CableTest.Service.Reports;

/// <summary>
/// The fonts of PDF reports: a CJK font (configured by <c>Reports:Fonts:Cjk</c>, else the first of the usual places)
/// for Chinese, and a Latin font (<c>Reports:Fonts:Latin</c>, else DejaVu Sans, else the CJK font) for the rest,
/// since the CJK fonts lack some symbols (wqy-microhei has no ⁰ or ⁻). No CJK font: <see cref="Problem"/> says what to
/// set or install, and PDF requests are answered with it.
/// </summary>
internal sealed class ReportFonts
{
    /// <summary>Where CJK TrueType fonts usually are (Debian fonts-wqy-microhei, fonts-wqy-zenhei, fonts-arphic-uming; Windows).</summary>
    public static readonly IReadOnlyList<string> CjkCandidates =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        @"C:\Windows\Fonts\msyh.ttc",
        @"C:\Windows\Fonts\simsun.ttc",
    ];

    /// <summary>Latin fonts with the report's symbols (Ω · ² ⁰ ⁻ × ≤ ≥ °).</summary>
    public static readonly IReadOnlyList<string> LatinCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        @"C:\Windows\Fonts\segoeui.ttf",
        @"C:\Windows\Fonts\arial.ttf",
    ];

    public ReportFonts(IOptions<ReportOptions> options)
        : this(options.Value.Fonts, CjkCandidates, LatinCandidates)
    {
    }

    internal ReportFonts(ReportFontOptions options, IReadOnlyList<string> cjkCandidates, IReadOnlyList<string> latinCandidates)
    {
        CjkPath = Pick(options.Cjk, cjkCandidates);
        if (CjkPath is null)
        {
            Problem = "no font with Chinese glyphs for PDF reports: set Reports:Fonts:Cjk to a .ttf or .ttc file, " +
                $"or install one where it is looked for ({string.Join(", ", cjkCandidates)}; on Debian: apt-get install fonts-wqy-microhei)";
            return;
        }

        LatinPath = Pick(options.Latin, latinCandidates) ?? CjkPath;
        try
        {
            Cjk = ReportFontResolver.Register(CjkPath, string.IsNullOrWhiteSpace(options.Cjk) ? 0 : options.CjkFaceIndex);
            Latin = LatinPath == CjkPath ? Cjk : ReportFontResolver.Register(LatinPath, 0);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Problem = $"cannot read the PDF report font '{(Cjk is null ? CjkPath : LatinPath)}': {e.Message} (Reports:Fonts:Cjk / Reports:Fonts:Latin)";
        }
    }

    public string? CjkPath { get; }

    public string? LatinPath { get; }

    /// <summary>The family name to draw Chinese text with (null when <see cref="Problem"/> is set).</summary>
    public string? Cjk { get; }

    /// <summary>The family name to draw everything else with.</summary>
    public string? Latin { get; }

    /// <summary>Why PDF reports cannot be made, in the user's words; null when they can.</summary>
    public string? Problem { get; }

    private static string? Pick(string? configured, IReadOnlyList<string> candidates) =>
        !string.IsNullOrWhiteSpace(configured) ? configured : candidates.FirstOrDefault(File.Exists);
}
