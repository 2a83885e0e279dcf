using CableTest.Domain.Comparison;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Tests.Comparison;

/// <summary>The external results file (cabletest.external-inspection/1): read, and refused with the field named.</summary>
public sealed class ExternalInspectionFileTests
{
    private const string Good = """
        {
          "schema": "cabletest.external-inspection/1",
          "lab": "Zhejiang Cable QC Centre",
          "report_id": "ZJ-2026-1187",
          "sample_id": "SPOT-2026-0042",
          "inspected_on": "2026-12-01",
          "outcome": "pass",
          "results": [
            { "test": "conductor_resistance", "core": "1", "quantity": "r20_ohm_per_km", "value": 7.06, "unit": "Ω/km", "expanded_uncertainty": 0.05, "coverage_factor": 2, "outcome": "pass" },
            { "test": "insulation_resistance", "core": "1", "quantity": "ki_mohm_km", "value": 255.0, "unit": "MOhm.km", "expanded_uncertainty": 10 },
            { "test": "voltage_withstand", "core": "1", "outcome": "pass" }
          ]
        }
        """;

    [Fact]
    public void Parse_GoodFile_EveryResultWithItsUnitAndUncertainty()
    {
        var inspection = ExternalInspectionFile.Parse(Good);
        Assert.Equal("Zhejiang Cable QC Centre · ZJ-2026-1187", inspection.Label);
        Assert.Equal("SPOT-2026-0042", inspection.SampleId);
        Assert.Equal(Outcome.Pass, inspection.Outcome);
        Assert.Equal(
            ["conductor_resistance core 1 r20_ohm_per_km", "insulation_resistance core 1 ki_mohm_km", "voltage_withstand core 1"],
            inspection.Results.Select(r => r.Key));
        var ki = inspection.Results[1];
        Assert.Equal(("MΩ·km", 255.0, 10.0, (double?)null, (Outcome?)null), (ki.Unit, ki.Value!.Value, ki.ExpandedUncertainty!.Value, ki.CoverageFactor, ki.Outcome));
    }

    [Theory]
    [InlineData("\"unit\": \"Ω/km\"", "\"unit\": \"mΩ/m\"", "results[0].unit: \"mΩ/m\" is not the unit of r20_ohm_per_km (Ω/km): convert the value and its uncertainty to Ω/km")]
    [InlineData(", \"expanded_uncertainty\": 0.05", "", "results[0].expanded_uncertainty: required: the expanded uncertainty U of the value, in Ω/km")]
    [InlineData("\"expanded_uncertainty\": 10", "\"expanded_uncertainty\": 0", "results[1].expanded_uncertainty: must be above 0 MΩ·km (En needs the uncertainty of both results)")]
    [InlineData("\"value\": 7.06", "\"value\": \"7.06\"", "results[0].value: must be a finite number (not a string)")]
    [InlineData("\"quantity\": \"ki_mohm_km\"", "\"quantity\": \"r20_ohm_per_km\"", "results[1].quantity: \"r20_ohm_per_km\" is not a quantity of insulation_resistance (one of r_l_mohm_km, ki_mohm_km, rho_ohm_cm)")]
    [InlineData("\"test\": \"voltage_withstand\", \"core\": \"1\", \"outcome\": \"pass\"", "\"test\": \"voltage_withstand\", \"core\": \"1\"", "results[2].outcome: required for a voltage_withstand (its verdict is what is compared)")]
    [InlineData("\"outcome\": \"pass\",\n", "\"outcome\": \"ok\",\n", "outcome: \"ok\" is not an outcome (one of pass, conditional_pass, conditional_fail, fail, invalid, inconclusive, error, retest, incomplete)")]
    [InlineData("cabletest.external-inspection/1", "cabletest.external-inspection/9", "schema: \"cabletest.external-inspection/9\" is not a schema this CableTest reads (use \"cabletest.external-inspection/1\")")]
    [InlineData("\"coverage_factor\": 2", "\"coverage_factr\": 2", "results[0].coverage_factr: unknown field (known: test, core, quantity, value, unit, expanded_uncertainty, coverage_factor, outcome)")]
    [InlineData("\"lab\": \"Zhejiang Cable QC Centre\",", "", "lab: required")]
    [InlineData("\"inspected_on\": \"2026-12-01\"", "\"inspected_on\": \"01/12/2026\"", "inspected_on: \"01/12/2026\" is not a date yyyy-mm-dd")]
    public void Parse_BadField_OneLineNamingTheField(string find, string replace, string expected)
    {
        Assert.Contains(find, Good, StringComparison.Ordinal);
        var e = Assert.Throws<ExternalInspectionException>(() => ExternalInspectionFile.Parse(Good.Replace(find, replace, StringComparison.Ordinal)));
        Assert.Equal(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Parse_SameResultTwice_NamesTheSecond()
    {
        var twice = Good.Replace("{ \"test\": \"voltage_withstand\", \"core\": \"1\", \"outcome\": \"pass\" }",
            "{ \"test\": \"voltage_withstand\", \"core\": \"1\", \"outcome\": \"pass\" }, { \"test\": \"voltage_withstand\", \"core\": \"1\", \"outcome\": \"fail\" }", StringComparison.Ordinal);
        var e = Assert.Throws<ExternalInspectionException>(() => ExternalInspectionFile.Parse(twice));
        Assert.Equal("results[3]: a second result for voltage_withstand core 1", e.Message);
    }

    [Fact]
    public void Parse_NotJson_SaysWhere()
    {
        var e = Assert.Throws<ExternalInspectionException>(() => ExternalInspectionFile.Parse("{ \"schema\": "));
        Assert.StartsWith("not JSON (line 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DocsExample_ReadsAsDocumented()
    {
        var doc = File.ReadAllText(CableTest.Testing.RepoPaths.InRepo("docs", "reinspection.md"));
        var start = doc.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var example = ExternalInspectionFile.Parse(doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)]);
        Assert.Equal(
            ["conductor_resistance core 1 r20_ohm_per_km", "insulation_resistance core 1 r_l_mohm_km", "voltage_withstand core all"],
            example.Results.Select(r => r.Key));
    }

    [Fact]
    public void SchemaFile_NamesEveryFieldTheReaderKnows()
    {
        var schema = File.ReadAllText(CableTest.Testing.RepoPaths.InRepo("docs", "schemas", "external-inspection.schema.json"));
        foreach (var field in new[] { "schema", "lab", "report_id", "sample_id", "inspected_on", "outcome", "results", "test", "core", "quantity", "value", "unit", "expanded_uncertainty", "coverage_factor" })
        {
            Assert.Contains($"\"{field}\"", schema, StringComparison.Ordinal);
        }

        Assert.Contains(ExternalInspectionFile.Schema, schema, StringComparison.Ordinal);
    }
}
