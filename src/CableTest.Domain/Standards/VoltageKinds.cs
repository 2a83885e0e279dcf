namespace CableTest.Domain.Standards;

/// <summary>Wire names of <see cref="VoltageKind"/>: "ac", "dc" (parsed case-insensitively).</summary>
public static class VoltageKinds
{
    public const string Ac = "ac";
    public const string Dc = "dc";

    public static string Name(VoltageKind kind) => kind switch
    {
        VoltageKind.AC => Ac,
        VoltageKind.DC => Dc,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string? name, out VoltageKind kind)
    {
        if (string.Equals(name, Ac, StringComparison.OrdinalIgnoreCase))
        {
            kind = VoltageKind.AC;
            return true;
        }

        if (string.Equals(name, Dc, StringComparison.OrdinalIgnoreCase))
        {
            kind = VoltageKind.DC;
            return true;
        }

        kind = default;
        return false;
    }
}
