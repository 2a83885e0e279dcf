namespace CableTest.Domain.Standards;

/// <summary>
/// Minimum insulation resistance of one cable type (e.g. "60227 IEC 01") at one temperature, by
/// conductor class and cross-section (IEC 60227 / GB/T 5023).
/// </summary>
public sealed record InsulationTypeTable(
    string Standard,
    string Edition,
    string EditionId,
    string CableType,
    string Designation,
    string Title,
    string Clause,
    decimal TemperatureC,
    IReadOnlyList<InsulationTypeRow> Rows,
    string Origin);
