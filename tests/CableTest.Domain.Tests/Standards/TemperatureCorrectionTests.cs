using CableTest.Domain.Standards;

namespace CableTest.Domain.Tests.Standards;

public sealed class TemperatureCorrectionTests
{
    private static readonly TemperatureCorrection Correction = StandardsCatalogue.LoadDefault().TemperatureCorrection;

    [Theory]
    [InlineData(23, 0.988347)]
    [InlineData(5, 1.062643)]
    [InlineData(30, 0.962186)]
    [InlineData(0, 1.085305)]
    public void Kt_Alpha20Copper_MatchesGbt30484Formula(int t, double expected) =>
        Assert.Equal(expected, (double)Correction.Kt(KtMethod.Alpha20, ConductorMaterial.Copper, t), 6);

    [Theory]
    [InlineData(25, 0.980248)]
    [InlineData(10, 1.041992)]
    public void Kt_Alpha20Aluminium_Uses000403(int t, double expected) =>
        Assert.Equal(expected, (double)Correction.Kt(KtMethod.Alpha20, ConductorMaterial.Aluminium, t), 6);

    [Theory]
    [InlineData(0, "1.087")]
    [InlineData(5, "1.064")]
    [InlineData(15, "1.020")]
    [InlineData(23, "0.988")]
    [InlineData(25, "0.980")]
    [InlineData(30, "0.962")]
    [InlineData(35, "0.943")]
    [InlineData(40, "0.926")]
    [InlineData(90, "0.781")]
    public void Kt_TableB1_IsRounded250Over230PlusT(int t, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Correction.Kt(KtMethod.Iec60228TableB1, ConductorMaterial.Copper, t));
        Assert.Equal(Correction.Kt(KtMethod.Iec60228TableB1, ConductorMaterial.Copper, t), Correction.Kt(KtMethod.Iec60228TableB1, ConductorMaterial.Aluminium, t));
    }

    [Fact]
    public void Kt_TableB1AtEveryIntegerFrom5To35_EqualsRoundedFormula()
    {
        for (var t = 5; t <= 35; t++)
        {
            Assert.Equal(Math.Round(250m / (230m + t), 3, MidpointRounding.ToEven), Correction.Kt(KtMethod.Iec60228TableB1, ConductorMaterial.Copper, t));
        }
    }

    [Fact]
    public void Windows_AreTheMethodDefaults_AmbientWindowIsUnverified()
    {
        Assert.Equal(new TemperatureRange(15m, 25m), Correction.AmbientWindowC with { Provenance = null });
        Assert.False(Correction.AmbientWindowC.Provenance!.Verified);
        Assert.Equal(-20m, Correction.ValidityC.MinC);
        Assert.Equal(100m, Correction.ValidityC.MaxC);
        Assert.Equal(0.00393m, Correction.Alpha20CopperPerK);
        Assert.Equal(0.00403m, Correction.Alpha20AluminiumPerK);
    }
}
