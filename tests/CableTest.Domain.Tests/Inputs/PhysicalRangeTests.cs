using CableTest.Domain.Inputs;

namespace CableTest.Domain.Tests.Inputs;

public sealed class PhysicalRangeTests
{
    [Theory]
    [InlineData(1e308)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(0.0)]
    [InlineData(-2.5)]
    [InlineData(3500.0001)]
    public void CrossSection_OutsideOrNotFinite_Refused(double value)
    {
        Assert.False(InputRanges.CrossSectionMm2.Contains(value));
        Assert.Equal("must be a finite number in (0, 3500] mm²", InputRanges.CrossSectionMm2.Problem(value));
    }

    [Theory]
    [InlineData(double.Epsilon)]
    [InlineData(2.5)]
    [InlineData(3500.0)]
    public void CrossSection_InRange_Accepted(double value) => Assert.Null(InputRanges.CrossSectionMm2.Problem(value));

    [Fact]
    public void CrossSection_AnyValueInRange_ConvertsToDecimal()
    {
        Assert.Equal(3500m, (decimal)InputRanges.CrossSectionMm2.Max);
        Assert.Equal(100000m, (decimal)InputRanges.LengthM.Max);
    }

    [Theory]
    [InlineData(1.78, 3.38, null)]
    [InlineData(3.38, 1.78, "insulation_outer_diameter_mm")]
    [InlineData(2.0, 2.0, "insulation_outer_diameter_mm")]
    [InlineData(double.NaN, 3.38, "conductor_diameter_mm")]
    [InlineData(0.0, 3.38, "conductor_diameter_mm")]
    [InlineData(1.78, -1.0, "insulation_outer_diameter_mm")]
    public void DiameterProblems_NamesTheField(double d, double big, string? field)
    {
        var problems = InputRanges.DiameterProblems(d, big, "conductor_diameter_mm", "insulation_outer_diameter_mm");
        Assert.Equal(field, problems.Select(p => p.Field).SingleOrDefault());
    }

    [Fact]
    public void DiameterProblems_NeitherGiven_None() => Assert.Empty(InputRanges.DiameterProblems(null, null, "d", "D"));
}
