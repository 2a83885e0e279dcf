using System.Text;
using CableTest.Domain.Standards;
using CableTest.Domain.Uncertainty;
using CableTest.Domain.Verdicts;
using CableTest.Instruments.Profiles;

namespace CableTest.Instruments.Tests.Profiles;

/// <summary>
/// The accuracy part of the profiles (issue 12 item 1): loaded and validated like the rest, tagged and sourced per row,
/// and saying what the worked budget cases (CableTest.Domain.Tests/Uncertainty) and the sources say.
/// </summary>
public sealed class ProfileAccuracyTests
{
    private static readonly ProfileCatalogue Catalogue = ProfileCatalogue.LoadDefault();

    private static AccuracyRow Row(string profile, string quantity, decimal range) =>
        Catalogue.Get(profile).Accuracy.For(quantity)!.Rows.Single(r => r.RangeMax == range);

    [Theory]
    [InlineData("keithley-dmm6500", "resistance_ohm")]
    [InlineData("keysight-34465a", "resistance_ohm")]
    [InlineData("sim-ohm", "resistance_ohm")]
    [InlineData("keithley-6517b", "current_a")]
    [InlineData("keithley-6517b", "voltage_v")]
    [InlineData("keithley-6517a", "current_a")]
    [InlineData("hioki-sm7110", "current_a")]
    [InlineData("sim-megger", "resistance_ohm")]
    [InlineData("gwinstek-gpt9800", "voltage_v")]
    [InlineData("chroma-19032", "voltage_v")]
    [InlineData("sim-hipot", "voltage_v")]
    [InlineData("xymd02", "temperature_c")]
    [InlineData("renke-rs-ws-n01", "temperature_c")]
    [InlineData("sim-ambient", "temperature_c")]
    public void LoadDefault_ProfileStatesItsAccuracy(string profile, string quantity)
    {
        var accuracy = Catalogue.Get(profile).Accuracy.For(quantity);

        Assert.NotNull(accuracy);
        Assert.Equal((profile, quantity), (accuracy.Instrument, accuracy.Quantity));
        Assert.NotEmpty(accuracy.Rows);
        Assert.False(string.IsNullOrWhiteSpace(accuracy.Conditions));
    }

    [Fact]
    public void LoadDefault_WorkedCaseRows_SayWhatTheWorkedCasesUse()
    {
        var dmm = Row("keithley-dmm6500", "resistance_ohm", 1m);
        Assert.Equal((0.0085m, 0.0200m, 0.000001m, "V1"), Pick(dmm));
        Assert.Equal((0m, 0, "A1"), (dmm.Offset, dmm.Digits, Assert.Single(dmm.SourceIds)));
        Assert.Equal((0.0100m, 0.0040m, 0.0001m, "M"), Pick(Row("keysight-34465a", "resistance_ohm", 100m)));
        Assert.Equal((0.3m, 0.1m, "D"), (Row("xymd02", "temperature_c", 125m).Offset, Row("xymd02", "temperature_c", 125m).Resolution, Row("xymd02", "temperature_c", 125m).Tag));
        Assert.Equal((0.5m, 0.1m, "V1"), (Row("renke-rs-ws-n01", "temperature_c", 80m).Offset, Row("renke-rs-ws-n01", "temperature_c", 80m).Resolution, Row("renke-rs-ws-n01", "temperature_c", 80m).Tag));
        Assert.Equal((0.1m, 0.000000005m, 0.0000000001m, "V1"), (Row("keithley-6517b", "current_a", 0.0002m).ReadingPct, Row("keithley-6517b", "current_a", 0.0002m).Offset, Row("keithley-6517b", "current_a", 0.0002m).Resolution, Row("keithley-6517b", "current_a", 0.0002m).Tag));
        Assert.Equal((0.15m, 0.1m, "M"), (Row("keithley-6517b", "voltage_v", 1000m).ReadingPct, Row("keithley-6517b", "voltage_v", 1000m).Offset, Row("keithley-6517b", "voltage_v", 1000m).Tag));
        Assert.Equal((1m, 5m, 1m), (Row("gwinstek-gpt9800", "voltage_v", 5000m).ReadingPct, Row("gwinstek-gpt9800", "voltage_v", 5000m).Offset, Row("gwinstek-gpt9800", "voltage_v", 5000m).Resolution));
        Assert.Equal((1m, 0.1m), (Row("chroma-19032", "voltage_v", 5000m).ReadingPct, Row("chroma-19032", "voltage_v", 5000m).RangePct));
    }

