using System.Globalization;
using System.Text.RegularExpressions;
using CableTest.Domain.Standards;

namespace CableTest.Domain.Evaluation;

/// <summary>
/// What a free-text cable description says: "BV 450/750 V 1x2.5 mm2 class 1",
/// "YJV 0.6/1 kV 3x95+1x50 mm2 XLPE", "GB/T 5023.3 227 IEC 01 (BV) 450/750 V 1×2.5 mm²".
/// Each part is null when the text does not state it.
/// </summary>
public sealed partial record CableDescriptor(
    string? ProductCode,
    RatedVoltage? Rated,
    int? Cores,
    decimal? CrossSectionMm2,
    int? ConductorClass,
    string? CableType,
    string? Compound)
{
    /// <summary>Parses <paramref name="text"/>; never throws.</summary>
    public static CableDescriptor Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new CableDescriptor(null, null, null, null, null, null, null);
        }

        RatedVoltage? rated = RatedVoltage.TryParse(RatingPattern().Match(text).Value, out var r) ? r : null;
        var size = SizePattern().Match(text);
        var cls = ClassPattern().Match(text);
        var code = CodePattern().Match(text);
        var inParens = ParenCodePattern().Match(text);
        return new CableDescriptor(
            inParens.Success ? inParens.Groups["code"].Value : code.Success ? code.Groups["code"].Value : null,
            rated,
            size.Success ? int.Parse(size.Groups["cores"].Value, CultureInfo.InvariantCulture) : null,
            size.Success ? decimal.Parse(size.Groups["csa"].Value, NumberStyles.Number, CultureInfo.InvariantCulture) : null,
            cls.Success ? int.Parse(cls.Groups["cls"].Value, CultureInfo.InvariantCulture) : null,
            FindCableType(text),
            FindCompound(text));
    }

    /// <summary>"60227 IEC 01" from "60227 IEC 01", "227 IEC 01", "227IEC01"; null if absent.</summary>
    public static string? FindCableType(string? text)
    {
        var m = text is null ? Match.Empty : TypePattern().Match(text);
        return m.Success ? "60227 IEC " + m.Groups["n"].Value : null;
    }

    /// <summary>An explicit IEC 60502-1 compound named in the text (XLPE, HEPR, EPR, PVC/A, PVC/B); bare "PVC" is not one.</summary>
    public static string? FindCompound(string? text)
    {
        var m = text is null ? Match.Empty : CompoundPattern().Match(text);
        return m.Success ? m.Value.ToUpperInvariant() : null;
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)?\s*/\s*\d+(?:[.,]\d+)?\s*(?:kV|KV|kv|V|v)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RatingPattern();

    [GeneratedRegex(@"(?<cores>\d+)\s*[x×X*]\s*(?<csa>\d+(?:\.\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"\bclass\s*(?<cls>[1256])\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClassPattern();

    [GeneratedRegex(@"^\s*(?<code>[A-Z][A-Z0-9\-]{0,9})(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\((?<code>[A-Z][A-Z0-9\-]{0,9})\)", RegexOptions.CultureInvariant)]
    private static partial Regex ParenCodePattern();

    [GeneratedRegex(@"(?:\b60)?227\s*IEC\s*(?<n>\d{2})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"\b(?:XLPE|HEPR|EPR|PVC/A|PVC/B)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompoundPattern();
}
