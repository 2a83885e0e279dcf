using CableTest.Domain.Standards;
using CableTest.Domain.Uncertainty;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Tests.Uncertainty;

/// <summary>Worked budgets of insulation resistance and withstand voltage results, arithmetic written out, to 1e-4.</summary>
public sealed class InsulationAndWithstandBudgetWorkedTests
{
    /// <summary>
    /// Case 3 (insulation R_L, electrometer in V-source ohms, R = V / I): 60227 IEC 01 2.5 mm² class 1 at 70 °C, 5 m,
    /// 7.14 MΩ at 500 V: R_L = 7.14·0.005 = 0.0357 MΩ·km; I = 500 / 7.14e6 = 7.002801e-5 A (200 µA range).
    /// Source (6517B 1000 V range, M): a = 0.15 %·500 + 0.1 = 0.85 V, u = 0.4907477 V; c_V = R_L/V = 7.14e-5 → 3.503939e-5 MΩ·km.
    /// Ammeter (6517B 200 µA, V1): a = 0.1 %·7.002801e-5 + 5e-9 = 7.502801e-8 A, u = 4.331744e-8 A; c_I = −R_L/I = −509.796
    ///   → 2.208306e-5 MΩ·km; resolution 100 pA → 1.471654e-8 MΩ·km. The source's setting resolution does not count.
    /// Length (tape class II, 5 m): a = 1.3 mm, u = 7.505553e-4 m; c_L = R_L/L = 7.14e-3 → 5.358965e-6 MΩ·km.
    /// u_c = 4.176289e-5; U = 8.352578e-5 MΩ·km (0.23 %), reported 0.000084. The reading: U(R) = 1.656705e-2 MΩ.
    /// </summary>
    [Fact]
    public void Budget_Case3_Keithley6517B_SourceMeasure_RL()
    {
        var v = VerdictEngine.Default.EvaluateInsulationResistance(new InsulationResistanceInput("60227 IEC 01", InsulationCriterion.ResistanceLength,
            7.14m, 5m, 70m, 500m, 60m, 1.78m, 3.38m)
        {
            ConductorClass = 1,
            CrossSectionMm2 = 2.5m,
            Uncertainty = new(null, new(WorkedInstruments.K6517BSource, WorkedInstruments.K6517BAmmeter), LengthTolerance.Tape(2, 5m)),
        });

        Assert.Equal(Outcome.Pass, v.Outcome);
        var rl = v.Uncertainty[0];
        Assert.Equal(("r_l_mohm_km", "MΩ·km"), (rl.Quantity, rl.Unit));
        Assert.Equal(["V", "I", "I", "L"], rl.Components.Select(c => c.Symbol));
        double[] contributions = [3.503938784e-5, 2.208305890e-5, 1.471654289e-8, 5.358965199e-6];
        foreach (var (want, got) in contributions.Zip(rl.Components))
        {
            Close.Equal(want, got.Contribution, got.Name);
        }

        Close.Equal(-509.796, rl.Components[1].SensitivityCoefficient, "c_I");
        Close.Equal(4.176288921e-5, rl.CombinedStandardUncertainty, "u_c");
        Close.Equal(8.352577841e-5, rl.ExpandedUncertainty, "U");
        Assert.Equal(0.000084m, rl.ReportedExpandedUncertainty);
        Close.Equal(1.656705360e-2, v.Uncertainty[1].ExpandedUncertainty, "U(R)");
    }

