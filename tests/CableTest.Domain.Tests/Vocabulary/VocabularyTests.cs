using CableTest.Domain.Instruments;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Tests.Vocabulary;

/// <summary>Typed names and their wire names: every value round-trips, unknown names are refused.</summary>
public sealed class VocabularyTests
{
    [Fact]
    public void TestKindNames_EveryKind_RoundTrips()
    {
        foreach (var kind in Enum.GetValues<TestKind>())
        {
            Assert.True(TestKindNames.TryParse(kind.ToWireName(), out var parsed));
            Assert.Equal(kind, parsed);
        }

        Assert.Equal(["conductor_resistance", "insulation_resistance", "voltage_withstand"], Enum.GetValues<TestKind>().Select(k => k.ToWireName()));
        Assert.False(TestKindNames.TryParse("ambient", out _));
        Assert.False(TestKindNames.TryParse("evaluate", out _));
    }

    [Fact]
    public void InstrumentProtocols_EveryProtocol_RoundTrips()
    {
        foreach (var protocol in Enum.GetValues<InstrumentProtocol>())
        {
            Assert.True(InstrumentProtocols.TryParse(InstrumentProtocols.Name(protocol), out var parsed));
            Assert.Equal(protocol, parsed);
        }

        Assert.Equal(["scpi", "modbus-rtu", "modbus-tcp"], Enum.GetValues<InstrumentProtocol>().Select(InstrumentProtocols.Name));
        Assert.False(InstrumentProtocols.TryParse("modbus", out _));
        Assert.True(InstrumentProtocol.ModbusRtu.IsModbus());
        Assert.False(InstrumentProtocol.Scpi.IsModbus());
    }

    [Theory]
    [InlineData("Cu", ConductorMaterial.Copper, false)]
    [InlineData(" copper ", ConductorMaterial.Copper, false)]
    [InlineData("Cu-coated", ConductorMaterial.Copper, true)]
    [InlineData("coated Cu", ConductorMaterial.Copper, true)]
    [InlineData("tinned Cu", ConductorMaterial.Copper, true)]
    [InlineData("CuSn", ConductorMaterial.Copper, true)]
    [InlineData("Al", ConductorMaterial.Aluminium, false)]
    [InlineData("aluminium", ConductorMaterial.Aluminium, false)]
    [InlineData("ALUMINUM", ConductorMaterial.Aluminium, false)]
    public void ConductorMaterials_EverySpellingEitherInputAccepted_Parses(string name, ConductorMaterial expected, bool coated)
    {
        Assert.True(ConductorMaterials.TryParse(name, out var material));
        Assert.Equal(expected, material);
        Assert.Equal(coated, ConductorMaterials.NamesCoating(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Fe")]
    [InlineData("coated Al")]
    public void ConductorMaterials_Unknown_IsRefused(string? name) => Assert.False(ConductorMaterials.TryParse(name, out _));

    [Fact]
    public void ConductorMaterials_Names_AreTheDataFileNames()
    {
        Assert.Equal("Cu", ConductorMaterials.Name(ConductorMaterial.Copper));
        Assert.Equal("Al", ConductorMaterials.Name(ConductorMaterial.Aluminium));
    }

    [Theory]
    [InlineData("ac", VoltageKind.AC)]
    [InlineData("AC", VoltageKind.AC)]
    [InlineData("Dc", VoltageKind.DC)]
    [InlineData("dc", VoltageKind.DC)]
    public void VoltageKinds_AnyCase_Parses(string name, VoltageKind expected)
    {
        Assert.True(VoltageKinds.TryParse(name, out var kind));
        Assert.Equal(expected, kind);
        Assert.Equal(name.ToLowerInvariant(), VoltageKinds.Name(kind));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.c.")]
    [InlineData(null)]
    public void VoltageKinds_Unknown_IsRefused(string? name) => Assert.False(VoltageKinds.TryParse(name, out _));

    [Fact]
    public void CalibrationPolicies_Names_RoundTripAndUnknownRefused()
    {
        foreach (var policy in Enum.GetValues<CalibrationPolicy>())
        {
            Assert.True(CalibrationPolicies.TryParse(CalibrationPolicies.Name(policy), out var parsed));
            Assert.Equal(policy, parsed);
        }

        Assert.Equal(["block", "inconclusive"], Enum.GetValues<CalibrationPolicy>().Select(CalibrationPolicies.Name));
        Assert.False(CalibrationPolicies.TryParse("warn", out _));
    }
}
