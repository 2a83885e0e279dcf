using System.Text.Json.Nodes;
using CableTest.Domain.Standards;

namespace CableTest.Domain.Tests.Standards;

/// <summary>The GB/T 3048 method constants: loaded with their sources; a bad file names the file and the field.</summary>
public sealed class TestMethodLoadTests
{
    private const string MethodFile = "gbt3048-2007.test-method.json";

    private static JsonObject MethodJson() =>
        JsonNode.Parse(StandardsCatalogue.ShippedFileTexts().Single(f => f.Key.EndsWith(MethodFile, StringComparison.Ordinal)).Value)!.AsObject();

    private static JsonObject Constant(JsonObject doc, string name) => doc["constants"]![name]!.AsObject();

    private static CatalogueLoadException LoadBroken(JsonObject doc) =>
        Assert.Throws<CatalogueLoadException>(() => StandardsCatalogue.LoadFromText(
            StandardsCatalogue.ShippedFileTexts().Select(f => f.Key.EndsWith(MethodFile, StringComparison.Ordinal)
                ? KeyValuePair.Create("broken/" + MethodFile, doc.ToJsonString())
                : f),
            includeShipped: false));

    [Fact]
    public void LoadDefault_MethodConstants_HaveValuesUnitsAndSources()
    {
        var method = StandardsCatalogue.LoadDefault().Method;
        Assert.Equal(3m, method.AmbientReadings.Value);
        Assert.Equal(1m, method.AmbientMaxSpreadK.Value);
        Assert.Equal("K", method.AmbientMaxSpreadK.Unit);
        Assert.Equal((15m, 25m), (method.AmbientMinC.Value, method.AmbientMaxC.Value));
        Assert.Equal(3m, method.WithstandVoltageTolerancePct.Value);
        Assert.Equal((49m, 61m, 50m), (method.AcFrequencyMinHz.Value, method.AcFrequencyMaxHz.Value, method.AcNominalFrequencyHz.Value));
        Assert.Equal(500m, method.InsulationTestVoltageV.Value);
        Assert.Equal(60m, method.ElectrificationS.Value);
        Assert.Equal(1.5m, method.ResistanceRangeHeadroom.Value);
        Assert.Equal(11, method.All().Count);
        Assert.All(method.All(), c => Assert.NotEmpty(c.Value.Source.SourceIds));

        // Engineering choices are not passed off as numbers of a standard: they cite the lab's practice.
        Assert.Equal(["LAB"], method.ResistanceRangeHeadroom.Source.SourceIds);
        Assert.Equal(["LAB"], method.AmbientReadings.Source.SourceIds);
        Assert.Contains("S19", method.AcFrequencyMinHz.Source.SourceIds);
        Assert.Equal("M", method.AmbientMinC.Source.Tag);
    }

    [Fact]
    public void LoadDefault_AmbientWindow_MatchesTemperatureCorrectionWindow()
    {
        var catalogue = StandardsCatalogue.LoadDefault();
        Assert.Equal(catalogue.TemperatureCorrection.AmbientWindowC.MinC, catalogue.Method.AmbientMinC.Value);
        Assert.Equal(catalogue.TemperatureCorrection.AmbientWindowC.MaxC, catalogue.Method.AmbientMaxC.Value);
    }

    [Fact]
    public void Load_MissingConstant_NamesFileAndField()
    {
        var doc = MethodJson();
        doc["constants"]!.AsObject().Remove("ambient_max_spread_k");
        var e = LoadBroken(doc);
        Assert.Contains("broken/" + MethodFile, e.Message, StringComparison.Ordinal);
        Assert.Contains("'ambient_max_spread_k'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongUnit_NamesField()
    {
        var doc = MethodJson();
        Constant(doc, "electrification_s")["unit"] = "min";
        var e = LoadBroken(doc);
        Assert.Equal("broken/" + MethodFile, e.File);
        Assert.Equal("constants.electrification_s", e.Row);
        Assert.Contains("unit 'min' is not 's'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ConstantWithoutSource_IsRejected()
    {
        var doc = MethodJson();
        Constant(doc, "resistance_range_headroom").Remove("src");
        var e = LoadBroken(doc);
        Assert.Equal("constants.resistance_range_headroom", e.Row);
        Assert.Contains("src", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FractionalReadingCount_IsRejected()
    {
        var doc = MethodJson();
        Constant(doc, "ambient_readings")["value"] = 2.5m;
        var e = LoadBroken(doc);
        Assert.Equal("constants.ambient_readings", e.Row);
        Assert.Contains("whole number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NominalFrequencyOutsideWindow_IsRejected()
    {
        var doc = MethodJson();
        Constant(doc, "ac_nominal_frequency_hz")["value"] = 65;
        var e = LoadBroken(doc);
        Assert.Equal("constants.ac_nominal_frequency_hz", e.Row);
        Assert.Contains("ac_frequency_min_hz..ac_frequency_max_hz", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AmbientWindowReversed_IsRejected()
    {
        var doc = MethodJson();
        Constant(doc, "ambient_min_c")["value"] = 30;
        var e = LoadBroken(doc);
        Assert.Equal("constants.ambient_min_c", e.Row);
        Assert.Contains("below ambient_max_c", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InsulationVoltageOutsideMethodWindow_NamesBothFiles()
    {
        var doc = MethodJson();
        Constant(doc, "insulation_test_voltage_v")["value"] = 1000;
        var e = LoadBroken(doc);
        Assert.Equal("constants.insulation_test_voltage_v", e.Row);
        Assert.Contains("insulation-method.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("80-500 V DC", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SecondMethodFile_IsRejected()
    {
        var e = Assert.Throws<CatalogueLoadException>(() => StandardsCatalogue.LoadFromText([KeyValuePair.Create("lab/" + MethodFile, MethodJson().ToJsonString())]));
        Assert.Contains("a test_method file was already loaded", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WithoutMethodFile_SaysWhatIsMissing()
    {
        var e = Assert.Throws<CatalogueLoadException>(() => StandardsCatalogue.LoadFromText(
            StandardsCatalogue.ShippedFileTexts().Where(f => !f.Key.EndsWith(MethodFile, StringComparison.Ordinal)), includeShipped: false));
        Assert.Contains("test_method", e.Message, StringComparison.Ordinal);
    }
}
