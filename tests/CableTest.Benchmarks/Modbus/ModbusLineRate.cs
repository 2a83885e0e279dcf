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
/// master started too early, how late the emulation itself handed frames and reply ends over (its own latency), and
/// the master's share: reply's last byte on the wire → master returns it; master's guard over → request seen.
/// </summary>
internal static class ModbusLineRate
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        Console.WriteLine("  baud    N      tps  limit_tps   ratio  (min..max ratio)  early  emul_late_us(frame,reply)  master_us(reply_seen,request_after_guard)");
        foreach (var baud in new[] { 9600, 19200, 115200 })
        {
            foreach (var registers in new ushort[] { 1, 10, 125 })
            {
                var runs = new List<Cell>();
                for (var i = 0; i < repeats; i++)
                {
                    runs.Add(await MeasureAsync(baud, registers, TimeSpan.FromSeconds(seconds)));
                }

                var ratios = runs.Select(r => r.Tps / r.Limit).Order().ToArray();
                var median = runs.OrderBy(r => r.Tps).ElementAt(runs.Count / 2);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{baud,6} {registers,4} {median.Tps,8:0.0} {median.Limit,10:0.0} {median.Tps / median.Limit,7:0.000}  ({ratios[0]:0.000}..{ratios[^1]:0.000})  {runs.Sum(r => r.Early),5}  {median.FrameLate.TotalMicroseconds,11:0} {median.ReplyLate.TotalMicroseconds,5:0}  {median.ReplySeen.TotalMicroseconds,18:0} {median.RequestLag.TotalMicroseconds,5:0}"));
            }
        }

        return 0;
    }

    private static async Task<Cell> MeasureAsync(int baud, ushort registers, TimeSpan duration)
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
        long replySeen = 0, requestLag = 0;
        var guardTicks = (long)(t35.TotalSeconds * Stopwatch.Frequency);
        var returned = Stopwatch.GetTimestamp();
        var started = returned;
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            await master.ReadHoldingRegistersAsync(1, 0, buffer, CancellationToken.None);
            var now = Stopwatch.GetTimestamp();

            // The master's share of a cycle: from the reply's last byte on the wire to the master returning it, and
            // from the end of its guard to the emulation seeing the next request (guard overshoot, write, wake-up).
            replySeen += now - paced.ReplyEndAt;
            requestLag += paced.FrameSeenAt - (returned + guardTicks);
            returned = now;
            count++;
        }

        var tps = count / Stopwatch.GetElapsedTime(started).TotalSeconds;
        early = paced.EarlyFrames - early;
        await stop.CancelAsync();
        await slave;
        var cycle = ((13 + (2 * registers)) * bits / (double)baud) + (2 * t35.TotalSeconds);
        var perCycle = (double)Math.Max(1, count) * Stopwatch.Frequency;
        return new Cell(tps, 1 / cycle, early, paced.MeanFrameLateness, paced.MeanReplyLateness,
            TimeSpan.FromSeconds(replySeen / perCycle), TimeSpan.FromSeconds(requestLag / perCycle));
    }

    private readonly record struct Cell(double Tps, double Limit, long Early, TimeSpan FrameLate, TimeSpan ReplyLate, TimeSpan ReplySeen, TimeSpan RequestLag);
}
