using System.Text;
using CableTest.Domain.Standards;
using CableTest.HardwareSim.Scenarios;

namespace CableTest.HardwareSim.Tests;

public class ScenarioTests
{
    private const string Good = """
        { "schema": 1, "name": "x", "description": "d",
          "sample": { "product": "BV", "product_code": "BV", "rated_voltage": "450/750 V", "conductor_class": 1,
                      "cross_section_mm2": 2.5, "cores": 1, "length_m": 100,
                      "insulation": { "ki_mohm_km": 300, "inner_diameter_mm": 1.78, "outer_diameter_mm": 3.38 } } }
        """;

    private static ScenarioDefinition Parse(string json) => ScenarioLoader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");

    [Fact]
    public void Library_ShippedScenarios_LoadAndResolveInTheDomain()
    {
        var library = ScenarioLibrary.LoadDefault();
        foreach (var name in new[] { "good-bv-2.5", "undersized-bv-2.5", "wet-bv-2.5", "breakdown-bv-2.5", "interlock-bv-2.5", "yjv-4x16", "yjlv-4x25-al", "rvv-3x1.5-class5", "good-bv-2.5-flaky-bus" })
        {
            var s = library.Get(name).Sample;
            Assert.True(StandardsCatalogue.LoadDefault().ResolveSample(s.ProductCode, s.RatedVoltage, (decimal)s.CrossSectionMm2, s.Cores, s.ConductorClass).Found, name);
        }

        Assert.Equal(ConductorMaterial.Aluminium, library.Get("yjlv-4x25-al").Sample.Material);
        Assert.Equal(4, library.Get("yjv-4x16").Sample.Cores);
        Assert.Equal(240, library.Get("breakdown-bv-2.5").Sample.BreakdownDwellS);
    }

    [Fact]
    public void Parse_Minimal_UsesDefaults() => Assert.Equal(1.0, Parse(Good).Sample.WetFactor);

    [Theory]
    [InlineData("\"length_m\": 100", "\"length_m\": -1", "sample.length_m")]
    [InlineData("\"cores\": 1", "\"cores\": 3", "sample.product_code")]
    [InlineData("\"product_code\": \"BV\"", "\"product_code\": \"XYZ\"", "sample.product_code")]
    [InlineData("\"outer_diameter_mm\": 3.38", "\"outer_diameter_mm\": 1.0", "sample.insulation.outer_diameter_mm")]
    [InlineData("\"ki_mohm_km\": 300", "\"ki_mohm_km\": 300, \"kii\": 1", "sample.insulation.kii")]
    [InlineData("\"schema\": 1", "\"schema\": 2", "schema")]
    [InlineData("\"description\": \"d\",", "", "description")]
    public void Parse_Invalid_NamesTheKey(string from, string to, string key)
    {
        var e = Assert.Throws<ScenarioLoadException>(() => Parse(Good.Replace(from, to, StringComparison.Ordinal)));
        Assert.Equal(key, e.Key);
        Assert.StartsWith("test.json: " + key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownFaultKind_ListsKnownKinds()
    {
        var e = Assert.Throws<ScenarioLoadException>(() => Parse(Good.Replace("\"description\": \"d\",", "\"description\": \"d\", \"faults\": [{ \"role\": \"withstand_tester\", \"kind\": \"smoke\" }],", StringComparison.Ordinal)));
        Assert.Equal("faults[0].kind", e.Key);
        Assert.Contains("bad_crc", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_NamesTheLine()
    {
        var e = Assert.Throws<ScenarioLoadException>(() => Parse("{\n\"schema\": }"));
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Library_Directory_AddsScenarios_AndRejectsDuplicates()
    {
        using var dir = new CableTest.Testing.TempDirectory();
        File.WriteAllText(dir.File("mine.json"), Good);
        Assert.NotNull(ScenarioLibrary.Load([dir.Path]).Get("x"));
        File.WriteAllText(dir.File("dup.json"), Good.Replace("\"name\": \"x\"", "\"name\": \"good-bv-2.5\"", StringComparison.Ordinal));
        var e = Assert.Throws<ScenarioLoadException>(() => ScenarioLibrary.Load([dir.Path]));
        Assert.Equal("name", e.Key);
        Assert.Throws<KeyNotFoundException>(() => ScenarioLibrary.LoadDefault().Get("nope"));
    }
}
