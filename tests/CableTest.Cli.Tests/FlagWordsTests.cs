using CableTest.Cli.Remote;
using CableTest.Cli.Usage;
using CableTest.Presentation;

namespace CableTest.Cli.Tests;

/// <summary>Field violations in flag words, one spelling of units, and "did you mean".</summary>
public sealed class FlagWordsTests
{
    [Theory]
    [InlineData("cross_section_mm2", "must be a positive cross-section", "--csa must be a positive cross-section")]
    [InlineData("sample_id", "required", "--sample is required")]
    [InlineData("conductor_diameter_mm", "must be below insulation_outer_diameter_mm", "--d must be below --D")]
    [InlineData("spec_id", "gbt-x allows conductor classes 1, 2; give the class", "--class: gbt-x allows conductor classes 1, 2; give --class")]
    [InlineData("spec_id", "unknown product spec \"x\" (ListProductSpecs names them)", "--spec: unknown product spec \"x\" (`cabletest specs` lists them)")]
    [InlineData("request.length_m", "must be within (0, 100000] m", "--length must be within (0, 100000] m")]
    [InlineData("voltage_kv", "must be positive", "voltage_kv must be positive")]
    [InlineData("sampling_record.seal_number", "required in a sampling record", "samplingRecord.sealNumber (in --file) is required in a sampling record")]
    public void Describe_RunField_NamesTheFlag(string field, string description, string expected) =>
        Assert.Equal(expected, FieldFlags.Run.Describe(field, description));

    [Theory]
    [InlineData("limit 0.5 MOhm.km at 70 degC", "limit 0.5 MΩ·km at 70 °C")]
    [InlineData("1x2.5 mm2, 7.41 Ohm/km", "1x2.5 mm², 7.41 Ω/km")]
    [InlineData("rho 1e13 Ohm.cm; R 20 MOhm; 100 ohm", "rho 1e13 Ω·cm; R 20 MΩ; 100 Ω")]
    [InlineData("connect the micro-ohmmeter; csa_mm2", "connect the micro-ohmmeter; csa_mm2")]
    public void Normalize_AsciiUnits_OneSpelling(string text, string expected) =>
        Assert.Equal(expected, UnitText.Normalize(text));

    [Theory]
    [InlineData("rnu", "run")]
    [InlineData("--csaa", "--csa")]
    [InlineData("--lenght", "--length")]
    public void Closest_Typo_SuggestsTheName(string typed, string expected) =>
        Assert.Equal(expected, Assert.Single(Suggest.Closest(typed, ["run", "watch", "report", "--csa", "--cores", "--length", "--class"])));

    [Fact]
    public void Closest_NothingNear_NoSuggestion() =>
        Assert.Empty(Suggest.Closest("nope", ["gbt5023.3-227iec01-bv-450/750", "gbt12706.1-yjv-0.6/1"]));
}
