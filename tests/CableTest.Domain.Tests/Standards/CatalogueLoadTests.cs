using System.Text.Json.Nodes;
using CableTest.Domain.Standards;
using CableTest.Testing;

namespace CableTest.Domain.Tests.Standards;

/// <summary>Broken data files are clear errors naming the file and the row; labs add product specs from a directory.</summary>
public sealed class CatalogueLoadTests
{
    private const string ConductorFile = "iec60228-2004.conductor-resistance.json";

    private static string Shipped(string name) =>
        StandardsCatalogue.ShippedFileTexts().Single(f => f.Key.EndsWith(name, StringComparison.Ordinal)).Value;

    /// <summary>The shipped files with <paramref name="name"/> replaced by <paramref name="text"/>.</summary>
    private static StandardsCatalogue LoadWith(string name, string text) =>
        StandardsCatalogue.LoadFromText(
            StandardsCatalogue.ShippedFileTexts().Select(f => f.Key.EndsWith(name, StringComparison.Ordinal) ? KeyValuePair.Create("broken/" + name, text) : f),
            includeShipped: false);

    private static JsonObject ConductorJson() => JsonNode.Parse(Shipped(ConductorFile))!.AsObject();

    private static JsonObject Row(JsonObject doc, int table, int row) => doc["tables"]![table]!["rows"]![row]!.AsObject();

    [Fact]
    public void LoadDefault_ShippedFiles_LoadWithVersionAndStandards()
    {
        var catalogue = StandardsCatalogue.LoadDefault();
        Assert.StartsWith("cabletest-standards/1+sha256:", catalogue.Version, StringComparison.Ordinal);
        Assert.Equal(4, catalogue.ConductorResistanceTables.Count);
        Assert.Contains(catalogue.Standards, s => s.EditionId == "IEC 60228:2004" && s.UnverifiedRows == 16);
        Assert.Contains(catalogue.Standards, s => s.EditionId == "IEC 60502-1:2004" && s.UnverifiedRows > 0);
        Assert.Equal(["IEC 60227", "IEC 60502-1", "IEC 60502-2"], catalogue.VoltageTestFamilies.Select(f => f.Family));
        Assert.Contains(catalogue.ProductSpecs, s => s.ProductCode == "BV" && s.Origin == "shipped");
    }

    [Fact]
    public void Load_MalformedJson_NamesFileAndLine()
    {
        var text = Shipped(ConductorFile).Replace("\"csa_mm2\": 2.5,", "\"csa_mm2\": 2.5,,", StringComparison.Ordinal);
        var e = Assert.Throws<CatalogueLoadException>(() => LoadWith(ConductorFile, text));
        Assert.Contains("broken/" + ConductorFile, e.Message, StringComparison.Ordinal);
        Assert.Matches("line [0-9]+", e.Row!);
    }

