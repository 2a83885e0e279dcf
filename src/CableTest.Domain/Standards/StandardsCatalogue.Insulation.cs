using System.Globalization;

namespace CableTest.Domain.Standards;

public sealed partial class StandardsCatalogue
{
    /// <summary>The IEC 60227 table of a cable type ("60227 IEC 01", also "227 IEC 01"), or null.</summary>
    public InsulationTypeTable? FindInsulationType(string cableType)
    {
        var key = NormaliseType(cableType);
        return InsulationTypes.FirstOrDefault(t => string.Equals(NormaliseType(t.CableType), key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The IEC 60502-1 compound named <paramref name="compound"/> (or an alias), or null.</summary>
    public InsulationCompound? FindInsulationCompound(string compound) =>
        InsulationCompounds.FirstOrDefault(c => c.Matches(compound.Trim()));

    /// <summary>
    /// The minimum for <paramref name="criterion"/> at <paramref name="testTemperatureC"/>:
    /// an IEC 60227 cable type gives R_L by class and cross-section at its table temperature; an
    /// IEC 60502-1 compound gives Ki or rho at 20 degC or its maximum conductor temperature. The
    /// test temperature must be within <see cref="Standards.InsulationMethod.TemperatureMatchC"/> of a
    /// tabulated temperature; otherwise, or for a criterion the table does not give, "no_limit_defined".
    /// </summary>
    public Lookup<InsulationResistanceMinimum> FindInsulationMinimum(
        string cableTypeOrCompound,
        InsulationCriterion criterion,
        decimal testTemperatureC,
        int? conductorClass = null,
        decimal? crossSectionMm2 = null)
    {
        var type = FindInsulationType(cableTypeOrCompound);
        if (type is not null)
        {
            return FromType(type, criterion, testTemperatureC, conductorClass, crossSectionMm2);
        }

        var compound = FindInsulationCompound(cableTypeOrCompound);
        return compound is not null
            ? FromCompound(compound, criterion, testTemperatureC)
            : Lookup<InsulationResistanceMinimum>.Missing(ReasonCodes.NoLimitDefined,
                $"the catalogue has no insulation-resistance table for '{cableTypeOrCompound}' (IEC 60227 types: {string.Join(", ", InsulationTypes.Select(t => t.CableType))}; IEC 60502-1 compounds: {string.Join(", ", InsulationCompounds.Select(c => c.Name))}).");
    }

    private Lookup<InsulationResistanceMinimum> FromType(InsulationTypeTable type, InsulationCriterion criterion, decimal t, int? cls, decimal? csa)
    {
        if (criterion != InsulationCriterion.ResistanceLength)
        {
            return Lookup<InsulationResistanceMinimum>.Missing(ReasonCodes.NoLimitDefined,
                $"{type.Standard} gives a minimum R x L (MOhm.km) for {type.CableType}, not {criterion.ToWireName()}; use criterion R_L.");
        }

        if (Math.Abs(t - type.TemperatureC) > InsulationMethod.TemperatureMatchC)
        {
            return Lookup<InsulationResistanceMinimum>.Missing(ReasonCodes.NoLimitDefined,
                string.Create(CultureInfo.InvariantCulture,
                    $"{type.Standard} tabulates the {type.CableType} minimum at {type.TemperatureC} degC only; there is no minimum for a test at {t} degC."));
        }

        if (csa is null)
        {
            return Lookup<InsulationResistanceMinimum>.Missing(ReasonCodes.InvalidInput,
                $"the {type.CableType} minimum depends on the conductor cross-section; none was given.");
        }

        var candidates = type.Rows.Where(r => r.CrossSectionMm2 == csa && (cls is null || r.ConductorClass == cls)).ToList();
        if (candidates.Count == 0)
        {
            return Lookup<InsulationResistanceMinimum>.Missing(ReasonCodes.NoLimitDefined,
                string.Create(CultureInfo.InvariantCulture,
                    $"{type.Standard} {type.CableType} lists no minimum for {(cls is null ? "" : $"class {cls} ")}{csa} mm2 (classes {string.Join("/", type.Rows.Select(r => r.ConductorClass).Distinct())}, {type.Rows.Min(r => r.CrossSectionMm2)}-{type.Rows.Max(r => r.CrossSectionMm2)} mm2). Never fall back to another class or size."));
        }

        if (candidates.Select(c => c.MinimumMohmKm).Distinct().Count() > 1)
        {
            return Lookup<InsulationResistanceMinimum>.Missing(ReasonCodes.InvalidInput,
                string.Create(CultureInfo.InvariantCulture,
                    $"{type.CableType} {csa} mm2 has different minimums for classes {string.Join(" and ", candidates.Select(c => c.ConductorClass))}; give the conductor class."));
        }

        var row = candidates[0];
        return Lookup<InsulationResistanceMinimum>.Of(new InsulationResistanceMinimum(
            type.CableType, criterion, row.MinimumMohmKm, criterion.Unit(), type.TemperatureC,
            type.Standard, type.Edition, type.EditionId,
            string.Create(CultureInfo.InvariantCulture, $"{type.Clause}, class {row.ConductorClass} {row.CrossSectionMm2} mm2 at {type.TemperatureC} degC"),
            row.Provenance, []));
    }

    private Lookup<InsulationResistanceMinimum> FromCompound(InsulationCompound compound, InsulationCriterion criterion, decimal t)
    {
        if (criterion == InsulationCriterion.ResistanceLength)
        {
            return Lookup<InsulationResistanceMinimum>.Missing(ReasonCodes.NoLimitDefined,
                $"{compound.Standard} gives Ki and rho minimums for {compound.Name}, not R x L; use criterion Ki or rho.");
        }

        var limit = compound.Limits.FirstOrDefault(l => Math.Abs(t - l.TemperatureC) <= InsulationMethod.TemperatureMatchC);
        if (limit is null)
        {
            return Lookup<InsulationResistanceMinimum>.Missing(ReasonCodes.NoLimitDefined,
                string.Create(CultureInfo.InvariantCulture,
                    $"{compound.Standard} gives {compound.Name} minimums at {string.Join(" and ", compound.Limits.Select(l => $"{l.TemperatureC} degC"))} only; there is no minimum for a test at {t} degC."));
        }

        var notes = compound.Uncertain is null ? Array.Empty<string>() : [compound.Uncertain];
        return Lookup<InsulationResistanceMinimum>.Of(new InsulationResistanceMinimum(
            compound.Name, criterion, criterion == InsulationCriterion.Ki ? limit.KiMohmKm : limit.RhoOhmCm, criterion.Unit(), limit.TemperatureC,
            compound.Standard, compound.Edition, compound.EditionId,
            string.Create(CultureInfo.InvariantCulture, $"{compound.Clause}: {compound.Name} at {limit.TemperatureC} degC"),
            limit.Provenance, notes));
    }

    private static string NormaliseType(string type)
    {
        var m = CableTypePattern().Match(type);
        return m.Success ? "60227 IEC " + m.Groups["n"].Value : string.Join(' ', type.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:60)?227\s*IEC\s*(?<n>\d{2})\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CableTypePattern();
}
