namespace CableTest.Domain.Standards;

/// <summary>One IEC 60228 / GB/T 3956 table (one conductor class) of one edition.</summary>
public sealed record ConductorResistanceTable(
    string Standard,
    string Edition,
    string EditionId,
    string Table,
    int ConductorClass,
    string Title,
    IReadOnlyList<ConductorResistanceRow> Rows,
    IReadOnlyList<string> Notes,
    string Origin)
{
    /// <summary>The (cross-section, cell) pairs of one column, smallest cross-section first.</summary>
    public IEnumerable<(decimal CrossSectionMm2, ConductorResistanceCell Cell)> Column(ConductorColumn column) =>
        Rows.Where(r => r.Cells.ContainsKey(column)).Select(r => (r.CrossSectionMm2, r.Cells[column]));
}
