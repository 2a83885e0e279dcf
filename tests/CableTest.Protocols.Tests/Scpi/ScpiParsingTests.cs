using System.Globalization;
using System.Text;
using CableTest.Protocols.Scpi;
using FsCheck.Xunit;

namespace CableTest.Protocols.Tests.Scpi;

public sealed class ScpiParsingTests
{
    [Theory]
    [InlineData("12", 12.0)]
    [InlineData("+1.23456E-03", 0.00123456)]
    [InlineData("-0.5", -0.5)]
    [InlineData(" 4.2e+2 ", 420.0)]
    [InlineData("1.0E+09", 1e9)]
    public void Parse_Nr1Nr2Nr3_GivesNumber(string text, double expected)
    {
        var value = ScpiNumbers.Parse(text);
        Assert.Equal(ScpiValueKind.Number, value.Kind);
        Assert.Equal(expected, value.Value, 12);
    }

    [Theory]
    [InlineData("9.9E37", ScpiValueKind.Overflow)]
    [InlineData("+9.90000E+37", ScpiValueKind.Overflow)]
    [InlineData("-9.9E37", ScpiValueKind.NegativeOverflow)]
    [InlineData("9.91E37", ScpiValueKind.NotANumber)]
    public void Parse_Sentinels_AreNotReadings(string text, ScpiValueKind kind)
    {
        var value = ScpiNumbers.Parse(text);
        Assert.Equal(kind, value.Kind);
        Assert.False(value.IsReading);
        Assert.Throws<ScpiParseException>(() => value.RequireReading("resistance"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,5")]
    [InlineData("1.2.3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("0x10")]
    public void Parse_Garbage_Throws(string text)
    {
        Assert.False(ScpiNumbers.TryParse(text, out _));
        var e = Assert.Throws<ScpiParseException>(() => ScpiNumbers.Parse(text));
        Assert.Equal(text, e.Reply);
    }

    [Fact]
    public void Parse_UnderCommaDecimalCulture_StillInvariant()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal(1.5, ScpiNumbers.Parse("1.5").Value);
            Assert.Equal("+1.50000E+00", ScpiNumbers.FormatNr3(1.5));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Property]
    public bool FormatNr3_ThenParse_RoundTripsToSixDigits(double x)
    {
        if (!double.IsFinite(x) || Math.Abs(x) > 1e30 || (x != 0 && Math.Abs(x) < 1e-30))
        {
            return true;
        }

        var back = ScpiNumbers.Parse(ScpiNumbers.FormatNr3(x)).Value;
        return Math.Abs(back - x) <= Math.Abs(x) * 1e-5;
    }

    [Fact]
    public void Identity_Parse_ReadsFourFields()
    {
        var id = ScpiIdentity.Parse("HIOKI,RM3545,123456789,V2.10");
        Assert.Equal("HIOKI", id.Manufacturer);
        Assert.Equal("RM3545", id.Model);
        Assert.Equal("123456789", id.SerialNumber);
        Assert.Equal("V2.10", id.Firmware);
    }

    [Theory]
    [InlineData("HIOKI")]
    [InlineData("HIOKI,RM3545")]
    [InlineData(",,,")]
    public void Identity_Parse_TooFewFields_Throws(string reply)
    {
        Assert.Throws<ScpiParseException>(() => ScpiIdentity.Parse(reply));
    }

    [Fact]
    public void Error_Parse_ReadsCodeAndQuotedMessageWithComma()
    {
        var error = ScpiError.Parse("-222,\"Data out of range, max 1000\"");
        Assert.Equal(-222, error.Code);
        Assert.Equal("Data out of range, max 1000", error.Message);
        Assert.False(error.IsNoError);
        Assert.True(ScpiError.Parse("+0,\"No error\"").IsNoError);
        Assert.True(ScpiError.Parse("0").IsNoError);
    }

    [Theory]
    [InlineData("x,\"y\"")]
    [InlineData("-100,\"unterminated")]
    [InlineData("1,2,3")]
    public void Error_Parse_Malformed_Throws(string reply)
    {
        Assert.Throws<ScpiParseException>(() => ScpiError.Parse(reply));
    }

    [Fact]
    public void NumberAt_ChecksFieldCount()
    {
        Assert.Equal(2.5, ScpiReply.NumberAt("1.0,2.5,3", 1, 3).Value);
        Assert.Throws<ScpiParseException>(() => ScpiReply.NumberAt("1.0,2.5", 1, 3));
        Assert.Throws<ScpiParseException>(() => ScpiReply.NumberAt("1.0,x,3", 1, 3));
    }

    [Theory]
    [InlineData("1.5\n", "1.5", 4)]
    [InlineData("1.5\r\nrest", "1.5", 5)]
    [InlineData("\n", "", 1)]
    public void Framer_FindsLine(string buffer, string line, int consumed)
    {
        Assert.True(ScpiLineFramer.TryReadLine(Encoding.ASCII.GetBytes(buffer), (byte)'\n', out var found, out var used));
        Assert.Equal(line, Encoding.ASCII.GetString(found));
        Assert.Equal(consumed, used);
    }

    [Fact]
    public void Framer_EveryCutBeforeTerminator_NeedsMoreBytes()
    {
        var bytes = Encoding.ASCII.GetBytes("+1.23456E-03\r\n");
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            Assert.False(ScpiLineFramer.TryReadLine(bytes.AsSpan(0, cut), (byte)'\n', out _, out _));
        }
    }
}
