using System.Diagnostics;
using System.Globalization;
using CableTest.Instruments.Modbus;
using CableTest.Transports;

namespace CableTest.Benchmarks.Modbus;

/// <summary>
/// `modbus-rt tcp HOST PORT COUNT N` / `modbus-rt rtu DEVICE BAUD COUNT N`: our master reading COUNT
/// holding registers N times (values checked against the peer server's i = i), printed in the
/// libmodbus peer client's format: <c>transactions=N seconds=S tps=T errors=E</c>.
/// </summary>
internal static class ModbusRoundTrip
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 5 || args[0] is not ("tcp" or "rtu"))
        {
            await Console.Error.WriteLineAsync("usage: modbus-rt tcp HOST PORT COUNT N | modbus-rt rtu DEVICE BAUD COUNT N");
            return 1;
        }

        var count = int.Parse(args[3], CultureInfo.InvariantCulture);
        var n = int.Parse(args[4], CultureInfo.InvariantCulture);
        var options = new ModbusMasterOptions { Timeout = TimeSpan.FromSeconds(1), Retries = 0 };
        await using ModbusMaster master = args[0] == "tcp"
            ? new ModbusTcpMaster(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), options)
            : new ModbusRtuMaster(new UnixTtyChannel(args[1], new SerialSettings { BaudRate = int.Parse(args[2], CultureInfo.InvariantCulture) }), options);
        var registers = new ushort[count];
        var memory = registers.AsMemory();
        await master.ReadHoldingRegistersAsync(1, 0, memory); // connect and warm up
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i++)
        {
            try
            {
                await master.ReadHoldingRegistersAsync(1, 0, memory);
                if (registers[count - 1] != count - 1)
                {
                    errors++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors++;
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"transactions={n} seconds={seconds:0.000} tps={n / seconds:0} errors={errors}"));
        return errors == 0 ? 0 : 2;
    }
}
