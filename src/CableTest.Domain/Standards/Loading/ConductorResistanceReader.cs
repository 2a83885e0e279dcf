using System.Globalization;

namespace CableTest.Domain.Standards.Loading;

/// <summary>
/// Reads an IEC 60228 "conductor_resistance" file and checks it: classes 1, 2, 5, 6 once each,
/// cross-sections ascending without duplicates, every value positive and sourced, each column
/// falling as the cross-section grows, metal-coated copper not below plain copper, aluminium above
/// copper, no row outside a table's declared range.
/// </summary>
internal static class ConductorResistanceReader
{
    private static readonly (string Key, ConductorColumn Column)[] Columns =
    [
        ("cu", ConductorColumn.PlainCopper),
        ("cu_coated", ConductorColumn.CoatedCopper),
        ("al", ConductorColumn.Aluminium),
    ];

    public static IReadOnlyList<ConductorResistanceTable> Read(DataNode root)
    {
        var standard = root.Str("standard");
        var edition = root.Str("edition");
        var editionId = root.Str("edition_id");
        var tables = new List<ConductorResistanceTable>();
        foreach (var tableNode in root.Items("tables"))
        {
            var name = tableNode.Str("table");
            var node = tableNode.Labelled(name);
            var cls = node.Int("class");
            if (cls is not (1 or 2 or 5 or 6))
            {
                throw node.Error($"class {cls} is not an IEC 60228 class (1, 2, 5, 6)");
            }

            if (tables.Any(t => t.ConductorClass == cls))
            {
                throw node.Error($"class {cls} appears twice in the file");
            }

            var range = node.OptionalChild("range");
            decimal? minCsa = range?.Dec("min_csa_mm2");
            decimal? maxCsa = range?.Dec("max_csa_mm2");
            range?.Provenance();

            var rows = ReadRows(node, minCsa, maxCsa);
            CheckColumns(node, rows);
            tables.Add(new ConductorResistanceTable(standard, edition, editionId, name, cls, node.Str("title"), rows.Select(r => r.Row).ToList(), node.Notes(), root.File.Origin));
        }

        if (tables.Count == 0)
        {
            throw root.Error("no tables");
        }

        return tables;
    }

    private static List<(DataNode Node, ConductorResistanceRow Row)> ReadRows(DataNode table, decimal? minCsa, decimal? maxCsa)
    {
        var rows = new List<(DataNode, ConductorResistanceRow)>();
        foreach (var raw in table.Items("rows"))
        {
            var csa = raw.Dec("csa_mm2");
            var row = raw.Labelled(string.Create(CultureInfo.InvariantCulture, $"csa_mm2 {csa}"));
            if (csa <= 0m)
            {
                throw row.Error("cross-section must be positive");
            }

            if (rows.Count > 0)
            {
                var previous = rows[^1].Item2.CrossSectionMm2;
                if (csa == previous)
                {
                    throw row.Error($"duplicate cross-section {csa} mm2");
                }

                if (csa < previous)
                {
                    throw row.Error($"cross-sections must ascend ({csa} after {previous})");
                }
            }

            if ((minCsa is not null && csa < minCsa) || (maxCsa is not null && csa > maxCsa))
            {
                throw row.Error($"{csa} mm2 is outside the table's declared range [{minCsa}, {maxCsa}] mm2");
            }

            Provenance? rowProvenance = row.Has("tag") || row.Has("src") ? row.Provenance() : null;
            var cells = new Dictionary<ConductorColumn, ConductorResistanceCell>();
            foreach (var (key, column) in Columns)
            {
                var cellNode = row.OptionalChild(key);
                if (cellNode is null)
                {
                    continue;
                }

                cells[column] = ReadCell(row, cellNode, key, rowProvenance);
            }

            if (cells.Count == 0)
            {
                throw row.Error("row has no value in any column (cu, cu_coated, al)");
            }

            rows.Add((row, new ConductorResistanceRow(csa, cells)));
        }

        if (rows.Count == 0)
        {
            throw table.Error("table has no rows");
        }

        return rows;
    }

    private static ConductorResistanceCell ReadCell(DataNode row, DataNode cell, string key, Provenance? rowProvenance)
    {
        decimal max;
        Provenance provenance;
        IReadOnlyList<string> notes;
        if (cell.Element.ValueKind == System.Text.Json.JsonValueKind.Number)
        {
            max = cell.AsDecimal(key);
            provenance = rowProvenance ?? throw row.Error($"column {key}: no 'tag'/'src' on the row or the cell");
            notes = [];
        }
        else
        {
            max = cell.Dec("max");
            provenance = cell.Provenance(rowProvenance);
            notes = cell.Notes();
        }

        if (max <= 0m)
        {
            throw row.Error($"column {key}: maximum must be positive");
        }

        return new ConductorResistanceCell(max, provenance, [.. row.Notes(), .. notes]);
    }

    private static void CheckColumns(DataNode table, List<(DataNode Node, ConductorResistanceRow Row)> rows)
    {
        foreach (var (key, column) in Columns)
        {
            ConductorResistanceRow? previous = null;
            foreach (var (node, row) in rows)
            {
                if (!row.Cells.TryGetValue(column, out var cell))
                {
                    continue;
                }

                if (previous is not null && cell.MaxOhmPerKm >= previous.Cells[column].MaxOhmPerKm)
                {
                    throw node.Error(string.Create(CultureInfo.InvariantCulture,
                        $"column {key}: {cell.MaxOhmPerKm} is not lower than {previous.Cells[column].MaxOhmPerKm} at {previous.CrossSectionMm2} mm2 (the maximum must fall as the cross-section grows)"));
                }

                previous = row;
            }
        }

        foreach (var (node, row) in rows)
        {
            if (row.Cells.TryGetValue(ConductorColumn.PlainCopper, out var plain)
                && row.Cells.TryGetValue(ConductorColumn.CoatedCopper, out var coated)
                && coated.MaxOhmPerKm < plain.MaxOhmPerKm)
            {
                throw node.Error($"metal-coated copper {coated.MaxOhmPerKm} is below plain copper {plain.MaxOhmPerKm}");
            }

            if (row.Cells.TryGetValue(ConductorColumn.Aluminium, out var al)
                && row.Cells.TryGetValue(ConductorColumn.PlainCopper, out var cu)
                && al.MaxOhmPerKm <= cu.MaxOhmPerKm)
            {
                throw node.Error($"aluminium {al.MaxOhmPerKm} is not above copper {cu.MaxOhmPerKm}");
            }
        }
    }
}
