using CableTest.Domain.Standards;

namespace CableTest.Domain.Tests.Standards;

public sealed class ProductSpecTests
{
    private static readonly StandardsCatalogue Catalogue = StandardsCatalogue.LoadDefault();

    [Fact]
    public void ResolveSample_Bv450750_MapsTo60227Iec01AndIec60227Levels()
    {
        var r = Catalogue.ResolveSample("BV", "450/750 V", 2.5m, 1, conductorClass: 1);
        Assert.True(r.Found, r.Detail);
        Assert.Equal(new ConductorSpec(1, ConductorMaterial.Copper, false, 2.5m), r.Value!.Conductor);
        Assert.Equal("60227 IEC 01", r.Value.InsulationResistanceKey);
        Assert.Equal("IEC 60227", r.Value.VoltageTestFamily);
        Assert.True(Catalogue.FindConductorResistanceLimit(r.Value.Conductor).Found);
        Assert.Equal(2.5m, Catalogue.FindVoltageTest("450/750 V", VoltageKind.AC, r.Value.VoltageTestFamily).Value!.RequiredKv);
    }

    [Fact]
    public void ResolveSample_RatingSelectsType_Bv300500Is60227Iec05()
    {
        var r = Catalogue.ResolveSample("BV", "300/500 V", 0.75m, 1);
        Assert.Equal("60227 IEC 05", r.Value!.InsulationResistanceKey);
        Assert.Equal(1, r.Value.Conductor.ConductorClass);
    }

    [Fact]
    public void ResolveSample_YjlvIsAluminiumXlpe_RvvHasNoInsulationTable()
    {
        var yjlv = Catalogue.ResolveSample("YJLV", "0.6/1 kV", 95m, 4, 2).Value!;
        Assert.Equal(ConductorMaterial.Aluminium, yjlv.Conductor.Material);
        Assert.Equal("XLPE", yjlv.InsulationResistanceKey);
        Assert.Null(Catalogue.ResolveSample("RVV", "300/500 V", 1m, 3).Value!.InsulationResistanceKey);
    }

    [Theory]
    [InlineData("BV", "450/750 V", 2.5, 1, null)]   // class 1 or 2: must be given
    [InlineData("BV", "450/750 V", 0.5, 1, 1)]      // below 1.5 mm2
    [InlineData("BV", "450/750 V", 2.5, 2, 1)]      // single core only
    [InlineData("XYZ", "450/750 V", 2.5, 1, 1)]
    public void ResolveSample_OutsideSpec_IsInvalidInput(string code, string rated, double csa, int cores, int? cls)
    {
        var r = Catalogue.ResolveSample(code, rated, (decimal)csa, cores, cls);
        Assert.False(r.Found);
        Assert.Equal(ReasonCodes.InvalidInput, r.ReasonCode);
    }
}
