using System.Globalization;
using CableTest.Domain;
using CableTest.Domain.Standards;
using CableTest.Domain.Uncertainty;
using CableTest.Domain.Verdicts;
using CableTest.Instruments.Drivers;
using CableTest.Runs.Plan;

namespace CableTest.Runs.Procedures.InsulationResistance;

public sealed partial class InsulationResistanceProcedure
{
    private TestVerdict Judge(TestPlan plan, InsulationReading? last, double testTemperatureC, InstrumentAccuracy? temperatureSensor, bool inBath, bool bathMeasured)
    {
        var sample = plan.Sample;
        var criterion = inBath ? InsulationCriterion.ResistanceLength : InsulationCriterion.Ki;
        TestVerdict verdict;
        if (last is null || last.OverRange)
        {
            verdict = StepVerdicts.Problem(TestKind.InsulationResistance, "over_range", "the megohmmeter reported over range at the reading time: the value is only a lower bound", inconclusive: true);
        }
        else if (plan.Requirements.InsulationResistanceKey is not { } key)
        {
            verdict = StepVerdicts.Problem(TestKind.InsulationResistance, "no_limit_defined", $"{plan.Requirements.Spec.Id} names no insulation-resistance table");
        }
        else if (Implausible(sample.LengthM, sample.ConductorDiameterMm, sample.InsulationOuterDiameterMm, testTemperatureC) is { } problem)
        {
            verdict = StepVerdicts.Error(TestKind.InsulationResistance, ReasonCodes.InvalidInput, problem);
        }
        else
        {
            verdict = _engine.EvaluateInsulationResistance(
                new InsulationResistanceInput(
                    key,
                    criterion,
                    (decimal)Math.Round(last.ResistanceOhm / 1e6, 6),
                    (decimal)sample.LengthM,
                    (decimal)Math.Round(testTemperatureC, 2),
                    (decimal)Math.Round(TestVoltageRule.JudgedVoltageV(last.VoltageV, _options.TestVoltageV, _options.NominalVoltageTolerance), 3),
                    (decimal)Math.Round(last.ElapsedS, 3),
                    (decimal)(sample.ConductorDiameterMm ?? 0),
                    (decimal)(sample.InsulationOuterDiameterMm ?? 0))
                {
                    Uncertainty = _options.UncertaintyFor(sample.LengthM, temperatureSensor),
                    ConductorClass = plan.Requirements.Conductor.ConductorClass,
                    CrossSectionMm2 = plan.Requirements.Conductor.CrossSectionMm2,
                    MethodName = MethodName,
                    DiametersKnown = sample.ConductorDiameterMm is not null && sample.InsulationOuterDiameterMm is not null,
                },
                plan.Settings.Rule);
        }

        List<string> warnings =
        [
            .. verdict.Warnings,
            string.Create(CultureInfo.InvariantCulture, $"test voltage judged as the nominal {_options.TestVoltageV:0} V DC set on the megohmmeter (measured {last?.VoltageV:0.##} V, within 2 %; a larger deviation is judged as measured)"),
        ];
        if (inBath && !bathMeasured)
        {
            // The fallback of a bench without a bath thermometer (and of runs recorded before it had one): the same words.
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"test temperature {_options.WaterBathTemperatureC:0.#} °C is the configured water-bath temperature (Bench:WaterBathTemperatureC), not a measured one"));
        }

        return verdict with { Warnings = warnings };
    }

    /// <summary>Why the sample's numbers cannot be judged (NaN or infinite), or null; zero and negative values are the engine's to refuse.</summary>
    private static string? Implausible(double lengthM, double? conductorDiameterMm, double? insulationOuterDiameterMm, double testTemperatureC)
    {
        if (!Plausibility.IsPlausible(lengthM))
        {
            return string.Create(CultureInfo.InvariantCulture, $"sample length {lengthM} m is not a number: register the sample with its immersed length");
        }

        if (conductorDiameterMm is { } d && !Plausibility.IsPlausible(d))
        {
            return string.Create(CultureInfo.InvariantCulture, $"conductor diameter d ({d} mm) is not a number: register the sample with the measured diameter under the insulation");
        }

        if (insulationOuterDiameterMm is { } outer && !Plausibility.IsPlausible(outer))
        {
            return string.Create(CultureInfo.InvariantCulture, $"insulation outer diameter D ({outer} mm) is not a number: register the sample with the measured diameter over the insulation");
        }

        return Plausibility.IsPlausible(testTemperatureC) ? null
            : string.Create(CultureInfo.InvariantCulture, $"test temperature {testTemperatureC} °C is not a number: repeat the ambient check");
    }
}
