using CableTest.Protocols.Modbus;

namespace CableTest.Protocols.Tests.Modbus;

public sealed class ModbusCrcTests
{
    [Theory]
    [InlineData("01 03 00 00 00 0A", "C5 CD")] // read 10 holding registers from unit 1
    [InlineData("11 03 00 6B 00 03", "76 87")] // the classic "read 3 registers at 0x6B from unit 17"
    [InlineData("01 06 00 01 00 03", "98 0B")] // write single register
    [InlineData("02 07", "41 12")]             // Modbus over serial line spec, appendix B example
    public void Write_SpecFrames_GivesKnownCrc(string frame, string crc)
    {
        var data = Hex.Bytes(frame);
        var actual = new byte[2];
        ModbusCrc.Write(data, actual);
        Assert.Equal(crc.Replace(" ", ""), Hex.Of(actual));
        Assert.True(ModbusCrc.IsValid([.. data, .. actual]));
    }

    [Fact]
    public void IsValid_FlippedBit_False()
    {
        var frame = Hex.Bytes("01 03 00 00 00 0A C5 CD");
        for (var i = 0; i < frame.Length * 8; i++)
        {
            var copy = (byte[])frame.Clone();
            copy[i / 8] ^= (byte)(1 << (i % 8));
            Assert.False(ModbusCrc.IsValid(copy));
        }
    }

    [Fact]
    public void Compute_MatchesBitwiseReference()
    {
        var random = new Random(7);
        for (var n = 0; n < 200; n++)
        {
            var data = new byte[random.Next(0, 300)];
            random.NextBytes(data);
            Assert.Equal(Bitwise(data), ModbusCrc.Compute(data));
        }
    }

    private static ushort Bitwise(byte[] data)
    {
        var crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }
        }

        return (ushort)crc;
    }
}
