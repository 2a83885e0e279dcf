using System.Text.RegularExpressions;
using CableTest.Instruments.Modbus;
using CableTest.Instruments.Modbus.Slave;
using CableTest.Protocols.Modbus;
using CableTest.Testing;
using CableTest.Transports;

namespace CableTest.Instruments.Tests.Modbus;

/// <summary>
/// Conformance with implementations nobody here wrote: our master against a pymodbus slave (TCP,
/// and RTU over a socat pty pair), libmodbus's master (mbpoll) against our slaves. Missing tools
/// fail the test (RequiredTool), they never skip it.
/// </summary>
public sealed partial class PeerConformanceTests
{
    private static string Script => Path.Combine(AppContext.BaseDirectory, "Modbus", "pymodbus_server.py");

    [Fact]
    public async Task OurTcpMaster_AgainstPymodbus()
    {
        var python = RequiredTool.FindPythonModule("pymodbus", "python3-pymodbus");
        RequiredTool.FindPythonModule("serial_asyncio", "python3-serial-asyncio");
        var port = FreeTcpPort.Next();
        await using var server = ExternalProcess.Start(python, [Script, "tcp", port.ToString()]);
        await FreeTcpPort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(20), () => server.Output);
        await using var master = new ModbusTcpMaster("127.0.0.1", port, new ModbusMasterOptions { Timeout = TimeSpan.FromSeconds(2), Retries = 0 });
        await ExerciseAsync(master);
    }

    [Fact]
    public async Task OurRtuMaster_AgainstPymodbus_OverSocat()
    {
        var python = RequiredTool.FindPythonModule("pymodbus", "python3-pymodbus");
        RequiredTool.FindPythonModule("serial_asyncio", "python3-serial-asyncio");
        RequiredTool.FindPythonModule("serial", "python3-serial");
        await using var socat = await SocatPtys.StartAsync();
        await using var server = ExternalProcess.Start(python, [Script, "rtu", socat.B, "19200"]);
        await server.WaitForOutputAsync("pymodbus ready", TimeSpan.FromSeconds(20));
        await using var master = new ModbusRtuMaster(new UnixTtyChannel(socat.A, new SerialSettings { BaudRate = 19200 }),
            new ModbusMasterOptions { Timeout = TimeSpan.FromMilliseconds(500), Retries = 0 });
        ushort[]? first = null;
        for (var i = 0; i < 40 && first is null; i++)
        {
            try
            {
                first = await master.ReadHoldingRegistersAsync(1, 0, 10);
            }
            catch (ModbusTimeoutException)
            {
                // The server opens its port after printing "ready".
            }
        }

        Assert.True(first is not null, server.Output);
        await ExerciseAsync(master);
    }

    [Fact]
    public async Task Mbpoll_AgainstOurTcpSlave()
    {
        var mbpoll = RequiredTool.Find("mbpoll", "mbpoll");
        var store = new ModbusDataStore();
        for (ushort i = 0; i < 20; i++)
        {
            store.SetHoldingRegisters(i, [(ushort)(i * 3)]);
            store.SetInputRegisters(i, [(ushort)(i + 1000)]);
        }

        await using var slave = new ModbusTcpSlave(new ModbusSlaveProcessor(1, store));
        slave.Start();
        var port = slave.Port.ToString();

        var read = await RunAsync(mbpoll, ["-m", "tcp", "-p", port, "-a", "1", "-0", "-r", "0", "-c", "10", "-t", "4", "-1", "127.0.0.1"]);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 3), Values(read));
        var input = await RunAsync(mbpoll, ["-m", "tcp", "-p", port, "-a", "1", "-0", "-r", "5", "-c", "3", "-t", "3", "-1", "127.0.0.1"]);
        Assert.Equal(new[] { 1005, 1006, 1007 }, Values(input));

        await RunAsync(mbpoll, ["-m", "tcp", "-p", port, "-a", "1", "-0", "-r", "50", "-t", "4", "-1", "127.0.0.1", "123", "456", "789"]);
        var check = new ushort[3];
        store.ReadHoldingRegisters(50, check);
        Assert.Equal(new ushort[] { 123, 456, 789 }, check);

        await RunAsync(mbpoll, ["-m", "tcp", "-p", port, "-a", "1", "-0", "-r", "7", "-t", "0", "-1", "127.0.0.1", "1"]);
        Assert.True(store.GetCoil(7));
        var coils = await RunAsync(mbpoll, ["-m", "tcp", "-p", port, "-a", "1", "-0", "-r", "6", "-c", "3", "-t", "0", "-1", "127.0.0.1"]);
        Assert.Equal(new[] { 0, 1, 0 }, Values(coils));

        // mbpoll reports our exception reply (address beyond a small store) as libmodbus's "Illegal data address".
        await using var small = new ModbusTcpSlave(new ModbusSlaveProcessor(1, new ModbusDataStore(size: 10)));
        small.Start();
        var refused = await RunAsync(mbpoll, ["-m", "tcp", "-p", small.Port.ToString(), "-a", "1", "-0", "-r", "8", "-c", "5", "-t", "4", "-1", "127.0.0.1"],
            expectSuccess: false);
        Assert.Contains("Illegal data address", refused, StringComparison.OrdinalIgnoreCase);
        Assert.True(slave.RequestsServed >= 5);
    }

    [Fact]
    public async Task Mbpoll_AgainstOurRtuSlave_OverSocat()
    {
        var mbpoll = RequiredTool.Find("mbpoll", "mbpoll");
        await using var socat = await SocatPtys.StartAsync();
        var store = new ModbusDataStore();
        store.SetHoldingRegisters(0, [7, 8, 9]);
        await using var slaveSide = new UnixTtyChannel(socat.B, new SerialSettings { BaudRate = 19200 });
        var slave = new ModbusRtuSlave(slaveSide, new ModbusSlaveProcessor(1, store));
        using var stop = new CancellationTokenSource();
        var loop = slave.RunAsync(stop.Token);
        var read = await RunAsync(mbpoll, ["-m", "rtu", "-b", "19200", "-P", "none", "-a", "1", "-0", "-r", "0", "-c", "3", "-t", "4", "-1", socat.A]);
        Assert.Equal(new[] { 7, 8, 9 }, Values(read));
        await RunAsync(mbpoll, ["-m", "rtu", "-b", "19200", "-P", "none", "-a", "1", "-0", "-r", "1", "-t", "4", "-1", socat.A, "4242"]);
        Assert.Equal(4242, store.GetHoldingRegister(1));
        await stop.CancelAsync();
        await loop;
    }

    private static async Task ExerciseAsync(ModbusMaster master)
    {
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (ushort)i), await master.ReadHoldingRegistersAsync(1, 0, 10));
        Assert.Equal(new ushort[] { 200, 202, 204 }, await master.ReadInputRegistersAsync(1, 100, 3));
        Assert.Equal(new[] { false, true, false, true }, await master.ReadCoilsAsync(1, 0, 4));
        Assert.Equal(new[] { true, false, false, true }, await master.ReadInputsAsync(1, 0, 4));
        await master.WriteSingleRegisterAsync(1, 500, 0xCAFE);
        await master.WriteMultipleRegistersAsync(1, 501, new ushort[] { 1, 2, 3 });
        Assert.Equal(new ushort[] { 0xCAFE, 1, 2, 3 }, await master.ReadHoldingRegistersAsync(1, 500, 4));
        await master.WriteSingleCoilAsync(1, 10, true);
        await master.WriteMultipleCoilsAsync(1, 11, new[] { true, true, false });
        Assert.Equal(new[] { true, true, true, false }, await master.ReadCoilsAsync(1, 10, 4));
        Assert.Equal(new ushort[] { 7, 8 }, await master.ReadWriteMultipleRegistersAsync(1, 600, 2, 600, new ushort[] { 7, 8 }));
        var e = await Assert.ThrowsAsync<ModbusException>(() => master.ReadHoldingRegistersAsync(1, 5000, 2).AsTask());
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, e.ExceptionCode);
        Assert.Equal(new ushort[] { 9 }, await master.ReadHoldingRegistersAsync(1, 9, 1));
    }

    private static async Task<string> RunAsync(string program, string[] args, bool expectSuccess = true)
    {
        await using var p = ExternalProcess.Start(program, args);
        var code = await p.WaitForExitAsync(TimeSpan.FromSeconds(20));
        if (expectSuccess)
        {
            Assert.True(code == 0, $"{program} {string.Join(' ', args)} exited {code}:\n{p.Output}");
        }

        return p.Output;
    }

    private static int[] Values(string output) =>
        ValueLine().Matches(output).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [GeneratedRegex(@"^\[\d+\]:\s+(-?\d+)", RegexOptions.Multiline)]
    private static partial Regex ValueLine();
}
