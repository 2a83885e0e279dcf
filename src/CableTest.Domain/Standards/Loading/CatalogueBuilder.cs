namespace CableTest.Domain.Standards.Loading;

/// <summary>Collects what the files hold and checks what spans files before building the catalogue.</summary>
internal sealed class CatalogueBuilder
{
    private readonly List<ConductorResistanceTable> conductorTables = [];
    private readonly List<InsulationTypeTable> insulationTypes = [];
    private readonly List<InsulationCompound> compounds = [];
    private readonly List<VoltageTestFamily> families = [];
    private readonly List<(DataNode Node, ProductSpec Spec)> specs = [];
    private readonly List<StandardInfo> standards = [];
    private readonly Dictionary<string, string> editionFiles = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlyList<VoltageTolerance>? tolerances;
    private TemperatureCorrection? correction;
    private InsulationMethod? insulationMethod;
    private string? correctionFile;
    private string? methodFile;
    private TestMethodConstants? testMethod;
    private string? testMethodFile;

    public void Add(DataNode root, IReadOnlyList<ConductorResistanceTable> tables)
    {
        ClaimEdition(root, "conductor_resistance");
        conductorTables.AddRange(tables);
        standards.Add(Info(root, tables.Select(t => $"{t.Table} (class {t.ConductorClass})").ToList(),
            tables.Sum(t => t.Rows.Sum(r => r.Cells.Values.Count(c => !c.Provenance.Verified)))));
    }

    public void Add(DataNode root, IReadOnlyList<InsulationTypeTable> types)
    {
        ClaimEdition(root, "insulation_resistance_types");
        foreach (var t in types)
        {
            if (insulationTypes.Any(x => string.Equals(x.CableType, t.CableType, StringComparison.OrdinalIgnoreCase)))
            {
                throw root.Error($"cable type '{t.CableType}' is already defined by another file");
            }
        }

        insulationTypes.AddRange(types);
        standards.Add(Info(root, types.Select(t => t.CableType).ToList(), types.Sum(t => t.Rows.Count(r => !r.Provenance.Verified))));
    }

    public void Add(DataNode root, IReadOnlyList<InsulationCompound> list)
    {
        ClaimEdition(root, "insulation_compounds");
        foreach (var c in list)
        {
            if (compounds.Any(x => x.Matches(c.Name) || c.Aliases.Any(x.Matches)))
            {
                throw root.Error($"compound '{c.Name}' is already defined by another file");
            }
        }

        compounds.AddRange(list);
        standards.Add(Info(root, list.Select(c => c.Name).ToList(), list.Sum(c => c.Limits.Count(l => !l.Provenance.Verified))));
    }

    public void Add(DataNode root, (IReadOnlyList<VoltageTolerance> Tolerances, IReadOnlyList<VoltageTestFamily> Families) levels)
    {
        ClaimEdition(root, "voltage_test_levels");
        foreach (var f in levels.Families)
        {
            if (families.Any(x => string.Equals(x.Family, f.Family, StringComparison.OrdinalIgnoreCase)))
            {
                throw root.Error($"voltage-test family '{f.Family}' is already defined by another file");
            }
        }

        tolerances ??= levels.Tolerances;
        families.AddRange(levels.Families);
        standards.Add(Info(root, levels.Families.Select(f => f.Family).ToList(),
            levels.Families.Sum(f => f.Levels.Count(l => !l.AcProvenance.Verified))));
    }

    public void Add(IReadOnlyList<(DataNode Node, ProductSpec Spec)> list)
    {
        foreach (var (node, spec) in list)
        {
            if (specs.Any(s => string.Equals(s.Spec.Id, spec.Id, StringComparison.OrdinalIgnoreCase)))
            {
                throw node.Error($"product spec id '{spec.Id}' is already defined");
            }

            specs.Add((node, spec));
        }
    }

    public void Set(DataNode root, TemperatureCorrection value)
    {
        if (correction is not null)
        {
            throw root.Error($"a temperature_correction file was already loaded ({correctionFile})");
        }

        correction = value;
        correctionFile = root.File.Name;
        Provenance?[] provenances =
        [
            value.Alpha20CopperProvenance, value.Alpha20AluminiumProvenance, value.TableB1Provenance,
            value.ValidityC.Provenance, value.AmbientWindowC.Provenance,
        ];
        standards.Add(Info(root, value.Methods.Values.Select(m => m.Clause).ToList(), provenances.Count(p => p is { Verified: false })));
    }