    [Fact]
    public void Load_NonMonotonicResistance_NamesTableAndRow()
    {
        var doc = ConductorJson();
        Row(doc, 1, 5)["cu"] = 12.5m; // class 2, 4 mm2 above 2.5 mm2's 7.41
        var e = Assert.Throws<CatalogueLoadException>(() => LoadWith(ConductorFile, doc.ToJsonString()));
        Assert.Contains("Table 2", e.Row, StringComparison.Ordinal);
        Assert.Contains("csa_mm2 4", e.Row, StringComparison.Ordinal);
        Assert.Contains("must fall", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateCrossSection_IsRejected()
    {
        var doc = ConductorJson();
        Row(doc, 0, 3)["csa_mm2"] = 1; // class 1: 1.5 mm2 renamed to a second 1 mm2
        var e = Assert.Throws<CatalogueLoadException>(() => LoadWith(ConductorFile, doc.ToJsonString()));
        Assert.Contains("duplicate cross-section 1 mm2", e.Message, StringComparison.Ordinal);
        Assert.Contains("Table 1", e.Row, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingSource_IsRejected()
    {
        var doc = ConductorJson();
        Row(doc, 2, 0).Remove("src");
        var e = Assert.Throws<CatalogueLoadException>(() => LoadWith(ConductorFile, doc.ToJsonString()));
        Assert.Contains("Table 3", e.Row, StringComparison.Ordinal);
        Assert.Contains("csa_mm2 0.5", e.Row, StringComparison.Ordinal);
        Assert.Contains("src", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownSourceIdOrTag_IsRejected()
    {
        var doc = ConductorJson();
        Row(doc, 1, 0)["src"] = new JsonArray("S1", "S99");
        Assert.Contains("'S99'", Assert.Throws<CatalogueLoadException>(() => LoadWith(ConductorFile, doc.ToJsonString())).Message, StringComparison.Ordinal);

        doc = ConductorJson();
        Row(doc, 1, 0)["tag"] = "V3";
        Assert.Contains("'V3'", Assert.Throws<CatalogueLoadException>(() => LoadWith(ConductorFile, doc.ToJsonString())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CoatedBelowPlain_IsRejected()
    {
        var doc = ConductorJson();
        Row(doc, 1, 4)["cu_coated"] = 7.40m;
        var e = Assert.Throws<CatalogueLoadException>(() => LoadWith(ConductorFile, doc.ToJsonString()));
        Assert.Contains("metal-coated copper 7.40 is below plain copper 7.41", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Class6RowBeyond300_IsRejected()
    {
        var doc = ConductorJson();
        var rows = doc["tables"]![3]!["rows"]!.AsArray();
        rows.Add(JsonNode.Parse("""{"csa_mm2": 400, "tag": "V2", "src": ["S5", "S6"], "cu": 0.0486, "cu_coated": 0.0495}"""));
        var e = Assert.Throws<CatalogueLoadException>(() => LoadWith(ConductorFile, doc.ToJsonString()));
        Assert.Contains("outside the table's declared range", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InsulationMinimumRisingWithSize_IsRejected()
    {
        const string name = "iec60227-3.insulation-resistance.json";
        var doc = JsonNode.Parse(Shipped(name))!.AsObject();
        doc["types"]![0]!["rows"]![1]!["min"] = 0.02m;
        var e = Assert.Throws<CatalogueLoadException>(() => LoadWith(name, doc.ToJsonString()));
        Assert.Contains("60227 IEC 01", e.Row, StringComparison.Ordinal);
        Assert.Contains("class 1 csa_mm2 2.5", e.Row, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CompoundKiNotMatchingRho_IsRejected()
    {
        const string name = "iec60502-1-2004.insulation-compounds.json";
        var doc = JsonNode.Parse(Shipped(name))!.AsObject();
        doc["compounds"]![3]!["limits"]![0]!["ki_mohm_km"] = 36.7m;
        var e = Assert.Throws<CatalogueLoadException>(() => LoadWith(name, doc.ToJsonString()));
        Assert.Contains("XLPE", e.Row, StringComparison.Ordinal);
        Assert.Contains("does not match rho", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LabDirectory_AddsProductSpecFromFile()
    {
        using var dir = new TempDirectory("cabletest-lab");
        File.WriteAllText(dir.File("lab-specs.json"), """
            {
              "kind": "product_specs",
              "title": "Lab enterprise standard Q/LAB 001",
              "sources": { "QLAB": "Q/LAB 001-2024 enterprise standard, table 3" },
              "specs": [
                {
                  "id": "qlab001-bvr-450/750", "product_code": "BVR-Q", "type": "60227 IEC 01",
                  "title": "Lab BVR variant judged by the 60227 IEC 01 table",
                  "standards": ["Q/LAB 001-2024"], "rated_voltage": "450/750 V",
                  "conductor": {"material": "Cu", "classes": [2], "csa_mm2": {"min": 1.5, "max": 35}},
                  "cores": {"min": 1, "max": 1}, "insulation": "PVC/C",
                  "insulation_resistance": {"type": "60227 IEC 01"}, "voltage_test": "IEC 60227",
                  "tag": "V1", "src": ["QLAB"]
                }
              ]
            }
            """);

        var catalogue = StandardsCatalogue.Load(dir.Path);

        var spec = Assert.Single(catalogue.FindProductSpecs("BVR-Q", "450/750 V"));
        Assert.Equal(dir.File("lab-specs.json"), spec.Origin);
        Assert.Equal("60227 IEC 01", spec.InsulationResistanceKey);
        Assert.Equal(StandardsCatalogue.LoadDefault().ProductSpecs.Count + 1, catalogue.ProductSpecs.Count);
    }

    [Fact]
    public void Load_LabSpecPointingAtMissingTable_NamesFileAndSpec()
    {
        using var dir = new TempDirectory("cabletest-lab");
        File.WriteAllText(dir.File("bad.json"), """
            {"kind": "product_specs", "title": "t", "sources": {"X": "x"}, "specs": [
              {"id": "lab-x", "product_code": "X", "type": "X", "title": "x", "standards": ["x"], "rated_voltage": "450/750 V",
               "conductor": {"material": "Cu", "classes": [2]}, "cores": {"min": 1, "max": 1}, "insulation": "PVC",
               "insulation_resistance": {"type": "60227 IEC 99"}, "voltage_test": "IEC 60227", "tag": "V1", "src": ["X"]}]}
            """);
        var e = Assert.Throws<CatalogueLoadException>(() => StandardsCatalogue.Load(dir.Path));
        Assert.Contains("bad.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("lab-x", e.Row, StringComparison.Ordinal);
        Assert.Contains("60227 IEC 99", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LabSpecWithShippedId_IsRejected()
    {
        using var dir = new TempDirectory("cabletest-lab");
        var shipped = JsonNode.Parse(Shipped("gbt5023-pvc-wiring.json"))!.AsObject();
        File.WriteAllText(dir.File("copy.json"), shipped.ToJsonString());
        var e = Assert.Throws<CatalogueLoadException>(() => StandardsCatalogue.Load(dir.Path));
        Assert.Contains("already defined", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingDirectory_IsAClearError() =>
        Assert.Contains("does not exist", Assert.Throws<CatalogueLoadException>(() => StandardsCatalogue.Load("/nonexistent/cabletest-lab")).Message, StringComparison.Ordinal);
}