    [Fact]
    public void Budget_FromTheShippedProfiles_ReproducesWorkedCase1()
    {
        // CableTest.Domain.Tests ConductorBudgetWorkedTests case 1: U(R20) = 2.570677e-2 Ω/km, reported 0.026.
        var inputs = new ConductorUncertaintyInputs(
            new InstrumentUse(Catalogue.Get("keithley-dmm6500").Accuracy.For("resistance_ohm")!, 1m),
            new InstrumentUse(Catalogue.Get("xymd02").Accuracy.For("temperature_c")!),
            LengthTolerance.Tape(2, 10m));

        var v = VerdictEngine.Default.EvaluateConductorResistance(
            new ConductorResistanceInput(new ConductorSpec(2, ConductorMaterial.Copper, false, 2.5m), 0.075m, 10m, 23m) { Uncertainty = inputs });

        Assert.Equal(0.02570677, v.Uncertainty[0].ExpandedUncertainty, 7);
        Assert.Equal(0.026m, v.Uncertainty[0].ReportedExpandedUncertainty);
    }

    [Theory]
    [InlineData(100, 0.014)]
    [InlineData(1000, 0.11)]
    [InlineData(10000, 1.1)]
    [InlineData(1000000, 110)]
    [InlineData(10000000, 4100)]
    [InlineData(100000000, 810000)]
    public void Keysight34465A_Rows_ReproduceThe34401AVerificationLimitsAtFullScale(double rangeOhm, double limitOhm)
    {
        // The 34401A service guide's 1-year error from nominal at full scale (source A1): ±14 mΩ at 100 Ω ... ±810 kΩ at 100 MΩ.
        var row = Row("keysight-34465a", "resistance_ohm", (decimal)rangeOhm);
        Assert.Equal(limitOhm, row.HalfWidth(rangeOhm), 9);
    }

    [Fact]
    public void HiokiSm7110_Rows_ReproduceTheManualsWorkedExample()
    {
        // Appx. 3: 1.00000 nA → ±0.00520 nA (0.52 %); 100.0 V → ±0.15 V (0.15 %); together ±0.67 % of 100 GΩ.
        var sm7110 = Catalogue.Get("hioki-sm7110").Accuracy;
        Assert.Equal(5.2, sm7110.For("current_a")!.RowFor(0.000000001m)!.HalfWidth(1e-9) * 1e12, 9);
        Assert.Equal(0.15, sm7110.For("voltage_v")!.RowFor(100m)!.HalfWidth(100), 12);
    }

    [Fact]
    public void Keithley6517B_AmmeterRow_ReproducesTheManualsWorkedExample()
    {
        // Appendix A: 10.0000 mA on the 20 mA range: ±(0.1 % of 10 mA + 5 counts) = ±0.0105 mA.
        Assert.Equal(0.0000105, Row("keithley-6517b", "current_a", 0.02m).HalfWidth(0.01), 12);
    }

    [Fact]
    public void LoadDefault_ProfilesWithMRows_SayWhatIsUnconfirmed_AndSimRowsOnlyInSimProfiles()
    {
        foreach (var profile in Catalogue.All)
        {
            var rows = profile.Accuracy.Quantities.Values.SelectMany(q => q.Rows).ToList();
            Assert.Equal(rows.Any(r => r.Tag == "M"), profile.Accuracy.Unconfirmed.Count > 0);
            Assert.All(rows, r => Assert.Equal(profile.Source.Tag == "sim", r.Tag == "sim"));
        }

        Assert.Empty(Catalogue.Get("keysight-b2987b").Accuracy.Quantities);
    }

