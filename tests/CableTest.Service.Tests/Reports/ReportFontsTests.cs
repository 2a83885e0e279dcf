using System.Buffers.Binary;
using CableTest.Service.Reports;
using CableTest.Testing;

namespace CableTest.Service.Tests.Reports;

/// <summary>Finding the PDF fonts, and one face out of a TrueType collection (the Debian CJK font is a .ttc).</summary>
public sealed class ReportFontsTests
{
    private const string MicroHei = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    [Fact]
    public void Fonts_NoneConfiguredNoneFound_ProblemNamesTheKeyAndThePackage()
    {
        var fonts = new ReportFonts(new ReportFontOptions(), ["/nonexistent/cjk.ttc"], ["/nonexistent/latin.ttf"]);

        Assert.Null(fonts.Cjk);
        Assert.Contains("Reports:Fonts:Cjk", fonts.Problem, StringComparison.Ordinal);
        Assert.Contains("fonts-wqy-microhei", fonts.Problem, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/cjk.ttc", fonts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Fonts_NotAFont_ProblemNamesTheFile()
    {
        using var dir = new TempDirectory("cabletest-fonts");
        var bad = dir.File("broken.ttc");
        File.WriteAllBytes(bad, [0x74, 0x74, 0x63, 0x66, 0, 1, 0, 0, 0, 0, 0, 9]);

        var fonts = new ReportFonts(new ReportFontOptions { Cjk = bad }, [], []);

        Assert.Contains(bad, fonts.Problem, StringComparison.Ordinal);
        Assert.Contains("Reports:Fonts:Cjk", fonts.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Fonts_DebianDefaults_FoundWithoutConfiguration()
    {
        RequiredTool.Find(MicroHei, "fonts-wqy-microhei");
        var fonts = new ReportFonts(new ReportFontOptions(), ReportFonts.CjkCandidates, ReportFonts.LatinCandidates);

        Assert.Null(fonts.Problem);
        Assert.Equal(MicroHei, fonts.CjkPath);
        Assert.NotNull(fonts.Cjk);
        Assert.NotNull(fonts.Latin);
    }

    [Fact]
    public void Face_OfACollection_IsAStandAloneFontWithEveryTableInside()
    {
        RequiredTool.Find(MicroHei, "fonts-wqy-microhei");
        var collection = File.ReadAllBytes(MicroHei);
        Assert.True(TrueTypeCollection.IsCollection(collection));

        var face = TrueTypeCollection.Face(collection, 0);

        Assert.False(TrueTypeCollection.IsCollection(face));
        var tables = BinaryPrimitives.ReadUInt16BigEndian(face.AsSpan(4));
        Assert.True(tables > 8, $"{tables} tables");
        var tags = new List<string>();
        for (var i = 0; i < tables; i++)
        {
            var record = face.AsSpan(12 + (16 * i), 16);
            tags.Add(System.Text.Encoding.ASCII.GetString(record[..4]));
            var offset = BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            Assert.True(offset % 4 == 0 && offset + length <= face.Length, $"table {tags[^1]} at {offset}+{length} of {face.Length}");
        }

        Assert.Contains("cmap", tags);
        Assert.Contains("glyf", tags);
        Assert.Contains("head", tags);
    }

    [Fact]
    public void Face_TruncatedOrMissingFace_InvalidData()
    {
        byte[] header = [0x74, 0x74, 0x63, 0x66, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 16];

        Assert.Throws<InvalidDataException>(() => TrueTypeCollection.Face(header, 0));
        Assert.Throws<InvalidDataException>(() => TrueTypeCollection.Face(header, 1));
        byte[] single = [0, 1, 0, 0, 0, 0];
        Assert.Same(single, TrueTypeCollection.Face(single, 0));
    }
}
