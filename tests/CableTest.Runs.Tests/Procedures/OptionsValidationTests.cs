using CableTest.Runs.Procedures.Ambient;
using CableTest.Runs.Procedures.ConductorResistance;
using CableTest.Runs.Procedures.InsulationResistance;
using CableTest.Runs.Procedures.VoltageWithstand;

namespace CableTest.Runs.Tests.Procedures;

/// <summary>Each procedure's options refuse what would make it misbehave, naming the option; the defaults are today's bench defaults.</summary>
public sealed class OptionsValidationTests
{
    [Fact]
    public void Defaults_Valid()
    {
        new AmbientOptions().Validate();
        new ConductorResistanceOptions().Validate();
        new InsulationResistanceOptions().Validate();
        new VoltageWithstandOptions().Validate();
    }

    [Fact]
    public void Ambient_InvertedWindowOrNegativeSpread_Refused()
    {
        Assert.Equal("MinC", Assert.ThrowsAny<ArgumentException>(() => new AmbientOptions { MinC = 30, MaxC = 20 }.Validate()).ParamName);
        Assert.Equal("MaxSpreadK", Assert.ThrowsAny<ArgumentException>(() => new AmbientOptions { MaxSpreadK = -1 }.Validate()).ParamName);
        Assert.Equal("PollInterval", Assert.ThrowsAny<ArgumentException>(() => new AmbientOptions { PollInterval = TimeSpan.FromSeconds(-1) }.Validate()).ParamName);
    }

    [Fact]
    public void Conductor_NoReadingsOrNaNHeadroom_Refused()
    {
        Assert.Equal("Readings", Assert.ThrowsAny<ArgumentException>(() => new ConductorResistanceOptions { Readings = 0 }.Validate()).ParamName);
        Assert.Equal("RangeHeadroom", Assert.ThrowsAny<ArgumentException>(() => new ConductorResistanceOptions { RangeHeadroom = double.NaN }.Validate()).ParamName);
    }

    [Fact]
    public void Insulation_ZeroElectrificationOrNaNVoltage_Refused()
    {
        Assert.Equal("Electrification", Assert.ThrowsAny<ArgumentException>(() => new InsulationResistanceOptions { Electrification = TimeSpan.Zero }.Validate()).ParamName);
        Assert.Equal("TestVoltageV", Assert.ThrowsAny<ArgumentException>(() => new InsulationResistanceOptions { TestVoltageV = double.NaN }.Validate()).ParamName);
    }

    [Fact]
    public void Withstand_NoLeakageLimitOrTimeout_Refused()
    {
        Assert.Equal("LeakageLimitMa", Assert.ThrowsAny<ArgumentException>(() => new VoltageWithstandOptions { LeakageLimitMa = 0 }.Validate()).ParamName);
        Assert.Equal("StepTimeout", Assert.ThrowsAny<ArgumentException>(() => new VoltageWithstandOptions { StepTimeout = TimeSpan.Zero }.Validate()).ParamName);
    }
}
