using System.Globalization;

namespace CableTest.Domain.Standards;

public sealed partial class StandardsCatalogue
{
    /// <summary>The family (e.g. "IEC 60227") whose table lists <paramref name="rated"/>, or null when none or several do.</summary>
    public VoltageTestFamily? FamilyForRating(RatedVoltage rated)
    {
        var matches = VoltageTestFamilies.Where(f => f.Levels.Any(l => l.Rated == rated)).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>The family named <paramref name="family"/> ("IEC 60227", "IEC 60502-1", "IEC 60502-2"), or null.</summary>
    public VoltageTestFamily? FindVoltageTestFamily(string family) =>
        VoltageTestFamilies.FirstOrDefault(f => string.Equals(f.Family, family.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The held-voltage tolerance (percent) for a test of <paramref name="durationS"/> seconds.</summary>
    public VoltageTolerance ToleranceFor(decimal durationS) =>
        VoltageTolerances.First(t => t.MaxDurationS is null || durationS <= t.MaxDurationS);

    /// <summary>
    /// The required test voltage and duration for a cable rated <paramref name="ratedVoltage"/>
    /// ("450/750 V", "0.6/1 kV") in the family named (or, when null, the one family that lists the
    /// rating), AC or DC. A rating the family does not list, or DC where the family has no DC
    /// alternative, is "no_limit_defined".
    /// </summary>
    public Lookup<VoltageTestRequirement> FindVoltageTest(string ratedVoltage, VoltageKind kind, string? family = null)
    {
        if (!RatedVoltage.TryParse(ratedVoltage, out var rated))
        {
            return Lookup<VoltageTestRequirement>.Missing(ReasonCodes.InvalidInput, $"'{ratedVoltage}' is not a rated voltage U0/U such as 450/750 V or 0.6/1 kV.");
        }

        var fam = family is null ? FamilyForRating(rated) : FindVoltageTestFamily(family);
        if (fam is null)
        {
            return Lookup<VoltageTestRequirement>.Missing(ReasonCodes.NoLimitDefined, family is null
                ? $"no voltage-test table lists rated voltage {rated} ({string.Join("; ", VoltageTestFamilies.Select(f => $"{f.Family}: {string.Join(", ", f.Levels.Select(l => l.Rated))}"))})."
                : $"the catalogue has no voltage-test family '{family}' ({string.Join(", ", VoltageTestFamilies.Select(f => f.Family))}).");
        }

        var level = fam.Levels.FirstOrDefault(l => l.Rated == rated);
        if (level is null)
        {
            return Lookup<VoltageTestRequirement>.Missing(ReasonCodes.NoLimitDefined,
                $"{fam.Standard} has no test voltage for rated voltage {rated} (it lists {string.Join(", ", fam.Levels.Select(l => l.Rated))}).");
        }

        if (kind == VoltageKind.DC && level.DcKv is null)
        {
            return Lookup<VoltageTestRequirement>.Missing(ReasonCodes.NoLimitDefined,
                $"{fam.Standard} gives no DC alternative for {rated}; the voltage test is AC.");
        }

        var kv = kind == VoltageKind.AC ? level.AcKv : level.DcKv!.Value;
        var seconds = kind == VoltageKind.AC ? level.AcDurationS : level.DcDurationS ?? level.AcDurationS;
        var tolerance = ToleranceFor(seconds);
        return Lookup<VoltageTestRequirement>.Of(new VoltageTestRequirement(
            fam.Family, fam.Standard, fam.Edition,
            string.Create(CultureInfo.InvariantCulture, $"{fam.Clause}: {rated} {kind} {kv} kV {seconds} s"),
            rated, kind, kv, seconds,
            kind == VoltageKind.AC ? fam.MinFrequencyHz : null,
            kind == VoltageKind.AC ? fam.MaxFrequencyHz : null,
            tolerance.Pct,
            kind == VoltageKind.AC ? level.AcProvenance : level.DcProvenance!,
            kind == VoltageKind.AC ? fam.FrequencyProvenance : null,
            tolerance.Provenance));
    }
}
