using System.Diagnostics;
using System.Text.Json;
using CableTest.Contracts.V1;
using CableTest.HardwareSim.Serving;
using CableTest.Testing;
using Grpc.Net.Client;
using static CableTest.HardwareSim.Tests.BenchHelpers;

namespace CableTest.HardwareSim.Tests;

public class ExternalClientTests
{
    [Fact]
    public async Task Pyserial_IdnOnTheMicroOhmmeterPty()
    {
        var python = RequiredTool.FindPythonModule("serial", "python3-serial");
        using var dir = new TempDirectory();
        await using var bench = await StartAsync(dir.Path);
        var link = bench.Endpoint("conductor_resistance_meter").Address;
        var script = $"import serial\ns = serial.Serial('{link}', 9600, timeout=3)\ns.write(b'*IDN?\\n')\nprint(s.readline().decode().strip())\ns.write(b'MEAS:RES?\\n')\nprint(s.readline().decode().strip())";
        await using var p = ExternalProcess.Start(python, ["-c", script]);
        Assert.Equal(0, await p.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        var lines = p.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("CableTest,SIM-OHM-1,SIM000001,1.0", lines[0].Trim());
        Assert.StartsWith("+6.9", lines[1].Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mbpoll_ReadsTheWithstandTesterOverTcp()
    {
        var mbpoll = RequiredTool.Find("mbpoll", "mbpoll");
        using var dir = new TempDirectory();
        await using var bench = await StartAsync(dir.Path);
        var port = Transports.ChannelEndpoint.Parse(bench.Endpoint("withstand_tester", "modbus-tcp").Endpoint).Port;
        await using var p = ExternalProcess.Start(mbpoll, ["-m", "tcp", "-a", "1", "-0", "-r", "12", "-c", "2", "-t", "3", "-1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "127.0.0.1"]);
        Assert.Equal(0, await p.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.Matches(@"\[12\]:\s+1", p.Output); // interlock_closed
        Assert.Matches(@"\[13\]:\s+0", p.Output); // output_on
    }

    [Fact]
    public async Task Program_PrintsTheManifestFirst_AndServesTheControlApi()
    {
        using var dir = new TempDirectory();
        var dll = Path.Combine(AppContext.BaseDirectory, "CableTest.HardwareSim.dll");
        await using var p = ExternalProcess.Start("dotnet", [dll, "--scenario", "yjv-4x16", "--time-scale", "60", "--seed", "3", "--dir", dir.Path]);
        await p.WaitForOutputAsync("\"endpoints\"", TimeSpan.FromSeconds(30));
        var first = p.Output.Split('\n').First(l => l.StartsWith('{'));
        using var manifest = JsonDocument.Parse(first);
        Assert.Equal("yjv-4x16", manifest.RootElement.GetProperty("scenario").GetString());
        var endpoints = manifest.RootElement.GetProperty("endpoints").EnumerateArray().ToArray();
        Assert.Equal(6, endpoints.Length);
        Assert.Contains(endpoints, e => e.GetProperty("profile").GetString() == "sim-ambient" && e.GetProperty("unit_id").GetInt32() == 2);
        Assert.All(endpoints, e => Transports.ChannelEndpoint.Parse(e.GetProperty("endpoint").GetString()!));

        using var channel = GrpcChannel.ForAddress(manifest.RootElement.GetProperty("control").GetString()!);
        var control = new SimulatorControl.SimulatorControlClient(channel);
        var listed = await control.GetEndpointsAsync(new GetEndpointsRequest());
        Assert.Equal(6, listed.Endpoints.Count);
        Assert.Equal(3, listed.Seed);
        Assert.Equal(4, (await control.SelectCoreAsync(new SelectCoreRequest { Core = 3 })).Cores);
        var fault = await control.InjectFaultAsync(new InjectFaultRequest { Role = "withstand_tester", Kind = "modbus_exception", Parameter = 6, Count = 2 });
        Assert.StartsWith("fault-", fault.FaultId, StringComparison.Ordinal);
        Assert.Equal(1, (await control.ClearFaultsAsync(new ClearFaultsRequest())).Cleared);
        var bad = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () => await control.InjectFaultAsync(new InjectFaultRequest { Role = "withstand_tester", Kind = "smoke" }));
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, bad.StatusCode);
        Assert.False((await control.SetInterlockAsync(new SetInterlockRequest { Closed = false })).OutputDropped);
        Assert.StartsWith("GB/T 5023.3", (await control.SetSampleAsync(new SetSampleRequest { Name = "good-bv-2.5" })).Description, StringComparison.Ordinal);
        var truth = await control.GetGroundTruthAsync(new GetGroundTruthRequest());
        Assert.False(truth.InterlockClosed);
        Assert.Equal(1, truth.SelectedCore);
        Assert.InRange(truth.TrueResistanceOhm, 0.68, 0.70);
        await p.StopAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public async Task LineRate_RtuPollsAreBoundByTheWire()
    {
        using var dir = new TempDirectory();
        var replyDelay = TimeSpan.FromMilliseconds(2);
        await using var bench = await StartAsync(dir.Path, configure: o => o.LineRate = new LineRateOptions { ReplyDelay = replyDelay });
        await using var bus = Rtu(bench);
        await bus.ReadInputRegistersAsync(SimulatedBench.WithstandUnitId, 0, 14);
        const int polls = 20;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < polls; i++)
        {
            await bus.ReadInputRegistersAsync(SimulatedBench.WithstandUnitId, 0, 14);
        }

        // 19200 8E1: 11 bits/char; request 8 bytes + reply 5 + 28 bytes = 41 chars = 23.5 ms, + t3.5 (2.0 ms) after
        // the request (the slave's end of frame) and before the next one (the line's silence), + 2 ms turnaround.
        // Never faster than that (the invariant); slower only loosely bounded (a loaded machine).
        var perPollMs = sw.Elapsed.TotalMilliseconds / polls;
        var t35Ms = 3.5 * 11 * 1000.0 / 19200;
        var wireMs = (41 * 11 * 1000.0 / 19200) + (2 * t35Ms) + replyDelay.TotalMilliseconds;
        // The silence before the first timed request began with the warm-up reply, so up to one t3.5 of it can fall
        // before the stopwatch started (CI once measured 29.467 ms against 29.5).
        var floorMs = wireMs - (t35Ms / polls);
        Assert.InRange(perPollMs, floorMs, wireMs * 10);
    }
}
