using CableTest.Domain.Standards;

namespace CableTest.Domain.Uncertainty;

/// <summary>
/// Budget of an insulation resistance result (GB/T 3048.5). Every criterion is proportional to the reading R and to
/// the length L: R_L = R L; Ki = R L / lg(D/d); ρ = 2π L R / ln(D/d). So for the compared quantity Q:
/// c_R = Q / R (direct meter), or, for R = V / I, c_V = Q / V and c_I = −Q / I; c_L = Q / L;
/// for Ki and ρ also c_D = −Q / (ln(D/d) · D) and c_d = +Q / (ln(D/d) · d).
/// Budgets: the compared quantity, the reading R in MΩ, and the measured test temperature when its sensor is given. The
/// temperature is a test condition here, not a correction: how far R moves with it depends on the compound, and no
/// sourced coefficient is in the standards data, so its effect on R is not propagated into the compared quantity.
/// </summary>
public static class InsulationBudget
{
    public static BudgetOutcome Compute(InsulationUncertaintyInputs inputs, InsulationCriterion criterion, decimal measuredMohm, decimal lengthM,
        decimal testVoltageV, decimal conductorDiameterMm, decimal outerDiameterMm, decimal compared, decimal testTemperatureC)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var (quantity, unit) = criterion switch
        {
            InsulationCriterion.ResistanceLength => ("r_l_mohm_km", "MΩ·km"),
            InsulationCriterion.Ki => ("ki_mohm_km", "MΩ·km"),
            _ => ("rho_ohm_cm", "Ω·cm"),
        };
        var q = (double)compared;
        var ohm = measuredMohm * 1_000_000m;
        var reading = ReadingParts(inputs, ohm, testVoltageV, q, $"({unit})", out var problem);
        var own = ReadingParts(inputs, ohm, testVoltageV, (double)measuredMohm, "(MΩ)", out _);
        if (reading is null || own is null)
        {
            return new([], [problem ?? "no insulation meter accuracy given: no uncertainty budget"]);
        }

        var problems = new List<string>();
        var components = new List<UncertaintyComponent>(reading);
        var l = (double)lengthM;
        if (inputs.Length is { } length)
        {
            components.Add(UncertaintyComponent.LimitOfError("immersed length", "L", length.Source, (double)length.HalfWidthMm / 1000d, "m", q / l, $"({unit})/m", length.Tag));
        }
        else
        {
            problems.Add("no length tolerance given: the length's uncertainty is not in the budget");
        }

        if (criterion != InsulationCriterion.ResistanceLength)
        {
            if (inputs.Diameters is { } diameters)
            {
                var (d, outer) = ((double)conductorDiameterMm, (double)outerDiameterMm);
                var lnRatio = Math.Log(outer / d);
                components.Add(UncertaintyComponent.LimitOfError("diameter over the insulation", "D", diameters.Source, (double)diameters.HalfWidthMm, "mm", -q / (lnRatio * outer), $"({unit})/mm", diameters.Tag));
                components.Add(UncertaintyComponent.LimitOfError("diameter under the insulation", "d", diameters.Source, (double)diameters.HalfWidthMm, "mm", q / (lnRatio * d), $"({unit})/mm", diameters.Tag));
            }
            else
            {
                problems.Add("no diameter tolerance given: the uncertainty of d and D is not in the budget");
            }
        }

        List<UncertaintyBudget> budgets =
        [
            UncertaintyBudget.Combine(quantity, unit, q, components, compared: true),
            UncertaintyBudget.Combine("measured_resistance_mohm", "MΩ", (double)measuredMohm, own, compared: false),
        ];
        if (inputs.Thermometer is { } thermometer)
        {
            if (ReadingComponents.Of(thermometer, testTemperatureC, "t", "test temperature sensor", 1d, "°C/°C") is { } sensor)
            {
                budgets.Add(UncertaintyBudget.Combine("test_temperature_c", "°C", (double)testTemperatureC, sensor, compared: false));
            }
            else
            {
                problems.Add(ReadingComponents.OutOfRange(thermometer, testTemperatureC, "test_temperature_c"));
            }
        }

        return new(budgets, problems);
    }

    /// <summary>The reading's components for a quantity <paramref name="q"/> proportional to R.</summary>
    private static List<UncertaintyComponent>? ReadingParts(InsulationUncertaintyInputs inputs, decimal ohm, decimal volts, double q, string unit, out string? problem)
    {
        problem = null;
        if (inputs.Meter is { } meter)
        {
            var parts = ReadingComponents.Of(meter, ohm, "R", "insulation meter", q / (double)ohm, unit + "/Ω");
            problem = parts is null ? ReadingComponents.OutOfRange(meter, ohm, "the insulation resistance") : null;
            return parts?.ToList();
        }

        if (inputs.SourceMeasure is not { } sm || volts <= 0m)
        {
            return null;
        }

        var amps = volts / ohm;
        var source = ReadingComponents.Of(new InstrumentUse(sm.SourceVoltage), volts, "V", "test voltage source", q / (double)volts, unit + "/V");
        var ammeter = ReadingComponents.Of(new InstrumentUse(sm.Ammeter, sm.CurrentRangeMax), amps, "I", "ammeter", -q / (double)amps, unit + "/A");
        if (source is null || ammeter is null)
        {
            problem = source is null
                ? ReadingComponents.OutOfRange(new InstrumentUse(sm.SourceVoltage), volts, "the insulation resistance")
                : ReadingComponents.OutOfRange(new InstrumentUse(sm.Ammeter, sm.CurrentRangeMax), amps, "the insulation resistance");
            return null;
        }

        // The source is set, not read: its accuracy counts, its setting resolution does not.
        return [source[0], .. ammeter];
    }
}