    /// <summary>
    /// Case 3b: case 3 with the bath temperature measured, 70.25 °C, by the simulator's PT100 (±0.2 °C, resolution 0.1 °C):
    /// accuracy u = 0.2 / √3 = 0.1154701 °C, resolution u = 0.05 / √3 = 0.02886751 °C; u_c = √(0.01333333 + 0.00083333) =
    /// 0.1190238 °C, U = 0.2380476 °C, reported 0.24. A budget of its own: the compared R_L's budget is case 3's unchanged
    /// (the temperature is a test condition at 70 °C, not a correction, and no sourced coefficient says how R moves with it).
    /// </summary>
    [Fact]
    public void Budget_Case3b_MeasuredBathTemperature_OwnBudget_RLUnchanged()
    {
        var v = VerdictEngine.Default.EvaluateInsulationResistance(new InsulationResistanceInput("60227 IEC 01", InsulationCriterion.ResistanceLength,
            7.14m, 5m, 70.25m, 500m, 60m, 1.78m, 3.38m)
        {
            ConductorClass = 1,
            CrossSectionMm2 = 2.5m,
            Uncertainty = new(null, new(WorkedInstruments.K6517BSource, WorkedInstruments.K6517BAmmeter), LengthTolerance.Tape(2, 5m),
                Thermometer: new InstrumentUse(WorkedInstruments.SimBath)),
        });

        Assert.Equal(3, v.Uncertainty.Count);
        Close.Equal(8.352577841e-5, v.Uncertainty[0].ExpandedUncertainty, "U(R_L) as case 3");
        var t = v.Uncertainty[2];
        Assert.Equal(("test_temperature_c", "°C", false), (t.Quantity, t.Unit, t.Compared));
        Close.Equal(70.25, t.Value, "t");
        Assert.Equal(["t", "t"], t.Components.Select(c => c.Symbol));
        Close.Equal(0.1154700538, t.Components[0].Contribution, "accuracy");
        Close.Equal(0.02886751346, t.Components[1].Contribution, "resolution");
        Close.Equal(0.1190238072, t.CombinedStandardUncertainty, "u_c");
        Close.Equal(0.2380476143, t.ExpandedUncertainty, "U");
        Assert.Equal(0.24m, t.ReportedExpandedUncertainty);
    }

    /// <summary>
    /// Case 4 (insulation Ki, super megohmmeter, R = V / I, with diameters): PVC/A at 20 °C, 10 m, 100 GΩ at 100 V — the
    /// HIOKI manual's example, I = 1 nA. R_L = 1e5·0.01 = 1000 MΩ·km; ln(D/d) = ln(3.38/1.78) = 0.6412623;
    /// Ki = 1000 / lg(1.898876) = 1000 / 0.2784967 = 3590.7068 MΩ·km.
    /// Source (M): a = 0.1 %·100 + 0.05 %·100 = 0.15 V; c_V = Ki/V = 35.90707 → 3.109643 MΩ·km.
    /// Ammeter (M): a = 0.5 %·1 nA + 20·10 fA = 5.2e-12 A; c_I = −Ki/I = −3.590707e12 → 10.78010 MΩ·km; resolution → 1.036548e-2.
    /// Length (tape class II, 10 m): 4.768120e-1 MΩ·km.
    /// Diameters ±0.01 mm (micrometer, lab): c_D = −Ki/(ln(D/d)·D) = −1656.638 → 9.564602; c_d = Ki/(ln(D/d)·d) = 3145.750 → 18.16200.
    /// u_c = 23.39760 MΩ·km; U = 46.79519 MΩ·km (1.3 %: d dominates), reported 47.
    /// </summary>
    [Fact]
    public void Budget_Case4_HiokiSm7110_SourceMeasure_KiWithDiameters()
    {
        var v = VerdictEngine.Default.EvaluateInsulationResistance(new InsulationResistanceInput("PVC/A", InsulationCriterion.Ki,
            100000m, 10m, 20m, 100m, 60m, 1.78m, 3.38m)
        {
            Uncertainty = new(null, new(WorkedInstruments.Sm7110Source, WorkedInstruments.Sm7110Ammeter), LengthTolerance.Tape(2, 10m),
                new LengthTolerance(0.01m, "micrometer, laboratory figure", "lab")),
        });

        var ki = v.Uncertainty[0];
        Assert.Equal("ki_mohm_km", ki.Quantity);
        Close.Equal(3590.706846, ki.Value, "Ki");
        Assert.Equal(["V", "I", "I", "L", "D", "d"], ki.Components.Select(c => c.Symbol));
        double[] contributions = [3.109643346, 10.78009693, 1.036547782e-2, 4.768119798e-1, 9.564601563, 18.16199623];
        foreach (var (want, got) in contributions.Zip(ki.Components))
        {
            Close.Equal(want, got.Contribution, got.Name);
        }

        Close.Equal(-1656.637586, ki.Components[4].SensitivityCoefficient, "c_D");
        Close.Equal(3145.750023, ki.Components[5].SensitivityCoefficient, "c_d");
        Close.Equal(23.39759686, ki.CombinedStandardUncertainty, "u_c");
        Close.Equal(46.79519371, ki.ExpandedUncertainty, "U");
        Assert.Equal(47m, ki.ReportedExpandedUncertainty);
    }