    public void Set(DataNode root, InsulationMethod value)
    {
        if (insulationMethod is not null)
        {
            throw root.Error($"an insulation_method file was already loaded ({methodFile})");
        }

        insulationMethod = value;
        methodFile = root.File.Name;
    }

    public void Set(DataNode root, TestMethodConstants value)
    {
        if (testMethod is not null)
        {
            throw root.Error($"a test_method file was already loaded ({testMethodFile})");
        }

        testMethod = value;
        testMethodFile = root.File.Name;
        standards.Add(Info(root, value.All().Select(c => c.Key).ToList(), value.All().Count(c => !c.Value.Source.Verified)));
    }

    public StandardsCatalogue Build(string version)
    {
        if (correction is null || insulationMethod is null || testMethod is null || tolerances is null || conductorTables.Count == 0)
        {
            throw new CatalogueLoadException("catalogue", null,
                "incomplete: needs conductor_resistance, temperature_correction, insulation_method, test_method and voltage_test_levels files");
        }

        CheckTestMethod(testMethod, insulationMethod);

        foreach (var (node, spec) in specs)
        {
            CheckReferences(node, spec);
        }

        return new StandardsCatalogue(version, conductorTables, correction, insulationMethod, testMethod, insulationTypes, compounds,
            tolerances, families, specs.Select(s => s.Spec).ToList(), standards);
    }

    /// <summary>The method's insulation test voltage and electrification lie in the insulation method's windows.</summary>
    private void CheckTestMethod(TestMethodConstants method, InsulationMethod insulation)
    {
        // The files' JSON is gone by now: name the file and field directly.
        var volts = method.InsulationTestVoltageV.Value;
        if (volts < insulation.MinTestVoltageVDc || volts > insulation.MaxTestVoltageVDc)
        {
            throw new CatalogueLoadException(testMethodFile!, "constants.insulation_test_voltage_v", System.FormattableString.Invariant(
                $"{volts} V is outside the insulation method's {insulation.MinTestVoltageVDc}-{insulation.MaxTestVoltageVDc} V DC ({methodFile})"));
        }

        var seconds = method.ElectrificationS.Value;
        if (seconds < insulation.MinElectrificationS || seconds > insulation.MaxElectrificationS)
        {
            throw new CatalogueLoadException(testMethodFile!, "constants.electrification_s", System.FormattableString.Invariant(
                $"{seconds} s is outside the insulation method's {insulation.MinElectrificationS}-{insulation.MaxElectrificationS} s ({methodFile})"));
        }
    }

    private void CheckReferences(DataNode node, ProductSpec spec)
    {
        if (spec.InsulationResistanceType is { } type
            && !insulationTypes.Any(t => string.Equals(t.CableType, type, StringComparison.OrdinalIgnoreCase)))
        {
            throw node.Error($"insulation-resistance type '{type}' is not in any loaded table");
        }

        if (spec.InsulationResistanceCompound is { } compound && !compounds.Any(c => c.Matches(compound)))
        {
            throw node.Error($"insulation compound '{compound}' is not in any loaded table");
        }

        var family = families.FirstOrDefault(f => string.Equals(f.Family, spec.VoltageTestFamily, StringComparison.OrdinalIgnoreCase))
            ?? throw node.Error($"voltage-test family '{spec.VoltageTestFamily}' is not loaded");
        if (!family.Levels.Any(l => l.Rated == spec.RatedVoltage))
        {
            throw node.Error($"{family.Family} has no test level for rated voltage {spec.RatedVoltage}");
        }
    }

    private void ClaimEdition(DataNode root, string kind)
    {
        var key = kind + "|" + root.Str("edition_id");
        if (!editionFiles.TryAdd(key, root.File.Name))
        {
            throw root.Error($"{kind} edition '{root.Str("edition_id")}' is already loaded from {editionFiles[key]}");
        }
    }

    private static StandardInfo Info(DataNode root, IReadOnlyList<string> tables, int unverified) =>
        new(root.Str("standard"), root.Str("edition"), root.Str("edition_id"), root.Str("title"), tables, unverified, root.File.Origin);
}
