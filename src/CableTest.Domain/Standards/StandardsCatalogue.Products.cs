namespace CableTest.Domain.Standards;

public sealed partial class StandardsCatalogue
{
    /// <summary>Product specs with this product code (case-insensitive), optionally of one rated voltage.</summary>
    public IReadOnlyList<ProductSpec> FindProductSpecs(string productCode, string? ratedVoltage = null)
    {
        RatedVoltage? rated = null;
        if (ratedVoltage is not null && RatedVoltage.TryParse(ratedVoltage, out var parsed))
        {
            rated = parsed;
        }

        return ProductSpecs
            .Where(s => string.Equals(s.ProductCode, productCode.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(s => rated is null || s.RatedVoltage == rated)
            .ToList();
    }

    /// <summary>The product spec with this id, or null.</summary>
    public ProductSpec? FindProductSpec(string id) =>
        ProductSpecs.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
}

public sealed partial class StandardsCatalogue
{
    /// <summary>
    /// Resolves a sample registered as product code + rated voltage + cross-section + cores (+ class
    /// when the spec allows several, e.g. BV class 1 or 2) to what it is judged against.
    /// invalid_input when the spec is unknown or ambiguous or the sample lies outside it.
    /// </summary>
    public Lookup<SampleRequirements> ResolveSample(string productCode, string ratedVoltage, decimal crossSectionMm2, int cores, int? conductorClass = null)
    {
        var specs = FindProductSpecs(productCode, ratedVoltage);
        if (specs.Count != 1)
        {
            return Lookup<SampleRequirements>.Missing(ReasonCodes.InvalidInput, specs.Count == 0
                ? $"no product spec for {productCode} {ratedVoltage} (known: {string.Join(", ", ProductSpecs.Select(s => $"{s.ProductCode} {s.RatedVoltage}").Distinct())})"
                : $"{specs.Count} product specs match {productCode} {ratedVoltage}: {string.Join(", ", specs.Select(s => s.Id))}");
        }

        var spec = specs[0];
        var cls = conductorClass ?? (spec.ConductorClasses.Count == 1 ? spec.ConductorClasses[0] : (int?)null);
        if (cls is null || !spec.ConductorClasses.Contains(cls.Value))
        {
            return Lookup<SampleRequirements>.Missing(ReasonCodes.InvalidInput,
                $"{spec.Id} allows conductor classes {string.Join(", ", spec.ConductorClasses)}; {(cls is null ? "give the class" : $"class {cls} is not one of them")}");
        }

        if (!spec.Covers(crossSectionMm2) || cores < spec.MinCores || cores > spec.MaxCores)
        {
            return Lookup<SampleRequirements>.Missing(ReasonCodes.InvalidInput,
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{spec.Id} covers {spec.MinCrossSectionMm2}-{spec.MaxCrossSectionMm2} mm2 and {spec.MinCores}-{spec.MaxCores} cores; the sample is {cores}x{crossSectionMm2} mm2"));
        }

        return Lookup<SampleRequirements>.Of(new SampleRequirements(
            spec, new ConductorSpec(cls.Value, spec.Material, spec.Coated, crossSectionMm2), cores, spec.InsulationResistanceKey, spec.VoltageTestFamily));
    }
}
