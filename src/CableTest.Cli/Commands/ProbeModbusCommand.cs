using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CableTest.Instruments.Modbus;
using CableTest.Protocols.Modbus;
using CableTest.Transports;

namespace CableTest.Cli.Commands;

/// <summary>
/// `cabletest probe modbus --endpoint tcp://HOST:PORT | rtu:///dev/ttyX?baud=19200&amp;parity=N
/// --unit 1 --read holding:0:10 [--type float32 --order CDAB] [--scale S --offset O] [--repeat N]`:
/// reads a block and prints one value per line (<c>holding[0] = 1.5</c>); with --repeat, the last line
/// is <c>transactions=N seconds=S tps=T errors=E</c>.
/// </summary>
internal static class ProbeModbusCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var endpoint = new Option<string>("--endpoint", "-e")
        {
            Description = "tcp://HOST:PORT, rtu:///dev/ttyX?baud=19200&parity=N or rtu+tcp://HOST:PORT",
            Required = true,
        };
        var unit = new Option<byte>("--unit", "-u") { Description = "Unit (slave) address", DefaultValueFactory = _ => 1 };
        var read = new Option<string>("--read", "-r")
        {
            Description = "TABLE:START:COUNT, TABLE one of holding, input, coils, discrete (COUNT counts values of --type)",
            Required = true,
        };
        var type = new Option<string>("--type", "-t") { Description = "uint16, int16, uint32, int32, float32, float64", DefaultValueFactory = _ => "uint16" };
        var order = new Option<string>("--order", "-o") { Description = "Byte order: ABCD, DCBA, BADC, CDAB", DefaultValueFactory = _ => "ABCD" };
        var scale = new Option<double>("--scale") { Description = "value = raw × scale + offset", DefaultValueFactory = _ => 1 };
        var offset = new Option<double>("--offset") { Description = "value = raw × scale + offset", DefaultValueFactory = _ => 0 };
        var repeat = new Option<int>("--repeat", "-n") { Description = "Read N times and print throughput", DefaultValueFactory = _ => 1 };
        var timeout = new Option<double>("--timeout-ms") { Description = "Reply deadline per exchange", DefaultValueFactory = _ => 1000 };
        var command = new Command("modbus", "Read registers or bits from a Modbus unit")
        {
            endpoint, unit, read, type, order, scale, offset, repeat, timeout,
        };
        command.SetAction((parse, token) => RunAsync(
            new Request(parse.GetRequiredValue(endpoint), parse.GetValue(unit), parse.GetRequiredValue(read), parse.GetValue(type)!,
                parse.GetValue(order)!, parse.GetValue(scale), parse.GetValue(offset), parse.GetValue(repeat), parse.GetValue(timeout)),
            stdout, stderr, token));
        return command;
    }

    internal sealed record Request(string Endpoint, byte Unit, string Read, string Type, string Order, double Scale, double Offset, int Repeat,
        double TimeoutMs);

    internal static async Task<int> RunAsync(Request request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        Plan plan;
        ModbusMaster master;
        try
        {
            plan = Plan.Parse(request);
            master = ModbusEndpoint.CreateMaster(request.Endpoint, new ModbusMasterOptions
            {
                Timeout = TimeSpan.FromMilliseconds(request.TimeoutMs),
                Retries = 0,
                BusyRetries = 0,
            });
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            await stderr.WriteLineAsync($"probe modbus: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await using (master.ConfigureAwait(false))
        {
            var registers = new ushort[plan.Points];
            var bits = new bool[plan.Points];
            var errors = 0;
            var ok = false;
            string? lastError = null;
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < request.Repeat; i++)
            {
                try
                {
                    await ReadAsync(master, request.Unit, plan, registers, bits, cancellationToken).ConfigureAwait(false);
                    ok = true;
                }
                catch (Exception e) when (e is ModbusException or ModbusFrameException or TimeoutException or ModbusDeviceUnavailableException
                    or TransportException)
                {
                    errors++;
                    lastError = e.Message;
                }
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (ok)
            {
                Print(stdout, plan, registers, bits);
            }

            if (lastError is not null)
            {
                await stderr.WriteLineAsync($"probe modbus: {errors} failed read(s); last: {lastError}").ConfigureAwait(false);
            }

            if (request.Repeat > 1)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"transactions={request.Repeat} seconds={seconds:0.000} tps={request.Repeat / seconds:0} errors={errors}")).ConfigureAwait(false);
            }

            return errors == 0 ? ExitCodes.Ok : ExitCodes.Communication;
        }
    }

    private static ValueTask ReadAsync(ModbusMaster master, byte unit, Plan plan, ushort[] registers, bool[] bits, CancellationToken token) =>
        plan.Table switch
        {
            "holding" => master.ReadHoldingRegistersAsync(unit, plan.Start, registers, token),
            "input" => master.ReadInputRegistersAsync(unit, plan.Start, registers, token),
            "coils" => master.ReadCoilsAsync(unit, plan.Start, bits, token),
            _ => master.ReadInputsAsync(unit, plan.Start, bits, token),
        };

    private static void Print(TextWriter stdout, Plan plan, ushort[] registers, bool[] bits)
    {
        if (plan.Codec is null)
        {
            for (var i = 0; i < plan.Points; i++)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{plan.Table}[{plan.Start + i}] = {(bits[i] ? 1 : 0)}"));
            }

            return;
        }

        var width = plan.Codec.RegisterCount;
        for (var i = 0; i < plan.Points / width; i++)
        {
            var value = plan.Codec.Decode(registers.AsSpan(i * width, width));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{plan.Table}[{plan.Start + (i * width)}] = {value:R}"));
        }
    }

    private sealed record Plan(string Table, ushort Start, int Points, RegisterCodec? Codec)
    {
        public static Plan Parse(Request r)
        {
            var parts = r.Read.Split(':');
            if (parts.Length != 3 || parts[0] is not ("holding" or "input" or "coils" or "discrete")
                || !ushort.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
            {
                throw new FormatException($"--read '{r.Read}': expected TABLE:START:COUNT with TABLE holding, input, coils or discrete");
            }

            if (r.Repeat < 1)
            {
                throw new FormatException("--repeat must be at least 1");
            }

            if (parts[0] is "coils" or "discrete")
            {
                return new Plan(parts[0], start, count, null);
            }

            var type = r.Type.ToLowerInvariant() switch
            {
                "uint16" or "u16" => RegisterValueType.UInt16,
                "int16" or "i16" => RegisterValueType.Int16,
                "uint32" or "u32" => RegisterValueType.UInt32,
                "int32" or "i32" => RegisterValueType.Int32,
                "float32" or "float" => RegisterValueType.Float32,
                "float64" or "double" => RegisterValueType.Float64,
                _ => throw new FormatException($"--type '{r.Type}': expected uint16, int16, uint32, int32, float32 or float64"),
            };
            if (!Enum.TryParse<RegisterByteOrder>(r.Order, ignoreCase: true, out var order) || !Enum.IsDefined(order))
            {
                throw new FormatException($"--order '{r.Order}': expected ABCD, DCBA, BADC or CDAB");
            }

            var codec = new RegisterCodec(type, order, r.Scale, r.Offset);
            var points = count * codec.RegisterCount;
            if (points > ModbusLimits.MaxReadRegisters)
            {
                throw new FormatException($"--read '{r.Read}': {count} × {type} is {points} registers; at most {ModbusLimits.MaxReadRegisters} per read");
            }

            return new Plan(parts[0], start, points, codec);
        }
    }
}
