using CableTest.Transports;

namespace CableTest.Transports.Tests;

public sealed class ChannelEndpointTests
{
    [Fact]
    public void Parse_Tcp()
    {
        var e = ChannelEndpoint.Parse("tcp://10.0.0.5:502");
        Assert.Equal(("tcp", "10.0.0.5", 502), (e.Scheme, e.Host, e.Port));
        Assert.IsType<TcpChannel>(e.CreateChannel());
    }

    [Fact]
    public void Parse_SerialWithFormat()
    {
        var e = ChannelEndpoint.Parse("serial:///dev/ttyUSB0?baud=19200&parity=E&databits=8&stopbits=1");
        Assert.Equal("/dev/ttyUSB0", e.DevicePath);
        Assert.Equal(new SerialSettings { BaudRate = 19200, Parity = SerialParity.Even }, e.Serial);
        Assert.Equal(11, e.Serial.BitsPerCharacter);
        Assert.IsType<UnixTtyChannel>(e.CreateChannel());
        Assert.IsType<SerialPortChannel>(ChannelEndpoint.Parse("serial:///dev/ttyUSB0?impl=ports").CreateChannel());
    }

    [Theory]
    [InlineData("udp://x:1", "unknown scheme")]
    [InlineData("tcp://host", "HOST:PORT")]
    [InlineData("tcp://host:99999", "port")]
    [InlineData("serial:///dev/ttyS0?baud=fast", "baud 'fast'")]
    [InlineData("serial:///dev/ttyS0?parity=X", "parity 'X'")]
    [InlineData("serial:///dev/ttyS0?stopbits=3", "stop bits")]
    [InlineData("serial:///dev/ttyS0?speed=9600", "unknown parameter 'speed'")]
    [InlineData("serial://", "no device")]
    [InlineData("no-scheme", "expected")]
    public void Parse_Bad_NamesTheProblem(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => ChannelEndpoint.Parse(text));
        Assert.Contains(expected, e.Message);
    }
}
