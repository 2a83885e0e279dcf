using System.Diagnostics;
using CableTest.HardwareSim.Replay;
using CableTest.HardwareSim.Serving;
using CableTest.Instruments;
using CableTest.Instruments.Modbus;
using CableTest.Instruments.Recording;
using CableTest.Protocols.Modbus;
using CableTest.Testing;
using CableTest.Transports;
using Microsoft.Extensions.Time.Testing;
using static CableTest.HardwareSim.Tests.BenchHelpers;

namespace CableTest.HardwareSim.Tests;

public class FaultAndReplayTests
{
    [Fact]
    public async Task ModbusFaults_AreTypedErrors_ThenTheDeviceRecovers()
    {
        using var dir = new TempDirectory();
        await using var bench = await StartAsync(dir.Path);
        await using var tcp = Tcp(bench);
        await using var rtu = Rtu(bench);

        bench.InjectFault("withstand_tester", FaultKind.ModbusException, 2, count: 1);
        var e = await Assert.ThrowsAsync<ModbusException>(async () => await StatusAsync(tcp));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, e.ExceptionCode);
        Assert.Equal(Code("state_idle"), Read(await StatusAsync(tcp), "state"));

        bench.InjectFault("withstand_tester", FaultKind.BadCrc, count: 1);
        await Assert.ThrowsAnyAsync<Exception>(async () => await StatusAsync(rtu));
        Assert.Equal(Code("state_idle"), Read(await StatusAsync(rtu), "state"));

        bench.InjectFault("ambient_sensor", FaultKind.NoReply);
        await Assert.ThrowsAsync<ModbusTimeoutException>(async () => await rtu.ReadInputRegistersAsync(SimulatedBench.AmbientUnitId, 0, 2));
        Assert.Equal(1, bench.ClearFaults("ambient_sensor"));
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // the master's unavailability backoff
        Assert.Equal(2, (await rtu.ReadInputRegistersAsync(SimulatedBench.AmbientUnitId, 0, 2)).Length);

        bench.InjectFault("withstand_tester", FaultKind.Latency, 200, count: 1);
        var sw = Stopwatch.StartNew();
        await StatusAsync(tcp);
        Assert.True(sw.ElapsedMilliseconds >= 190, $"{sw.ElapsedMilliseconds} ms");