    /// <summary>
    /// Case 5 (withstand, GPT-9800 voltmeter, M): 2.497 kV applied on the 5 kV range: a = 1 %·2497 + 5 = 29.97 V,
    /// u = 17.30319 V, c = 0.001 kV/V → 1.730319e-2 kV; resolution 1 V → 2.886751e-4 kV. u_c = 1.730560e-2 kV;
    /// U = 3.461119e-2 kV (1.4 % of 2.497 kV, against a ±3 % window), reported 0.035 kV.
    /// </summary>
    [Fact]
    public void Budget_Case5_GwInstekGpt9800_AppliedVoltage()
    {
        var v = VerdictEngine.Default.EvaluateVoltageWithstand(new("450/750 V", VoltageKind.AC, 2.497m, 300m, false)
        {
            FrequencyHz = 50m,
            Uncertainty = new(new(WorkedInstruments.Gpt9800)),
        });

        var u = Assert.Single(v.Uncertainty);
        Assert.Equal(("applied_kv", "kV"), (u.Quantity, u.Unit));
        Close.Equal(1.730318757e-2, u.Components[0].Contribution, "accuracy");
        Close.Equal(2.886751346e-4, u.Components[1].Contribution, "resolution");
        Close.Equal(0.001, u.Components[0].SensitivityCoefficient, "c");
        Close.Equal(3.461119087e-2, u.ExpandedUncertainty, "U");
        Assert.Equal(0.035m, u.ReportedExpandedUncertainty);
    }

    /// <summary>
    /// Case 6 (withstand, Chroma 19032 voltmeter, M): 3.5 kV on 0.6/1 kV, 5 kV range: a = 1 %·3500 + 0.1 %·5000 = 40 V,
    /// u = 23.09401 V → 2.309401e-2 kV; resolution 2.886751e-4 kV; u_c = 2.309581e-2 kV; U = 4.619163e-2 kV, reported 0.047 kV.
    /// </summary>
    [Fact]
    public void Budget_Case6_Chroma19032_AppliedVoltage()
    {
        var v = VerdictEngine.Default.EvaluateVoltageWithstand(new("0.6/1 kV", VoltageKind.AC, 3.5m, 300m, false)
        {
            FrequencyHz = 50m,
            Uncertainty = new(new(WorkedInstruments.Chroma19032)),
        });

        var u = Assert.Single(v.Uncertainty);
        Close.Equal(2.309401077e-2, u.Components[0].Contribution, "accuracy");
        Close.Equal(2.309581492e-2, u.CombinedStandardUncertainty, "u_c");
        Close.Equal(4.619162983e-2, u.ExpandedUncertainty, "U");
        Assert.Equal(0.047m, u.ReportedExpandedUncertainty);
        Assert.Contains(v.Warnings, w => w.Contains("unverified (M) accuracy data: chroma-19032", StringComparison.Ordinal));
    }
}
