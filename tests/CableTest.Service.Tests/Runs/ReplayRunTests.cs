using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CableTest.Contracts.V1;
using Google.Rpc;
using Grpc.Core;

namespace CableTest.Service.Tests.Runs;

/// <summary>
/// ReplayRun on a run recorded on the embedded simulated bench: the run's recording is served by the simulator in
/// replay mode and the run's sequence is driven again through the orchestrator (real ptys, loopback TCP).
/// </summary>
public sealed class ReplayRunTests
{
    private const string MeasureResistance = "MEAS:RES?\n";

    private static async Task<(InProcessService Service, Run Run, string Recording)> RecordedRunAsync(string sampleId, string scenario = "good-bv-2.5")
    {
        var service = await InProcessService.StartAsync(true, [.. RunOnSimulatedBenchTests.FastBench, "--Bench:Simulator:Scenario=" + scenario]);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        await bench.RegisterSampleAsync(RunOnSimulatedBenchTests.Bv25(sampleId));
        var run = await RunOnSimulatedBenchTests.DriveToEndAsync(bench, (await bench.StartRunAsync(new StartRunRequest { SampleId = sampleId, OperatorName = "tech" })).RunId);
        Assert.True(run.State == RunState.Completed, run.ToString());
        return (service, run, Path.Combine(service.DataDirectory, "recordings", run.RunId + ".jsonl"));
    }

    private static TestVerdict Conductor(Verdict verdict) => Assert.Single(verdict.Tests, t => t.Kind == TestKind.ConductorResistance);

