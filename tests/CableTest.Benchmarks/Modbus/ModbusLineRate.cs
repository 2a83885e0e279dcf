using System.Diagnostics;
using System.Globalization;
using CableTest.HardwareSim.Serving;
using CableTest.Instruments.Modbus;
using CableTest.Instruments.Modbus.Slave;
using CableTest.Protocols.Modbus;
using CableTest.Transports;

namespace CableTest.Benchmarks.Modbus;

/// <summary>
/// <c>modbus-line-rate [SECONDS] [REPEATS]</c>: RTU reads of 1, 10 and 125 holding registers through our master
/// against our slave behind the simulator's line-rate emulation (bytes paced at the baud rate and character format,
/// 8E1 = 11 bits per character) at 9600, 19200 and 115200 baud, beside the wire limit
/// <c>cycle = (13 + 2N) × bits / baud + 2 × t3.5</c> (t3.5 = 3.5 characters, 1.75 ms above 19200 baud).
/// Each cell is measured REPEATS times (default 1) and the median is printed with the spread, the requests the
/// master started too early, and how late the emulation itself handed frames and reply ends over (its own latency).
/// </summary>
internal static class ModbusLineRate
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        Console.WriteLine("  baud    N      tps  limit_tps   ratio  (min..max ratio)  early_frames  emulation_late_us(frame,reply)");
        foreach (var baud in new[] { 9600, 19200, 115200 })
        {
            foreach (var registers in new ushort[] { 1, 10, 125 })
            {
                var runs = new List<(double Tps, double Limit, long Early, TimeSpan FrameLate, TimeSpan ReplyLate)>();
                for (var i = 0; i < repeats; i++)
                {
                    runs.Add(await MeasureAsync(baud, registers, TimeSpan.FromSeconds(seconds)));
                }

                var ratios = runs.Select(r => r.Tps / r.Limit).Order().ToArray();
                var median = runs.OrderBy(r => r.Tps).ElementAt(runs.Count / 2);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{baud,6} {registers,4} {median.Tps,8:0.0} {median.Limit,10:0.0} {median.Tps / median.Limit,7:0.000}  ({ratios[0]:0.000}..{ratios[^1]:0.000})  {runs.Sum(r => r.Early),6}  {median.FrameLate.TotalMicroseconds,5:0} {median.ReplyLate.TotalMicroseconds,5:0}"));
            }
        }

        return 0;
    }

    private static async Task<(double Tps, double Limit, long Early, TimeSpan FrameLate, TimeSpan ReplyLate)> MeasureAsync(int baud, ushort registers, TimeSpan duration)
    {
        var serial = new SerialSettings { BaudRate = baud, Parity = SerialParity.Even };
        await using var pty = PseudoTerminal.Open();
        var bits = serial.BitsPerCharacter;
        var t35 = ModbusRtu.InterFrameDelay(baud, bits);

        // The emulated line paces the request into the slave and the reply out of it; the slave reads a request
        // after the t3.5 silence that ends it (as a real slave does) and answers at once. The master keeps its own
        // t3.5 guard after the reply's last byte (set explicitly: on a bare pty it would keep none).
        await using var paced = new LineRateChannel(pty.Master, serial, new LineRateOptions(), TimeProvider.System, t35);
        using var stop = new CancellationTokenSource();
        var slave = new ModbusRtuSlave(paced, new ModbusSlaveProcessor(1, new ModbusDataStore())).RunAsync(stop.Token);
        var options = new ModbusMasterOptions { Timeout = TimeSpan.FromSeconds(2), InterFrameDelay = t35 };
        await using var master = new ModbusRtuMaster(new UnixTtyChannel(pty.SlavePath, serial), options, serialSettings: serial);
        var buffer = new ushort[registers];
        await master.ReadHoldingRegistersAsync(1, 0, buffer, CancellationToken.None);
        var early = paced.EarlyFrames;
        var count = 0;
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            await master.ReadHoldingRegistersAsync(1, 0, buffer, CancellationToken.None);
            count++;
        }

        var tps = count / Stopwatch.GetElapsedTime(started).TotalSeconds;
        early = paced.EarlyFrames - early;
        await stop.CancelAsync();
        await slave;
        var cycle = ((13 + (2 * registers)) * bits / (double)baud) + (2 * t35.TotalSeconds);
        return (tps, 1 / cycle, early, paced.MeanFrameLateness, paced.MeanReplyLateness);
    }
}
