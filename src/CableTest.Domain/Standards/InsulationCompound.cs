namespace CableTest.Domain.Standards;

/// <summary>An insulating compound of IEC 60502-1 / GB/T 12706.1 with its rho and Ki minimums.</summary>
public sealed record InsulationCompound(
    string Standard,
    string Edition,
    string EditionId,
    string Clause,
    string Name,
    IReadOnlyList<string> Aliases,
    decimal MaxConductorTemperatureC,
    IReadOnlyList<InsulationCompoundLimit> Limits,
    string? Uncertain,
    string Origin)
{
    public bool Matches(string name) =>
        string.Equals(Name, name, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
}
