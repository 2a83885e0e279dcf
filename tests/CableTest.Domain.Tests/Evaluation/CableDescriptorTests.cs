using CableTest.Domain.Evaluation;
using CableTest.Domain.Standards;

namespace CableTest.Domain.Tests.Evaluation;

public sealed class CableDescriptorTests
{
    [Fact]
    public void Parse_GoldenStyle_ReadsEveryPart()
    {
        var d = CableDescriptor.Parse("BV 450/750 V 1x2.5 mm2 class 1");
        Assert.Equal("BV", d.ProductCode);
        Assert.Equal(new RatedVoltage(450m, 750m), d.Rated);
        Assert.Equal(1, d.Cores);
        Assert.Equal(2.5m, d.CrossSectionMm2);
        Assert.Equal(1, d.ConductorClass);
    }

    [Fact]
    public void Parse_RegistrationStyle_ReadsTypeAndCodeInParentheses()
    {
        var d = CableDescriptor.Parse("GB/T 5023.3 227 IEC 01 (BV) 450/750 V 1×2.5 mm², 10.0 m, 1 core");
        Assert.Equal("BV", d.ProductCode);
        Assert.Equal("60227 IEC 01", d.CableType);
        Assert.Equal(2.5m, d.CrossSectionMm2);
    }

    [Fact]
    public void Parse_PowerCable_ReadsKvRatingAndCompound()
    {
        var d = CableDescriptor.Parse("YJV 0.6/1 kV 3x95+1x50 mm2 XLPE");
        Assert.Equal(new RatedVoltage(600m, 1000m), d.Rated);
        Assert.Equal(3, d.Cores);
        Assert.Equal(95m, d.CrossSectionMm2);
        Assert.Equal("XLPE", d.Compound);
        Assert.Null(d.ConductorClass);
    }

    [Theory]
    [InlineData("450/750 V", 450, 750)]
    [InlineData("450/750V", 450, 750)]
    [InlineData("0.6/1 kV", 600, 1000)]
    [InlineData("0,6/1kV", 600, 1000)]
    [InlineData("600/1000 V", 600, 1000)]
    public void RatedVoltage_TryParse_NormalisesToVolts(string text, int u0, int u)
    {
        Assert.True(RatedVoltage.TryParse(text, out var rated));
        Assert.Equal(new RatedVoltage(u0, u), rated);
    }

    [Theory]
    [InlineData("750 V")]
    [InlineData("")]
    [InlineData("750/450 V")]
    public void RatedVoltage_TryParse_RejectsNonRatings(string text) => Assert.False(RatedVoltage.TryParse(text, out _));
}
