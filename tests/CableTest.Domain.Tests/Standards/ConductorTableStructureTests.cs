using CableTest.Domain.Standards;

namespace CableTest.Domain.Tests.Standards;

/// <summary>Structural checks over every shipped IEC 60228 table (independent of the loader's own checks).</summary>
public sealed class ConductorTableStructureTests
{
    private static readonly StandardsCatalogue Catalogue = StandardsCatalogue.LoadDefault();

    public static TheoryData<int> Classes() => new(1, 2, 5, 6);

    private static ConductorResistanceTable Table(int cls) => Catalogue.ConductorResistanceTables.Single(t => t.ConductorClass == cls);

    [Theory]
    [MemberData(nameof(Classes))]
    public void EveryColumn_LargerCrossSection_HasLowerMaximum(int cls)
    {
        foreach (var column in Enum.GetValues<ConductorColumn>())
        {
            var cells = Table(cls).Column(column).ToList();
            for (var i = 1; i < cells.Count; i++)
            {
                Assert.True(cells[i].CrossSectionMm2 > cells[i - 1].CrossSectionMm2);
                Assert.True(cells[i].Cell.MaxOhmPerKm < cells[i - 1].Cell.MaxOhmPerKm,
                    $"class {cls} {column}: {cells[i].CrossSectionMm2} mm2 {cells[i].Cell.MaxOhmPerKm} not below {cells[i - 1].Cell.MaxOhmPerKm}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void EveryRow_CoatedCopper_IsNotBelowPlainCopper(int cls)
    {
        var pairs = Table(cls).Rows.Where(r => r.Cells.ContainsKey(ConductorColumn.PlainCopper) && r.Cells.ContainsKey(ConductorColumn.CoatedCopper)).ToList();
        Assert.NotEmpty(pairs);
        Assert.All(pairs, r => Assert.True(r.Cells[ConductorColumn.CoatedCopper].MaxOhmPerKm >= r.Cells[ConductorColumn.PlainCopper].MaxOhmPerKm, $"{r.CrossSectionMm2} mm2"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void EveryRow_Aluminium_IsAboveCopperOfEqualSize(int cls)
    {
        var pairs = Table(cls).Rows.Where(r => r.Cells.ContainsKey(ConductorColumn.PlainCopper) && r.Cells.ContainsKey(ConductorColumn.Aluminium)).ToList();
        Assert.NotEmpty(pairs);
        Assert.All(pairs, r => Assert.True(r.Cells[ConductorColumn.Aluminium].MaxOhmPerKm > r.Cells[ConductorColumn.PlainCopper].MaxOhmPerKm, $"{r.CrossSectionMm2} mm2"));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void FlexibleClasses_HaveNoAluminium(int cls) =>
        Assert.Empty(Table(cls).Column(ConductorColumn.Aluminium));

    [Fact]
    public void Class6_StopsAt300_AndEqualsClass5WhereDefined()
    {
        var c6 = Table(6);
        Assert.Equal(0.5m, c6.Rows[0].CrossSectionMm2);
        Assert.Equal(300m, c6.Rows[^1].CrossSectionMm2);
        Assert.Equal(19, c6.Rows.Count);
        foreach (var row in c6.Rows)
        {
            var c5 = Table(5).Rows.Single(r => r.CrossSectionMm2 == row.CrossSectionMm2);
            Assert.Equal(c5.Cells[ConductorColumn.PlainCopper].MaxOhmPerKm, row.Cells[ConductorColumn.PlainCopper].MaxOhmPerKm);
            Assert.Equal(c5.Cells[ConductorColumn.CoatedCopper].MaxOhmPerKm, row.Cells[ConductorColumn.CoatedCopper].MaxOhmPerKm);
        }
    }

    [Fact]
    public void Class5At50_IsBelowClass2_AsEverySourcePrints()
    {
        var c5 = Table(5).Rows.Single(r => r.CrossSectionMm2 == 50m).Cells[ConductorColumn.PlainCopper].MaxOhmPerKm;
        var c2 = Table(2).Rows.Single(r => r.CrossSectionMm2 == 50m).Cells[ConductorColumn.PlainCopper].MaxOhmPerKm;
        Assert.Equal(0.386m, c5);
        Assert.Equal(0.387m, c2);
    }

    [Fact]
    public void Tables_CoverEveryListedCrossSection()
    {
        Assert.Equal(25, Table(1).Rows.Count);   // 0.5 .. 1200
        Assert.Equal(30, Table(2).Rows.Count);   // 0.5 .. 2500
        Assert.Equal(22, Table(5).Rows.Count);   // 0.5 .. 630
        Assert.Equal(2500m, Table(2).Rows[^1].CrossSectionMm2);
        Assert.Equal(630m, Table(5).Rows[^1].CrossSectionMm2);
    }

    [Fact]
    public void Class1Footnotes_CoatedStopsAt16_CopperFrom25IsFlagged()
    {
        var t1 = Table(1);
        Assert.Equal(16m, t1.Column(ConductorColumn.CoatedCopper).Last().CrossSectionMm2);
        Assert.Equal(400m, t1.Column(ConductorColumn.PlainCopper).Last().CrossSectionMm2);
        Assert.Equal(10m, t1.Column(ConductorColumn.Aluminium).First().CrossSectionMm2);
        Assert.All(t1.Column(ConductorColumn.PlainCopper).Where(c => c.CrossSectionMm2 >= 25m), c => Assert.NotEmpty(c.Cell.Notes));
        Assert.All(t1.Column(ConductorColumn.Aluminium).Where(c => c.CrossSectionMm2 is >= 95m and <= 300m),
            c => Assert.Contains(c.Cell.Notes, n => n.Contains("25 %", StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryCell_CarriesTagAndSources_MRowsAreUnverified()
    {
        var cells = Catalogue.ConductorResistanceTables.SelectMany(t => t.Rows.SelectMany(r => r.Cells.Select(c => (t, r, c.Key, c.Value)))).ToList();
        Assert.All(cells, c =>
        {
            Assert.True(Provenance.IsValidTag(c.Value.Provenance.Tag));
            Assert.NotEmpty(c.Value.Provenance.SourceIds);
        });
        var unverified = cells.Where(c => !c.Value.Provenance.Verified).ToList();
        Assert.All(unverified, c => Assert.Contains("M", c.Value.Provenance.Tag.Split('+')));
        // Class 2 copper 1200-2500 mm2 (both copper columns, 6 sizes) and aluminium 1400-2000 mm2 are M+D.
        Assert.Equal(16, unverified.Count);
        Assert.All(unverified, c => Assert.True(c.t.ConductorClass == 2 && c.r.CrossSectionMm2 >= 1200m));
    }
}
