using System.Collections.Concurrent;
using System.Globalization;
using PdfSharp.Fonts;

namespace CableTest.Service.Reports;

/// <summary>
/// PDFsharp's font resolver for reports, installed once per process (PDFsharp has one global resolver). A font file
/// is registered under a family name that names it ("cabletest-font-3"), so services with different font settings in
/// one process (tests) never share a face by accident. Bold is simulated: the CJK fonts ship one weight.
/// </summary>
internal sealed class ReportFontResolver : IFontResolver
{
    private static readonly Lock Gate = new();
    private static readonly ReportFontResolver Instance = new();
    private readonly ConcurrentDictionary<string, string> familyByFile = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> faces = new(StringComparer.OrdinalIgnoreCase);
    private int registered;

    private ReportFontResolver()
    {
    }

    /// <summary>The family name under which face <paramref name="faceIndex"/> of <paramref name="path"/> is drawn.</summary>
    /// <exception cref="InvalidDataException">The file is not a font this resolver can read.</exception>
    public static string Register(string path, int faceIndex)
    {
        Install();
        var key = Path.GetFullPath(path) + "#" + faceIndex.ToString(CultureInfo.InvariantCulture);
        var family = Instance.familyByFile.GetOrAdd(key, _ => "cabletest-font-" + Interlocked.Increment(ref Instance.registered).ToString(CultureInfo.InvariantCulture));
        var face = Instance.faces.GetOrAdd(family, _ => new Lazy<byte[]>(() => TrueTypeCollection.Face(File.ReadAllBytes(path), faceIndex)));
        _ = face.Value; // read now: a bad file is reported when the fonts are chosen, not in the middle of a page
        return family;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        faces.ContainsKey(familyName) ? new FontResolverInfo(familyName.ToLowerInvariant(), bold, italic) : null;

    public byte[]? GetFont(string faceName) => faces.TryGetValue(faceName, out var face) ? face.Value : null;

    private static void Install()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }
}
