using System.Buffers;
using System.Text;
using CableTest.Protocols.LineProtocol;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CableTest.Protocols.Tests.LineProtocol;

public sealed class LineProtocolWriterTests
{
    [Fact]
    public void PointData_DesignDocExample_EncodesEveryFieldType()
    {
        var line = PointData.Measurement("measurement").Tag("tag", "v")
            .Field("field", 1.0).Field("n", 3L).Field("s", "x").Field("b", true)
            .Timestamp(1700000000000000000, WritePrecision.Ns).ToLineProtocol();

        Assert.Equal("measurement,tag=v field=1,n=3i,s=\"x\",b=true 1700000000000000000", line);
    }

    [Theory]
    [InlineData("my measurement", "my\\ measurement")]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a=b", "a=b")]
    public void Measurement_CommaAndSpace_AreEscaped(string name, string expected)
    {
        var line = PointData.Measurement(name).Field("f", 1L).ToLineProtocol();
        Assert.StartsWith(expected + " ", line);
    }

    [Fact]
    public void TagsAndFieldKeys_CommaEqualsSpace_AreEscaped()
    {
        var line = PointData.Measurement("m").Tag("ta g", "v,a=l ue").Field("f=ie,ld k", 2L).ToLineProtocol();
        Assert.Equal("m,ta\\ g=v\\,a\\=l\\ ue f\\=ie\\,ld\\ k=2i", line);
    }

    [Fact]
    public void StringField_QuoteAndBackslash_AreEscaped()
    {
        var line = PointData.Measurement("m").Field("s", "say \"hi\" C:\\x").ToLineProtocol();
        Assert.Equal("m s=\"say \\\"hi\\\" C:\\\\x\"", line);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Field_NonFinite_IsRefusedAtThePoint(double value)
    {
        var point = PointData.Measurement("conductor_resistance");
        var e = Assert.Throws<LineProtocolException>(() => point.Field("resistance_ohm", value));
        Assert.Contains("resistance_ohm", e.Message);
    }

    [Fact]
    public void Writer_NonFinite_IsRefusedBeforeAnyByteOfTheFieldIsWritten()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new LineProtocolWriter(buffer).Measurement("m");
        Assert.Throws<LineProtocolException>(() => writer.Field("f", double.NaN));
        Assert.Equal("m", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    public void Names_WithLineBreaks_AreRefused(string bad)
    {
        Assert.Throws<LineProtocolException>(() => PointData.Measurement(bad));
        Assert.Throws<LineProtocolException>(() => PointData.Measurement("m").Tag("k", bad));
        Assert.Throws<LineProtocolException>(() => PointData.Measurement("m").Field("s", bad));
    }

    [Fact]
    public void EmptyTagValue_OmitsTheTag()
    {
        Assert.Equal("m f=1i", PointData.Measurement("m").Tag("core", "").Field("f", 1L).ToLineProtocol());
    }

    [Fact]
    public void Tags_AreWrittenSortedByKey()
    {
        var line = PointData.Measurement("m").Tag("z", "1").Tag("a", "2").Tag("m", "3").Field("f", 1L).ToLineProtocol();
        Assert.Equal("m,a=2,m=3,z=1 f=1i", line);
    }

    [Fact]
    public void NoField_IsAnError()
    {
        Assert.Throws<LineProtocolException>(() => PointData.Measurement("m").Tag("a", "b").ToLineProtocol());
    }

    [Theory]
    [InlineData(WritePrecision.Ns, "1700000000123456700")]
    [InlineData(WritePrecision.Us, "1700000000123456")]
    [InlineData(WritePrecision.Ms, "1700000000123")]
    [InlineData(WritePrecision.S, "1700000000")]
    public void Timestamp_ConvertedToTheWritePrecision(WritePrecision precision, string expected)
    {
        var t = DateTimeOffset.FromUnixTimeMilliseconds(1700000000123).AddTicks(4567);
        var line = PointData.Measurement("m").Field("f", 1L).Timestamp(t, WritePrecision.Ns).ToLineProtocol(precision);
        Assert.EndsWith(" " + expected, line);
    }

    [Fact]
    public void Doubles_RoundTripExactly()
    {
        foreach (var v in new[] { 0.1, 7.41261, 1e-12, 123456789.123456789, -0.0, double.Epsilon, double.MaxValue })
        {
            var parsed = LineProtocolParser.Parse(PointData.Measurement("m").Field("f", v).ToLineProtocol());
            Assert.Equal(v, (double)parsed.Fields["f"]);
        }
    }

    [Fact]
    public void Writer_SeveralPoints_AreNewlineSeparated()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new LineProtocolWriter(buffer);
        writer.Measurement("a").Field("f", 1L).EndPoint(1);
        writer.Measurement("b").Field("f", 2L).EndPoint(2);
        Assert.Equal("a f=1i 1\nb f=2i 2", Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Equal(2, writer.PointsWritten);
    }

    [Fact]
    public void Writer_OutOfOrderCalls_Throw()
    {
        var writer = new LineProtocolWriter(new ArrayBufferWriter<byte>());
        Assert.Throws<InvalidOperationException>(() => writer.Field("f", 1L));
        writer.Measurement("m");
        Assert.Throws<InvalidOperationException>(() => writer.EndPoint(1));
    }

    [Property(MaxTest = 300)]
    public Property RoundTrip_ArbitraryNamesAndValues_ParseBackIdentically()
    {
        var names = ArbMap.Default.GeneratorFor<NonEmptyString>()
            .Select(s => new string(s.Get.Where(c => c is not ('\n' or '\r') && !char.IsSurrogate(c)).ToArray()))
            .Where(s => s.Length > 0 && !s.EndsWith('\\'));
        var gen =
            from m in names
            from tk in names
            from tv in names
            from fk in names
            from d in ArbMap.Default.GeneratorFor<NormalFloat>()
            from i in ArbMap.Default.GeneratorFor<long>()
            from s in names
            from t in ArbMap.Default.GeneratorFor<long>()
            select (m, tk, tv, fk, d.Get, i, s, t);

        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var (m, tk, tv, fk, d, i, s, t) = x;
            var line = PointData.Measurement(m).Tag(tk, tv).Field(fk, d).Field(fk + "_i", i).Field(fk + "_s", s)
                .Timestamp(t, WritePrecision.Ns).ToLineProtocol();
            var p = LineProtocolParser.Parse(line);
            return p.Measurement == m && p.Tags[tk] == tv && (double)p.Fields[fk] == d
                && (long)p.Fields[fk + "_i"] == i && (string)p.Fields[fk + "_s"] == s && p.Timestamp == t;
        });
    }
}
