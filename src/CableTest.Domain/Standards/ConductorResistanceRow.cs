namespace CableTest.Domain.Standards;

/// <summary>One nominal cross-section of an IEC 60228 table; a column without a value is absent.</summary>
public sealed record ConductorResistanceRow(decimal CrossSectionMm2, IReadOnlyDictionary<ConductorColumn, ConductorResistanceCell> Cells);
