using System.Text.RegularExpressions;
using CableTest.Cli.Tests.Service;
using CableTest.Instruments.Modbus.Slave;
using CableTest.Protocols.Modbus;

namespace CableTest.Cli.Tests;

/// <summary>`cabletest probe modbus` against our TCP slave on loopback.</summary>
public sealed class ProbeModbusCommandTests : IAsyncLifetime
{
    private readonly ModbusDataStore store = new();
    private ModbusTcpSlave slave = null!;

    public Task InitializeAsync()
    {
        store.SetHoldingRegisters(0, [10, 11, 12]);
        var codec = new RegisterCodec(RegisterValueType.Float32, RegisterByteOrder.CDAB);
        var registers = new ushort[2];
        codec.Encode(21.5, registers);
        store.SetHoldingRegisters(100, registers);
        slave = new ModbusTcpSlave(new ModbusSlaveProcessor(1, store));
        slave.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await slave.DisposeAsync();

    [Fact]
    public async Task Probe_ReadHolding_PrintsValues()
    {
        var (code, output, err) = await CliResult.Of("probe", "modbus", "--endpoint", $"tcp://127.0.0.1:{slave.Port}", "--unit", "1", "--read", "holding:0:3");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Equal(["holding[0] = 10", "holding[1] = 11", "holding[2] = 12"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Probe_Float32Cdab_Repeat_PrintsValueAndThroughput()
    {
        var (code, output, err) = await CliResult.Of("probe", "modbus", "--endpoint", $"tcp://127.0.0.1:{slave.Port}", "--read", "holding:100:1",
            "--type", "float32", "--order", "CDAB", "--repeat", "200");
        Assert.True(code == ExitCodes.Ok, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("holding[100] = 21.5", lines[0]);
        Assert.Matches(new Regex(@"^transactions=200 seconds=\d+\.\d+ tps=\d+ errors=0$"), lines[^1]);
    }

    [Fact]
    public async Task Probe_ExceptionReply_CountsErrorsAndExitsCommunication()
    {
        await using var small = new ModbusTcpSlave(new ModbusSlaveProcessor(1, new ModbusDataStore(size: 10)));
        small.Start();
        var (code, output, err) = await CliResult.Of("probe", "modbus", "--endpoint", $"tcp://127.0.0.1:{small.Port}", "--read", "holding:8:5", "--repeat", "3");
        Assert.Equal(ExitCodes.Communication, code);
        Assert.Contains("errors=3", output, StringComparison.Ordinal);
        Assert.Contains("illegal data address", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--read", "holding:0")]
    [InlineData("--read", "registers:0:1")]
    [InlineData("--type", "float16")]
    [InlineData("--order", "ACBD")]
    public async Task Probe_BadArguments_UsageExit(string option, string value)
    {
        string[] args = ["probe", "modbus", "--endpoint", $"tcp://127.0.0.1:{slave.Port}", "--read", "holding:0:1"];
        args = option == "--read" ? [.. args[..^1], value] : [.. args, option, value];
        var (code, _, err) = await CliResult.Of(args);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(option, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_BadEndpoint_UsageExit()
    {
        var (code, _, err) = await CliResult.Of("probe", "modbus", "--endpoint", "modbus://x", "--read", "holding:0:1");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("rtu://", err, StringComparison.Ordinal);
    }
}
