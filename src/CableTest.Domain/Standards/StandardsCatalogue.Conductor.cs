using System.Globalization;

namespace CableTest.Domain.Standards;

public sealed partial class StandardsCatalogue
{
    /// <summary>The IEC 60228 edition used when a caller names none.</summary>
    public string DefaultConductorEdition => ConductorResistanceTables[0].EditionId;

    /// <summary>
    /// The maximum DC resistance at 20 degC for <paramref name="conductor"/> from the table of its
    /// class, column of its material and coating, and row of its exact nominal cross-section.
    /// Anything the table does not list (class 6 above 300 mm2, aluminium in class 5, coated copper
    /// class 1 from 25 mm2, a non-standard size...) is "no_limit_defined", never another row.
    /// </summary>
    public Lookup<ConductorResistanceLimit> FindConductorResistanceLimit(ConductorSpec conductor, string? edition = null)
    {
        var editionId = edition ?? DefaultConductorEdition;
        var inEdition = ConductorResistanceTables.Where(t => string.Equals(t.EditionId, editionId, StringComparison.OrdinalIgnoreCase)).ToList();
        if (inEdition.Count == 0)
        {
            return Lookup<ConductorResistanceLimit>.Missing(ReasonCodes.NoLimitDefined, $"the catalogue has no conductor tables for edition '{editionId}'");
        }

        var table = inEdition.FirstOrDefault(t => t.ConductorClass == conductor.ConductorClass);
        if (table is null)
        {
            return Lookup<ConductorResistanceLimit>.Missing(ReasonCodes.NoLimitDefined,
                $"{inEdition[0].Standard} ({editionId}) has no table for conductor class {conductor.ConductorClass} (classes 1, 2, 5, 6).");
        }

        if (conductor.Coated && conductor.Material != ConductorMaterial.Copper)
        {
            return Lookup<ConductorResistanceLimit>.Missing(ReasonCodes.NoLimitDefined,
                $"{table.Standard} {table.Table} has no column for metal-coated aluminium; metal coating applies to copper only.");
        }

        var column = conductor.Material == ConductorMaterial.Aluminium
            ? ConductorColumn.Aluminium
            : conductor.Coated ? ConductorColumn.CoatedCopper : ConductorColumn.PlainCopper;
        var row = table.Rows.FirstOrDefault(r => r.CrossSectionMm2 == conductor.CrossSectionMm2);
        if (row is null)
        {
            var span = string.Create(CultureInfo.InvariantCulture, $"{table.Rows[0].CrossSectionMm2}-{table.Rows[^1].CrossSectionMm2} mm2");
            return Lookup<ConductorResistanceLimit>.Missing(ReasonCodes.NoLimitDefined,
                string.Create(CultureInfo.InvariantCulture,
                    $"IEC 60228 {table.Table} (class {table.ConductorClass}) lists no {conductor.CrossSectionMm2} mm2 conductor (it covers {span}); there is no class {table.ConductorClass} {conductor.CrossSectionMm2} mm2 limit. Never fall back to another class or size."));
        }

        if (!row.Cells.TryGetValue(column, out var cell))
        {
            return Lookup<ConductorResistanceLimit>.Missing(ReasonCodes.NoLimitDefined,
                $"IEC 60228 {table.Table} (class {table.ConductorClass}) has no {ColumnName(column)} value at {conductor.CrossSectionMm2.ToString(CultureInfo.InvariantCulture)} mm2. Never fall back to another column, class or size.");
        }

        return Lookup<ConductorResistanceLimit>.Of(new ConductorResistanceLimit(
            conductor, cell.MaxOhmPerKm, table.Standard, table.Edition, table.EditionId, table.Table, cell.Provenance, cell.Notes));
    }

    private static string ColumnName(ConductorColumn column) => column switch
    {
        ConductorColumn.PlainCopper => "plain copper",
        ConductorColumn.CoatedCopper => "metal-coated copper",
        _ => "aluminium",
    };
}
