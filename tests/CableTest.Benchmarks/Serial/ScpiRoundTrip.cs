using System.Diagnostics;
using System.Globalization;
using CableTest.Instruments.Scpi;
using CableTest.Transports;

namespace CableTest.Benchmarks.Serial;

/// <summary>
/// <c>serial-rt DEVICE N [termios|ports]</c>: N SCPI query/reply round trips (":MEAS:RES?") through ScpiSession
/// on a serial device, against ../shared/peers/serial_peer.py respond on the other end of a pty pair.
/// Prints <c>roundtrips=N seconds=S rps=R</c>, the form serial_peer.py's client prints.
/// </summary>
internal static class ScpiRoundTrip
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            await Console.Error.WriteLineAsync("usage: serial-rt DEVICE N [termios|ports]");
            return 2;
        }

        var impl = args.Length > 2 ? args[2] : "termios";
        var endpoint = ChannelEndpoint.Parse($"serial://{args[0]}?baud=115200&impl={impl}");
        await using var session = new ScpiSession(endpoint.CreateChannel(), new ScpiSessionOptions { Device = "bench", Timeout = TimeSpan.FromSeconds(2), CheckErrorsAfterCommand = false });
        await session.QueryAsync(":MEAS:RES?", CancellationToken.None);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            await session.QueryAsync(":MEAS:RES?", CancellationToken.None);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"roundtrips={count} seconds={seconds:0.000} rps={count / seconds:0}"));
        return 0;
    }
}
