using System.Diagnostics;
using System.Globalization;
using CableTest.HardwareSim.Serving;
using CableTest.Instruments.Modbus;
using CableTest.Instruments.Modbus.Slave;
using CableTest.Protocols.Modbus;
using CableTest.Transports;

namespace CableTest.Benchmarks.Modbus;

/// <summary>
/// <c>modbus-line-rate [SECONDS]</c>: RTU reads of 1, 10 and 125 holding registers through our master against
/// our slave behind the simulator's line-rate emulation (bytes paced at the baud rate and character format,
/// 8E1 = 11 bits per character) at 9600, 19200 and 115200 baud, beside the wire limit
/// <c>cycle = (13 + 2N) × bits / baud + 2 × t3.5</c> (t3.5 = 3.5 characters, 1.75 ms above 19200 baud).
/// </summary>
internal static class ModbusLineRate
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        Console.WriteLine("baud  registers  tps  wire_limit_tps  ratio");
        foreach (var baud in new[] { 9600, 19200, 115200 })
        {
            foreach (var registers in new ushort[] { 1, 10, 125 })
            {
                var (tps, limit) = await MeasureAsync(baud, registers, TimeSpan.FromSeconds(seconds));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{baud,6} {registers,4} {tps,8:0.0} {limit,8:0.0} {tps / limit,6:0.000}"));
            }
        }

        return 0;
    }

    private static async Task<(double Tps, double Limit)> MeasureAsync(int baud, ushort registers, TimeSpan duration)
    {
        var serial = new SerialSettings { BaudRate = baud, Parity = SerialParity.Even };
        await using var pty = PseudoTerminal.Open();
        var bits = serial.BitsPerCharacter;
        var t35 = baud > 19200 ? 0.00175 : 3.5 * bits / (double)baud;

        // The emulated line paces both directions on the slave's side (the request arrives, and the reply leaves,
        // at the line rate); the slave answers after the 3.5-character silence that tells a real slave the
        // request has ended. The master keeps its own 3.5-character guard before each request.
        var paced = new LineRateChannel(pty.Master, serial, new LineRateOptions { ReplyDelay = TimeSpan.FromSeconds(t35) }, TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var slave = new ModbusRtuSlave(paced, new ModbusSlaveProcessor(1, new ModbusDataStore())).RunAsync(stop.Token);
        await using var master = new ModbusRtuMaster(new UnixTtyChannel(pty.SlavePath, serial), new ModbusMasterOptions { Timeout = TimeSpan.FromSeconds(2) }, serialSettings: serial);
        var buffer = new ushort[registers];
        await master.ReadHoldingRegistersAsync(1, 0, buffer, CancellationToken.None);
        var count = 0;
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            await master.ReadHoldingRegistersAsync(1, 0, buffer, CancellationToken.None);
            count++;
        }

        var tps = count / Stopwatch.GetElapsedTime(started).TotalSeconds;
        await stop.CancelAsync();
        try
        {
            await slave;
        }
        catch (OperationCanceledException)
        {
        }

        var cycle = ((13 + (2 * registers)) * bits / (double)baud) + (2 * t35);
        return (tps, 1 / cycle);
    }
}