    [Theory]
    [InlineData("""{"quantities": {"resistance_ohm": {"conditions": "c", "ranges": [{"range": 1, "resolution": 0.001, "reading_pct": 0.1, "tag": "M"}]}}}""", "accuracy.quantities.resistance_ohm", "unconfirmed")]
    [InlineData("""{"quantities": {"resistance_ohm": {"conditions": "c", "ranges": [{"range": 1, "resolution": 0.001, "tag": "sim"}]}}}""", "accuracy.quantities.resistance_ohm.ranges[0]", "simulator")]
    [InlineData("""{"sources": [{"id": "A1", "ref": "r", "covers": "c"}], "quantities": {"resistance_ohm": {"conditions": "c", "ranges": [{"range": 1, "resolution": 0.001, "tag": "V2", "src": ["A1"]}]}}}""", "accuracy.quantities.resistance_ohm.ranges[0]", "two sources")]
    [InlineData("""{"quantities": {"resistance_ohm": {"conditions": "c", "ranges": [{"range": 1, "resolution": 0.001, "tag": "V1", "src": ["A9"]}]}}}""", "accuracy.quantities.resistance_ohm.ranges[0]", "A9")]
    [InlineData("""{"sources": [{"id": "A1", "ref": "r", "covers": "c"}], "quantities": {"resistance_ohm": {"conditions": "c", "ranges": [{"range": 10, "resolution": 0.01, "tag": "V1", "src": ["A1"]}, {"range": 1, "resolution": 0.001, "tag": "V1", "src": ["A1"]}]}}}""", "accuracy.quantities.resistance_ohm.ranges[1]", "ascend")]
    [InlineData("""{"quantities": {"weight_kg": {"conditions": "c", "ranges": [{"range": 1, "resolution": 0.001, "tag": "M"}]}}, "unconfirmed": ["x"]}""", "accuracy.quantities.weight_kg", "not a quantity")]
    [InlineData("""{"quantities": {"resistance_ohm": {"conditions": "c", "ranges": [{"range": 1, "resolution": -0.001, "tag": "M"}]}}, "unconfirmed": ["x"]}""", "accuracy.quantities.resistance_ohm.ranges[0].resolution", "≥ 0")]
    [InlineData("""{"sources": [{"id": "A1", "ref": "r", "covers": "c"}], "unconfirmed": ["x"], "quantities": {"resistance_ohm": {"conditions": "c", "ranges": [{"range": 1, "resolution": 0.001, "tag": "V1", "src": ["A1"]}]}}}""", "accuracy.unconfirmed", "no row is tagged M")]
    public void Parse_BadAccuracy_RefusedNamingTheKey(string accuracy, string key, string words)
    {
        const string Head = """
            {"schema": 1, "name": "lab-ohm", "role": "conductor_resistance_meter", "protocol": "scpi",
             "source": {"manufacturer": "Lab", "model": "X", "manual": "m", "tag": "M", "unconfirmed": ["everything"]},
             "scpi": {"write_terminator": "\n", "timeout_ms": 1000, "commands": {"identify": ["*IDN?"], "configure": ["R {range_ohm}"], "measure": ["R?"]}},
             "accuracy":
            """;
        var json = Head + accuracy + "}";

        var e = Assert.Throws<ProfileLoadException>(() => ProfileCatalogue.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "lab-ohm.json"));

        Assert.StartsWith($"lab-ohm.json: {key}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(words, e.Message, StringComparison.Ordinal);
    }

    private static (decimal, decimal, decimal, string) Pick(AccuracyRow row) => (row.ReadingPct, row.RangePct, row.Resolution, row.Tag);
}