        Assert.Throws<ArgumentException>(() => bench.InjectFault("withstand_tester", FaultKind.ScpiError, -222));
        Assert.Throws<ArgumentException>(() => bench.InjectFault("coffee_machine", FaultKind.NoReply));
    }

    [Fact]
    public async Task ScpiFaults_AreTypedErrors_ThenTheDeviceRecovers()
    {
        using var dir = new TempDirectory();
        await using var bench = await StartAsync(dir.Path);
        await using var ohm = Scpi(bench, "conductor_resistance_meter");
        bench.InjectFault("conductor_resistance_meter", FaultKind.ScpiError, -222, count: 1);
        var rejected = await Assert.ThrowsAsync<CableTest.Instruments.Scpi.ScpiDeviceException>(() => ohm.SendAsync("SENS:RES:RANG 1", CancellationToken.None));
        Assert.Equal(-222, rejected.Errors[0].Code);

        bench.InjectFault("conductor_resistance_meter", FaultKind.NoReply, count: 1);
        await Assert.ThrowsAsync<InstrumentTimeoutException>(() => ohm.QueryAsync("MEAS:RES?", CancellationToken.None));
        bench.InjectFault("conductor_resistance_meter", FaultKind.Garbled, count: 1);
        var garbled = await ohm.QueryAsync("MEAS:RES?", CancellationToken.None);
        Assert.StartsWith("#", garbled, StringComparison.Ordinal);
        bench.InjectFault("conductor_resistance_meter", FaultKind.PartialFrame, count: 1);
        await Assert.ThrowsAsync<InstrumentTimeoutException>(() => ohm.QueryAsync("MEAS:RES?", CancellationToken.None));
        Assert.StartsWith("+", await ohm.QueryAsync("MEAS:RES?", CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disconnect_PortGoesAwayAndComesBackBehindTheSameLink()
    {
        using var dir = new TempDirectory();
        await using var bench = await StartAsync(dir.Path);
        var link = bench.Endpoint("conductor_resistance_meter").Address;
        var before = new FileInfo(link).LinkTarget;
        bench.InjectFault("conductor_resistance_meter", FaultKind.Disconnect, 0.3);
        Assert.True(await EventuallyAsync(() => !File.Exists(link), TimeSpan.FromSeconds(2)), "the link did not go away");
        Assert.True(await EventuallyAsync(() => File.Exists(link), TimeSpan.FromSeconds(5)), "the link did not come back");
        await using var ohm = Scpi(bench, "conductor_resistance_meter");
        Assert.Equal("SIM-OHM-1", (await ohm.IdentifyAsync(CancellationToken.None)).Model);
        Assert.NotNull(before);

        bench.InjectFault("withstand_tester", FaultKind.Disconnect, 0.3);
        await Task.Delay(700);
        await using var tcp = Tcp(bench);
        Assert.Equal(Code("state_idle"), Read(await StatusAsync(tcp), "state"));
    }

    /// <summary>Polls a condition (wall-clock moments drift on a loaded CI machine; the order of events does not).</summary>
    private static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan within)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > within)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }

    [Fact]
    public async Task SameSeed_SameReadings_OtherSeed_OtherReadings()
    {
        async Task<string[]> ReadingsAsync(int seed)
        {
            using var dir = new TempDirectory();
            await using var bench = await StartAsync(dir.Path, "yjv-4x16", seed: seed, configure: o => o.TimeProvider = new FakeTimeProvider());
            await using var ohm = Scpi(bench, "conductor_resistance_meter");
            var readings = new List<string>();
            for (var core = 1; core <= 4; core++)
            {
                bench.SelectCore(core);
                readings.Add(await ohm.QueryAsync("MEAS:RES?", CancellationToken.None));
                readings.Add(await ohm.QueryAsync("MEAS:RES?", CancellationToken.None));
            }

            return [.. readings];
        }

        var a = await ReadingsAsync(7);
        Assert.Equal(a, await ReadingsAsync(7));
        Assert.NotEqual(a, await ReadingsAsync(8));
    }

    [Fact]
    public async Task Replay_AnswersByteIdentically_AndReportsADivergenceWithItsPosition()
    {
        using var dir = new TempDirectory();
        var file = dir.File("run.jsonl");
        var live = new List<string>();
        ushort[] liveStatus;
        using (var recorder = new RecordingWriter(file, "run-1"))
        {
            await using var bench = await StartAsync(Path.Combine(dir.Path, "live"));
            await using var ohm = Scpi(bench, "conductor_resistance_meter", recorder);
            await ohm.SendAsync("SENS:RES:RANG 1", CancellationToken.None);
            live.Add(await ohm.QueryAsync("MEAS:RES?", CancellationToken.None));
            live.Add(await ohm.QueryAsync("MEAS:RES?", CancellationToken.None));
            await using var tcp = Tcp(bench, recorder);
            liveStatus = await StatusAsync(tcp);
        }

        var options = new SimulatedBenchOptions { WorkDirectory = Path.Combine(dir.Path, "replay"), ReplayFile = file, ReplayTiming = ReplayTiming.Fast };
        await using var replay = await SimulatedBench.StartAsync(options, CancellationToken.None);
        Assert.Equal(2, replay.Endpoints.Count);
        Assert.All(Recording.Load(file).Exchanges, e => Assert.Contains(replay.ReplayEndpoint(e.Line)!, replay.Endpoints));
        Assert.Null(replay.ReplayEndpoint("serial:/dev/never-recorded"));
        await using (var ohm = Scpi(replay, "conductor_resistance_meter"))
        {
            await ohm.SendAsync("SENS:RES:RANG 1", CancellationToken.None);
            Assert.Equal(live[0], await ohm.QueryAsync("MEAS:RES?", CancellationToken.None));
            Assert.Equal(live[1], await ohm.QueryAsync("MEAS:RES?", CancellationToken.None));
        }

        var endpoint = ChannelEndpoint.Parse(replay.Endpoint("withstand_tester").Endpoint);
        await using (var tcp = new ModbusTcpMaster(endpoint.Host!, endpoint.Port, new ModbusMasterOptions { Timeout = TimeSpan.FromSeconds(1), Retries = 0 }))
        {
            Assert.Equal(liveStatus, await StatusAsync(tcp));
            Assert.Empty(replay.Replay!.Divergences);
            await Assert.ThrowsAsync<ModbusTimeoutException>(async () => await tcp.ReadHoldingRegistersAsync(1, 0, 2));
        }

        var divergence = Assert.Single(replay.Replay!.Divergences);
        Assert.Equal(Recording.Load(file).Exchanges.Count + 1, divergence.Sequence);
        Assert.True(divergence.Expected.IsEmpty);
        Assert.Equal(0x03, divergence.Actual.Span[7]); // FC 3 where the recording had nothing more
    }

    [Fact]
    public async Task Replay_DifferentRequest_IsADivergenceNamingTheExpectedExchange()
    {
        using var dir = new TempDirectory();
        var file = dir.File("run.jsonl");
        using (var recorder = new RecordingWriter(file, "run-2"))
        {
            await using var bench = await StartAsync(Path.Combine(dir.Path, "live"));
            await using var ohm = Scpi(bench, "conductor_resistance_meter", recorder);
            await ohm.QueryAsync("*IDN?", CancellationToken.None);
            await ohm.QueryAsync("MEAS:RES?", CancellationToken.None);
        }

        await using var replay = await SimulatedBench.StartAsync(new SimulatedBenchOptions { WorkDirectory = Path.Combine(dir.Path, "replay"), ReplayFile = file, ReplayTiming = ReplayTiming.Recorded }, CancellationToken.None);
        await using var session = Scpi(replay, "conductor_resistance_meter");
        Assert.StartsWith("CableTest,SIM-OHM-1", await session.QueryAsync("*IDN?", CancellationToken.None), StringComparison.Ordinal);
        await Assert.ThrowsAsync<InstrumentTimeoutException>(() => session.QueryAsync("MEAS:VOLT?", CancellationToken.None));
        var d = Assert.Single(replay.Replay!.Divergences);
        Assert.Equal(2, d.Sequence);
        Assert.Equal("MEAS:RES?\n"u8.ToArray(), d.Expected.ToArray());
        Assert.Equal("MEAS:VOLT?\n"u8.ToArray(), d.Actual.ToArray());
        Assert.Contains("at byte 5", d.Reason, StringComparison.Ordinal);
    }
}
