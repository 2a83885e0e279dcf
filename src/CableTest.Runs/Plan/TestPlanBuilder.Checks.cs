using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Instruments.Drivers;

namespace CableTest.Runs.Plan;

public sealed partial class TestPlanBuilder
{
    private void CheckTest(TestKind test, PlanRequest request, SampleRequirements requirements, List<PlanViolation> violations)
    {
        var sample = request.Sample;
        switch (test)
        {
            case TestKind.ConductorResistance:
                var limit = catalogue.FindConductorResistanceLimit(requirements.Conductor, request.Settings.Edition);
                if (!limit.Found)
                {
                    violations.Add(new PlanViolation("cross_section_mm2",
                        $"no tabulated conductor-resistance limit for {requirements.Conductor.Describe()} ({limit.Detail}); register the sample with a tabulated size or class, or leave conductor_resistance out of tests",
                        PlanViolationKind.FailedPrecondition));
                }
                else if (Reach(request.Bench, InstrumentRole.ConductorResistanceMeter) is { } maxOhm && (double)limit.Value!.MaxOhmPerKm * sample.LengthM / 1000 > maxOhm)
                {
                    violations.Add(new PlanViolation("length_m",
                        Invariant($"the micro-ohmmeter reaches {maxOhm} ohm, and {sample.LengthM} m of this conductor may measure up to {(double)limit.Value!.MaxOhmPerKm * sample.LengthM / 1000:0.###} ohm; test a shorter specimen or fit a meter with a higher range"),
                        PlanViolationKind.FailedPrecondition));
                }

                break;
            case TestKind.InsulationResistance:
                CheckInsulation(request, requirements, violations);
                break;
            case TestKind.VoltageWithstand:
                var level = catalogue.FindVoltageTest(sample.RatedVoltage, request.Settings.VoltageKind, requirements.VoltageTestFamily);
                if (!level.Found)
                {
                    violations.Add(new PlanViolation("withstand_voltage_kind",
                        $"no withstand test level for {sample.RatedVoltage} {request.Settings.VoltageKind} ({level.Detail}); ask for the voltage kind the standard gives, or leave voltage_withstand out of tests",
                        PlanViolationKind.FailedPrecondition));
                }
                else if (Reach(request.Bench, InstrumentRole.WithstandTester) is { } maxKv && (double)level.Value!.RequiredKv > maxKv)
                {
                    violations.Add(new PlanViolation("withstand_voltage_kind",
                        Invariant($"the withstand tester reaches {maxKv} kV, the test needs {level.Value!.RequiredKv} kV; use a tester that reaches it"),
                        PlanViolationKind.FailedPrecondition));
                }

                break;
        }
    }

    private void CheckInsulation(PlanRequest request, SampleRequirements requirements, List<PlanViolation> violations)
    {
        var sample = request.Sample;
        if (requirements.InsulationResistanceKey is not { } key)
        {
            violations.Add(new PlanViolation("tests",
                $"{requirements.Spec.Id} names no insulation-resistance table; leave insulation_resistance out of tests or use a spec that has one",
                PlanViolationKind.FailedPrecondition));
            return;
        }

        var criterion = InsulationCriterionFor(requirements);
        if (criterion != InsulationCriterion.ResistanceLength)
        {
            // Ki and rho are computed from lg(D/d): without both diameters the test could not produce a verdict.
            if (sample.ConductorDiameterMm is null)
            {
                violations.Add(new PlanViolation("conductor_diameter_mm", $"the {key} insulation is judged by Ki, which needs d (the diameter under the insulation); register the sample with conductor_diameter_mm"));
            }

            if (sample.InsulationOuterDiameterMm is null)
            {
                violations.Add(new PlanViolation("insulation_outer_diameter_mm", $"the {key} insulation is judged by Ki, which needs D (the diameter over the insulation); register the sample with insulation_outer_diameter_mm"));
            }
        }

        var temperatureC = criterion == InsulationCriterion.ResistanceLength ? request.Bench.WaterBathTemperatureC : 20;
        var minimum = catalogue.FindInsulationMinimum(key, criterion, (decimal)temperatureC, requirements.Conductor.ConductorClass, requirements.Conductor.CrossSectionMm2);
        if (!minimum.Found)
        {
            violations.Add(new PlanViolation("cross_section_mm2",
                $"no tabulated insulation-resistance minimum for {key}, {requirements.Conductor.Describe()} ({minimum.Detail}); register the sample with a tabulated size or class, or leave insulation_resistance out of tests",
                PlanViolationKind.FailedPrecondition));
        }
    }

    private static void CheckBench(IReadOnlyCollection<TestKind> tests, BenchFacts bench, List<PlanViolation> violations)
    {
        var roles = new List<InstrumentRole> { InstrumentRole.AmbientSensor };
        roles.AddRange(tests.Select(RoleFor));
        foreach (var role in roles)
        {
            var name = InstrumentRoles.Name(role);
            var instruments = bench.Instruments.Where(i => i.Role == role).ToList();
            if (instruments.Count == 0)
            {
                violations.Add(new PlanViolation($"bench.{name}", $"the bench has no {name}; configure one under Bench:Instruments (Role={name}) or leave its test out", PlanViolationKind.FailedPrecondition));
                continue;
            }

            foreach (var instrument in instruments)
            {
                if (instrument.NotReady is { } why)
                {
                    violations.Add(new PlanViolation($"bench.{name}", $"{instrument.Id} ({name}) is not ready: {why}", PlanViolationKind.FailedPrecondition));
                }

                if (bench.BlockOnOverdueCalibration && instrument.CalibrationDue is { } due && due < bench.Today)
                {
                    violations.Add(new PlanViolation($"bench.{name}",
                        Invariant($"calibration overdue: {instrument.Id} (due {due:yyyy-MM-dd}); recalibrate it, or set Bench:CalibrationPolicy=inconclusive to run with inconclusive verdicts"),
                        PlanViolationKind.FailedPrecondition));
                }
            }
        }
    }

    private static InstrumentRole RoleFor(TestKind test) => test switch
    {
        TestKind.ConductorResistance => InstrumentRole.ConductorResistanceMeter,
        TestKind.InsulationResistance => InstrumentRole.InsulationTester,
        _ => InstrumentRole.WithstandTester,
    };

    private static double? Reach(BenchFacts bench, InstrumentRole role) =>
        bench.Instruments.Where(i => i.Role == role && i.MaxReach is not null).Select(i => i.MaxReach).Max();
}
