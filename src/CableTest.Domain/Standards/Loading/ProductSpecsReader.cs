namespace CableTest.Domain.Standards.Loading;

/// <summary>Reads a "product_specs" file. References to tables and families are checked once everything is loaded.</summary>
internal static class ProductSpecsReader
{
    public static IReadOnlyList<(DataNode Node, ProductSpec Spec)> Read(DataNode root)
    {
        var result = new List<(DataNode, ProductSpec)>();
        foreach (var raw in root.Items("specs"))
        {
            var id = raw.Str("id");
            var node = raw.Labelled(id);
            var ratedText = node.Str("rated_voltage");
            if (!RatedVoltage.TryParse(ratedText, out var rated))
            {
                throw node.Error($"'{ratedText}' is not a rated voltage U0/U");
            }

            var conductor = node.Child("conductor");
            // Data files use the wire names exactly ("Cu", "Al"); coating is the spec's own field.
            var material = conductor.Str("material") switch
            {
                ConductorMaterials.Copper => ConductorMaterial.Copper,
                ConductorMaterials.Aluminium => ConductorMaterial.Aluminium,
                var other => throw conductor.Error($"material '{other}' is not {ConductorMaterials.Choices}"),
            };
            var classes = conductor.Items("classes").Select(c => (int)c.AsDecimal("classes")).ToList();
            if (classes.Count == 0 || classes.Any(c => c is not (1 or 2 or 5 or 6)))
            {
                throw conductor.Error("classes must list IEC 60228 classes (1, 2, 5, 6)");
            }

            var csa = conductor.OptionalChild("csa_mm2");
            var cores = node.Child("cores");
            var minCores = cores.Int("min");
            var maxCores = cores.Int("max");
            if (minCores < 1 || maxCores < minCores)
            {
                throw cores.Error("need 1 <= min <= max");
            }

            var ir = node.OptionalChild("insulation_resistance");
            var spec = new ProductSpec(
                id,
                node.Str("product_code"),
                node.Str("type"),
                node.Str("title"),
                node.Strings("standards"),
                rated,
                material,
                classes,
                conductor.OptBool("coated", false),
                csa?.Dec("min"),
                csa?.Dec("max"),
                minCores,
                maxCores,
                node.Str("insulation"),
                ir?.OptStr("type"),
                ir?.OptStr("compound"),
                node.Str("voltage_test"),
                node.Provenance(),
                root.File.Origin == "shipped" ? "shipped" : root.File.Name);
            if (ir is not null && (spec.InsulationResistanceType is null) == (spec.InsulationResistanceCompound is null))
            {
                throw ir.Error("give exactly one of 'type' (IEC 60227 table) or 'compound' (IEC 60502-1)");
            }

            result.Add((node, spec));
        }

        return result;
    }
}
