using CableTest.Cli.Output;
using CableTest.Cli.Remote;
using CableTest.Cli.Runs;
using CableTest.Contracts.V1;
using CableTest.Presentation;

namespace CableTest.Cli.Tests;

/// <summary>Verdict rows (reasons for what did not pass, short passing rows), reading labels, run-id matching.</summary>
public sealed class VerdictTextTests
{
    [Fact]
    public void Write_FailWithoutServiceReason_RowCarriesTheReasonFromEvidence()
    {
        var text = Table(Verdict(new TestVerdict
        {
            Kind = TestKind.ConductorResistance, Core = "1", Outcome = Outcome.Fail,
            ConductorResistance = new ConductorResistanceEvidence { R20OhmPerKm = 8.12, LimitOhmPerKm = 7.41, AcceptanceLimitOhmPerKm = 7.41 },
        }));

        Assert.Contains("R20 8.12 Ω/km is above the maximum 7.41 Ω/km by 9.6 %", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_PassWithWarnings_RowCountsThem_VerboseListsThem()
    {
        var verdict = Verdict(new TestVerdict
        {
            Kind = TestKind.InsulationResistance, Core = "1", Outcome = Outcome.Pass,
            Warnings = { "test temperature 70 degC is the configured water-bath temperature", "second note" },
            InsulationResistance = new InsulationResistanceEvidence { Criterion = "Ki", KiMohmKm = 0.5, Minimum = 0.037, MinimumUnit = "MOhm.km" },
        });

        var plain = Table(verdict);
        var verbose = Table(verdict, verbose: true);

        Assert.Matches(@"\|\s*insulation_resistance\s*\|\s*1\s*\|\s*pass\s*\|\s*Ki 0\.5 MΩ·km\s*\|\s*≥ 0\.037 MΩ·km\s*\|[^|]*\|\s*2 warnings\s*\|", plain);
        Assert.DoesNotContain("water-bath", plain, StringComparison.Ordinal);
        Assert.Contains("2 warnings (--verbose lists them)", plain, StringComparison.Ordinal);
        Assert.Contains("- insulation_resistance 1: test temperature 70 °C is the configured water-bath temperature", verbose, StringComparison.Ordinal);
        Assert.DoesNotContain("MOhm", plain + verbose, StringComparison.Ordinal);
        Assert.DoesNotContain("degC", verbose, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(70399700000000.0, "7.04×10¹³")]
    [InlineData(0.00001234, "1.234×10⁻⁵")]
    [InlineData(6.8777768, "6.878")]
    public void N_LargeAndSmall_EngineeringNotation(double value, string expected) => Assert.Equal(expected, EngineeringNumber.Format(value));

    [Theory]
    [InlineData("resistance_ohm", 0.69229, "R 0.6923 Ω")]
    [InlineData("resistance_mohm", 1234.5, "R 1234 MΩ")]
    [InlineData("voltage_kv", 2.4971, "U 2.497 kV")]
    [InlineData("leakage_ma", 0.12, "I 0.12 mA")]
    [InlineData("temperature_c", 22.13, "t 22.13 °C")]
    [InlineData("humidity_rh", 45.2, "45.2 %RH")]
    [InlineData("something_else", 3, "something else 3")]
    public void Format_Quantity_SymbolValueUnit(string quantity, double value, string expected) =>
        Assert.Equal(expected, ReadingText.Format(new Reading { Quantity = quantity, Value = value }));

    [Fact]
    public void PlainDisplay_ReadingOfEarlierStep_ShownUnderItsOwnStep()
    {
        using var output = new StringWriter();
        var display = new PlainRunDisplay(output);
        var run = new Run { RunId = "r", State = RunState.Running, CurrentStep = 1 };
        run.Steps.Add(new RunStep { StepId = "cr-1", Title = "Conductor resistance, core 1", State = RunStep.Types.State.Running, Progress = 0.5 });
        run.Steps.Add(new RunStep { StepId = "ir-1", Title = "Insulation resistance, core 1", State = RunStep.Types.State.Running, Progress = 0 });

        display.Reading(new Reading { StepId = "cr-1", Quantity = "resistance_ohm", Value = 0.69229 });
        display.Snapshot(run);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("[1/2] Conductor resistance, core 1: running 50% (R 0.6923 Ω)", lines);
        Assert.Contains("[2/2] Insulation resistance, core 1: running 0%", lines);
    }

    [Theory]
    [InlineData("9a0c91", "run-20261202-213735-9a0c91")]
    [InlineData("run-20261202-2137", "run-20261202-213735-9a0c91")]
    [InlineData("20261202-2137", "run-20261202-213735-9a0c91")]
    [InlineData("run-20261202-213735-9a0c91", "run-20261202-213735-9a0c91")]
    [InlineData("ffffff", "ffffff")]
    public void Pick_UniqueStartOrEnd_FullId(string typed, string expected) =>
        Assert.Equal(expected, RunIds.Pick(Ids, typed));

    [Fact]
    public void Pick_Ambiguous_OneLineNamingTheCandidates()
    {
        var e = Assert.Throws<RunIdException>(() => RunIds.Pick(Ids, "run-20261202"));

        Assert.Equal("RUN_ID run-20261202 matches 2 runs: run-20261202-213735-9a0c91, run-20261202-220101-0b1c2d; give more of the id", e.Message);
    }

    private static readonly string[] Ids = ["run-20261202-213735-9a0c91", "run-20261202-220101-0b1c2d", "run-20261201-101010-aaaaaa"];

    private static Verdict Verdict(TestVerdict test) => new() { SampleId = "S-1", RunId = "run-1", Outcome = test.Outcome, Tests = { test } };

    private static string Table(Verdict verdict, bool verbose = false)
    {
        using var writer = new StringWriter();
        VerdictTable.Write(Terminal.For(writer), verdict, verbose);
        return writer.ToString();
    }
}