    [Fact]
    public async Task Replay_SameRule_MatchesTheRecordingExactly_OtherKtMethodAndRule_DiffTheJudgement()
    {
        var (service, run, path) = await RecordedRunAsync("S-REPLAY");
        await using var _ = service;
        var replay = new ReplayService.ReplayServiceClient(service.Channel);

        // The header lists the bench; every exchange names its instrument (Modbus units by instrument id too).
        var recording = CableTest.Instruments.Recording.Recording.Load(path);
        Assert.Equal(new[] { "ambient_sensor", "bath_thermometer", "conductor_resistance_meter", "insulation_tester", "withstand_tester" }, recording.Instruments.Select(i => i.Role).Order(StringComparer.Ordinal));
        Assert.All(recording.Exchanges, e => Assert.Contains(recording.Instruments, i => i.Id == e.Device && i.Line == e.Line));
        Assert.Contains(recording.Instruments, i => i.Protocol == "modbus-tcp" && i.UnitId == 1);

        var same = await replay.ReplayRunAsync(new ReplayRunRequest { RunId = run.RunId });
        Assert.Empty(same.Divergences);
        Assert.Equal("", same.InconclusiveReason);
        Assert.True(same.Exchanges > 10, $"{same.Exchanges} exchanges replayed");
        Assert.Equal(same.ExchangesRecorded, same.Exchanges);
        Assert.Equal(Outcome.Pass, same.Replayed.Outcome);
        // Every number came back from the recording through the drivers: nothing differs, not a reading id.
        Assert.True(same.Diffs.Count == 0, string.Join(" | ", same.Diffs.Select(d => $"{d.Path}: {d.Original} -> {d.Replayed}")));
        Assert.Equal(Conductor(same.Original).ConductorResistance.MeasuredResistanceOhm, Conductor(same.Replayed).ConductorResistance.MeasuredResistanceOhm);
        Assert.NotEmpty(Conductor(same.Replayed).ReadingIds);

        // At the recorded pace (the live poll interval, replies after their recorded durations): the same answer.
        var paced = await replay.ReplayRunAsync(new ReplayRunRequest { RunId = run.RunId, RecordedTiming = true });
        Assert.Empty(paced.Divergences);
        Assert.Empty(paced.Diffs);
        Assert.Equal(same.Exchanges, paced.Exchanges);

        var tableB1 = await replay.ReplayRunAsync(new ReplayRunRequest { RunId = run.RunId, KtMethod = "iec60228_tableB1" });
        Assert.Empty(tableB1.Divergences);
        Assert.Contains(tableB1.Diffs, d => d.Path.EndsWith("conductorResistance.ktMethod", StringComparison.Ordinal));
        Assert.Contains(tableB1.Diffs, d => d.Path.EndsWith("conductorResistance.r20OhmPerKm", StringComparison.Ordinal));
        Assert.DoesNotContain(tableB1.Diffs, d => d.Path.EndsWith("measuredResistanceOhm", StringComparison.Ordinal));

        // A guard band of 1 Ω/km around R20 ≈ 6.9 Ω/km against the 7.41 Ω/km limit: no longer a plain pass.
        var guarded = await replay.ReplayRunAsync(new ReplayRunRequest
        {
            RunId = run.RunId,
            DecisionRule = new DecisionRule { Kind = DecisionRule.Types.Kind.NonBinaryGuardBand, ExpandedUncertainty = 1.0, CoverageFactor = 2 },
        });
        Assert.Empty(guarded.Divergences);
        Assert.Equal(Outcome.ConditionalPass, Conductor(guarded.Replayed).Outcome);
        Assert.Contains(guarded.Diffs, d => d.Path.EndsWith("decisionRule.kind", StringComparison.Ordinal));
        Assert.Contains(guarded.Diffs, d => d.Path == "outcome" && d.Replayed == "OUTCOME_CONDITIONAL_PASS");

        // Every replay's work directory is gone, and nothing of it is held open (pooled SQLite connections were).
        var replays = Path.Combine(service.DataDirectory, "replays");
        Assert.Empty(Directory.Exists(replays) ? Directory.EnumerateFileSystemEntries(replays) : []);
        if (OperatingSystem.IsLinux())
        {
            Assert.DoesNotContain(Directory.EnumerateFileSystemEntries("/proc/self/fd").Select(fd => new FileInfo(fd).LinkTarget ?? ""), target => target.StartsWith(replays, StringComparison.Ordinal));
        }

        var unknown = await Assert.ThrowsAsync<RpcException>(() => replay.ReplayRunAsync(new ReplayRunRequest { RunId = "run-nope" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        var bad = await Assert.ThrowsAsync<RpcException>(() => replay.ReplayRunAsync(new ReplayRunRequest { RunId = run.RunId, KtMethod = "guess", StandardEdition = "IEC 60228:1978" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        var fields = bad.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Contains("kt_method", fields);
        Assert.Contains("standard_edition", fields);
    }

    [Fact]
    public async Task Replay_RecordingHeaderCarriesTheRunsParameters_ReplayUsesThem_WithoutThemTheCurrentConfiguration()
    {
        var (service, run, recording) = await RecordedRunAsync("S-PARAMS");
        await using var _ = service;
        var replay = new ReplayService.ReplayServiceClient(service.Channel);
        var pristine = await File.ReadAllLinesAsync(recording);
        var header = JsonNode.Parse(pristine[0])!.AsObject();
        var parameters = header["parameters"]!.AsObject();
        Assert.Equal(2, parameters["resistance_readings"]!.GetValue<decimal>()); // FastBench
        Assert.Equal(0.05m, parameters["poll_interval_s"]!.GetValue<decimal>());
        Assert.Equal(60m, parameters["electrification_s"]!.GetValue<decimal>());
        Assert.Equal(3m, parameters["method.ambient_readings"]!.GetValue<decimal>());
        Assert.Equal(1.5m, parameters["method.resistance_range_headroom"]!.GetValue<decimal>());

        // The header says the run took 3 readings per core (it took 2): the replay asks for a third, which the recording lacks.
        parameters["resistance_readings"] = 3;
        await File.WriteAllLinesAsync(recording, [header.ToJsonString(), .. pristine.Skip(1)]);
        var third = await replay.ReplayRunAsync(new ReplayRunRequest { RunId = run.RunId });
        Assert.NotEmpty(third.Divergences);
        Assert.NotEqual(Outcome.Pass, third.Replayed.Outcome);

        // A recording written before headers had parameters (today's main) replays under the current configuration: it matches.
        header.Remove("parameters");
        await File.WriteAllLinesAsync(recording, [header.ToJsonString(), .. pristine.Skip(1)]);
        var current = await replay.ReplayRunAsync(new ReplayRunRequest { RunId = run.RunId });
        Assert.Empty(current.Divergences);
        Assert.Empty(current.Diffs);
        Assert.Equal(Outcome.Pass, current.Replayed.Outcome);
    }

    [Fact]
    public async Task Replay_TamperedRecording_ReplyChangesTheValue_RequestIsADivergenceAndNeverAPass_NoRecordingIsAPrecondition()
    {
        var (service, run, recording) = await RecordedRunAsync("S-TAMPER");
        await using var _ = service;
        var replay = new ReplayService.ReplayServiceClient(service.Channel);
        var pristine = await File.ReadAllLinesAsync(recording);

        // A recorded reply changed: the replayed drivers read the new value and the diff shows it.
        var lines = pristine.ToArray();
        var (index, seq) = FirstExchange(lines, MeasureResistance);
        var exchange = JsonNode.Parse(lines[index])!.AsObject();
        var reply = Encoding.ASCII.GetString(Convert.FromHexString(exchange["in"]!.GetValue<string>())).Trim();
        var ohm = double.Parse(reply, NumberStyles.Float, CultureInfo.InvariantCulture);
        exchange["in"] = Convert.ToHexString(Encoding.ASCII.GetBytes((ohm * 1.5).ToString("E6", CultureInfo.InvariantCulture) + "\n"));
        lines[index] = exchange.ToJsonString();
        await File.WriteAllLinesAsync(recording, lines);
        var changedReply = await replay.ReplayRunAsync(new ReplayRunRequest { RunId = run.RunId });
        Assert.Empty(changedReply.Divergences);
        var measured = Assert.Single(changedReply.Diffs, d => d.Path.EndsWith("conductorResistance.measuredResistanceOhm", StringComparison.Ordinal));
        Assert.True(double.Parse(measured.Replayed, CultureInfo.InvariantCulture) > double.Parse(measured.Original, CultureInfo.InvariantCulture));
        Assert.NotEqual(Conductor(changedReply.Original).ConductorResistance.MeasuredResistanceOhm, Conductor(changedReply.Replayed).ConductorResistance.MeasuredResistanceOhm);

        // A recorded request changed: the live driver's request differs there; reported with its position, never a pass.
        lines = pristine.ToArray();
        exchange = JsonNode.Parse(lines[index])!.AsObject();
        exchange["out"] = Convert.ToHexString("MEAS:VOLT?\n"u8);
        lines[index] = exchange.ToJsonString();
        await File.WriteAllLinesAsync(recording, lines);
        var changedRequest = await replay.ReplayRunAsync(new ReplayRunRequest { RunId = run.RunId });
        var divergence = changedRequest.Divergences[0];
        Assert.Equal(seq, divergence.Position);
        Assert.Equal(Convert.ToHexString(Encoding.ASCII.GetBytes(MeasureResistance)), divergence.ActualRequestHex);
        Assert.Equal(Convert.ToHexString("MEAS:VOLT?\n"u8), divergence.ExpectedRequestHex);
        Assert.NotEqual("", divergence.Line);
        Assert.NotEqual(Outcome.Pass, changedRequest.Replayed.Outcome);
        Assert.Equal(Outcome.Inconclusive, changedRequest.Replayed.Outcome);
        Assert.Contains("#" + seq.ToString(CultureInfo.InvariantCulture), changedRequest.InconclusiveReason, StringComparison.Ordinal);

        // The same on Modbus TCP (compared without the transaction id): the first differing byte is named.
        lines = pristine.ToArray();
        var tcpIndex = Array.FindIndex(lines, 1, l => JsonNode.Parse(l)!["protocol"]!.GetValue<string>() == "modbus-tcp");
        var tcp = JsonNode.Parse(lines[tcpIndex])!.AsObject();
        var tcpRequest = Convert.FromHexString(tcp["out"]!.GetValue<string>());
        tcpRequest[^1] ^= 0x01;
        tcp["out"] = Convert.ToHexString(tcpRequest);
        lines[tcpIndex] = tcp.ToJsonString();
        await File.WriteAllLinesAsync(recording, lines);
        var changedTcp = await replay.ReplayRunAsync(new ReplayRunRequest { RunId = run.RunId });
        var tcpDivergence = changedTcp.Divergences[0];

        // Once in a full-suite run this diverged earlier (at 24, the megohmmeter's OUTP OFF): the message says what was sent there.
        Assert.True(tcp["seq"]!.GetValue<long>() == tcpDivergence.Position, $"diverged at {tcpDivergence.Position}, not {tcp["seq"]}: {tcpDivergence.Reason} (line {tcpDivergence.Line}, sent {tcpDivergence.ActualRequestHex}, recorded {tcpDivergence.ExpectedRequestHex})");
        Assert.Contains($"at byte {tcpRequest.Length - 1}", tcpDivergence.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Inconclusive, changedTcp.Replayed.Outcome);

        // A recording that goes on after the run's last request: the replay asked for less, reported where, not a pass.
        var last = JsonNode.Parse(pristine[^1])!.AsObject();
        last["seq"] = last["seq"]!.GetValue<long>() + 1;
        await File.WriteAllLinesAsync(recording, [.. pristine, last.ToJsonString()]);
        var longer = await replay.ReplayRunAsync(new ReplayRunRequest { RunId = run.RunId });
        var unreached = Assert.Single(longer.Divergences);
        Assert.Equal(last["seq"]!.GetValue<long>(), unreached.Position);
        Assert.Equal("", unreached.ActualRequestHex);
        Assert.Equal(Outcome.Inconclusive, longer.Replayed.Outcome);
        Assert.Equal(longer.ExchangesRecorded - 1, longer.Exchanges);

        // A corrupt recording and a missing one: FAILED_PRECONDITION naming the problem.
        await File.WriteAllLinesAsync(recording, [.. pristine.Take(3), "{not json", .. pristine.Skip(3)]);
        var corrupt = await Assert.ThrowsAsync<RpcException>(() => replay.ReplayRunAsync(new ReplayRunRequest { RunId = run.RunId }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, corrupt.StatusCode);
        Assert.Contains(":4", corrupt.Status.Detail, StringComparison.Ordinal);
        File.Delete(recording);
        var missing = await Assert.ThrowsAsync<RpcException>(() => replay.ReplayRunAsync(new ReplayRunRequest { RunId = run.RunId }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, missing.StatusCode);
        Assert.Equal("no_recording", missing.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations[0].Type);
    }

    [Theory]
    [InlineData("breakdown-bv-2.5")]
    [InlineData("interlock-bv-2.5")]
    public async Task Replay_OfARunThatDidNotPass_FollowsTheRecordingToTheSameVerdict(string scenario)
    {
        // Breakdown: the tester trips mid-dwell. Interlock: the door opens mid-dwell and the run makes the bench safe
        // from inside the withstand loop. Both paths send what the replies decide, so the replay matches exactly.
        var (service, run, _) = await RecordedRunAsync("S-" + scenario, scenario);
        await using var _ = service;
        Assert.NotEqual(Outcome.Pass, run.Outcome);
        var replayed = await new ReplayService.ReplayServiceClient(service.Channel).ReplayRunAsync(new ReplayRunRequest { RunId = run.RunId });
        Assert.Empty(replayed.Divergences);
        Assert.Equal(replayed.ExchangesRecorded, replayed.Exchanges);
        Assert.Equal(run.Outcome, replayed.Replayed.Outcome);
        Assert.True(replayed.Diffs.Count == 0, string.Join(" | ", replayed.Diffs.Select(d => $"{d.Path}: {d.Original} -> {d.Replayed}")));
    }

    /// <summary>The first exchange whose request is <paramref name="request"/>: its line index in the file and its sequence.</summary>
    private static (int Index, long Sequence) FirstExchange(string[] lines, string request)
    {
        var hex = Convert.ToHexString(Encoding.ASCII.GetBytes(request));
        for (var i = 1; i < lines.Length; i++)
        {
            var node = JsonNode.Parse(lines[i])!;
            if (node["out"]!.GetValue<string>() == hex)
            {
                return (i, node["seq"]!.GetValue<long>());
            }
        }

        throw new InvalidOperationException($"no {request.Trim()} exchange in the recording");
    }
}
