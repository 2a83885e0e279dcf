using CableTest.Transports;

namespace CableTest.Transports.Tests;

/// <summary>
/// A simulated RS-485 line with parity on a real pseudo-terminal: Linux's pty driver keeps no parity
/// bit (it clears PARENB) and glibc's tcsetattr reports that as EINVAL. Measured on 6.18: the
/// simulator's even-parity line could not be configured when a driver opened it again. The
/// termios transport opens such a line as what the pty allows, as often as it reconnects.
/// </summary>
public sealed class PtyParityTests
{
    [Theory]
    [InlineData(SerialParity.Even)]
    [InlineData(SerialParity.Odd)]
    public async Task UnixTtyChannel_PtyWithParity_OpensAgainAndAgain(SerialParity parity)
    {
        await using var pty = PseudoTerminal.Open();
        var settings = new SerialSettings { BaudRate = 19200, Parity = parity };
        for (var reconnect = 0; reconnect < 3; reconnect++)
        {
            await using var line = new UnixTtyChannel(pty.SlavePath, settings);
            await line.OpenAsync(default);
            byte[] request = [0x02, 0x04, 0x00, 0x00, 0x00, 0x02, 0x71, 0xF8];
            await line.WriteAsync(request, default);
            Assert.Equal(request, await pty.Master.ReadExactlyAsync(request.Length));
            await pty.Master.WriteAsync(request, default);
            Assert.Equal(request, await line.ReadExactlyAsync(request.Length));
            await line.CloseAsync();
        }
    }

    [Fact]
    public async Task UnixTtyChannel_PtyWithParity_TwoOwnersAtOnce()
    {
        // Two drivers on one simulated RS-485 bus (withstand tester and ambient sensor), each opening the line.
        await using var pty = PseudoTerminal.Open();
        var settings = new SerialSettings { BaudRate = 19200, Parity = SerialParity.Even };
        await using var first = new UnixTtyChannel(pty.SlavePath, settings);
        await using var second = new UnixTtyChannel(pty.SlavePath, settings);
        await first.OpenAsync(default);
        await second.OpenAsync(default);
        Assert.True(first.IsOpen && second.IsOpen);
    }
}
