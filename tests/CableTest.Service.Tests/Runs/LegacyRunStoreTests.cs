using CableTest.Contracts.V1;
using CableTest.Storage.Runs;
using CableTest.Testing;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CableTest.Service.Tests.Runs;

/// <summary>
/// A store written before the run/2 schema (run documents in cabletest.v1.Run proto-JSON, as main at 1a12e46 wrote them)
/// still opens: finished runs are served as they were, and a run that code left open is migrated, closed as interrupted
/// and put on the record once.
/// </summary>
public sealed class LegacyRunStoreTests
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 21, 30, 0, TimeSpan.Zero);

    private static Run Legacy(string runId, RunState state, params RunStep[] steps)
    {
        var run = new Run
        {
            RunId = runId,
            SampleId = "S-OLD",
            State = state,
            OperatorName = "tech",
            StartedAt = Timestamp.FromDateTimeOffset(T0),
            DecisionRule = new DecisionRule { Kind = DecisionRule.Types.Kind.SimpleAcceptance },
            KtMethod = "alpha20",
            CurrentStep = 1,
        };
        run.Steps.AddRange(steps);
        return run;
    }

    private static RunStep Step(string id, string kind, string core, RunStep.Types.State state, TestVerdict? verdict = null)
    {
        var step = new RunStep { StepId = id, Kind = kind, Core = core, Title = id, State = state };
        if (verdict is not null)
        {
            step.Verdict = verdict;
        }

        return step;
    }

    [Fact]
    public async Task StoreWrittenBeforeRun2_FinishedRunsServed_OpenRunMigratedClosedAndRecordedOnce()
    {
        using var data = new TempDirectory("svc-legacy");
        var store = new SqliteRunStore(Path.Combine(data.Path, "cabletest.db"), TimeProvider.System);
        try
        {
            await store.MigrateAsync(CancellationToken.None);
            var sample = new Sample
            {
                SampleId = "S-OLD",
                LimsOrder = "L-OLD",
                SpecId = "gbt5023.3-227iec01-bv-450/750",
                ProductSpec = "BV 450/750 V",
                Conductor = new ConductorSpec { ConductorClass = 1, Material = "copper", CrossSectionMm2 = 2.5 },
                Cores = 1,
                LengthM = 100,
                ConductorDiameterMm = 1.78,
                InsulationOuterDiameterMm = 3.38,
                RatedVoltage = "450/750 V",
                RegisteredAt = Timestamp.FromDateTimeOffset(T0),
            };
            await store.TryAddSampleAsync(new SampleRecord("S-OLD", "L-OLD", Formatter.Format(sample), T0), CancellationToken.None);
            var cr = new TestVerdict { TestId = "cr-1", Kind = TestKind.ConductorResistance, Core = "1", Outcome = Outcome.Pass, ConductorResistance = new ConductorResistanceEvidence { R20OhmPerKm = 6.9 } };
            var aborted = Legacy("run-old-aborted", RunState.Aborted,
                Step("ambient", "ambient", "", RunStep.Types.State.Done), Step("cr-1", "conductor_resistance", "1", RunStep.Types.State.Failed), Step("evaluate", "evaluate", "", RunStep.Types.State.Skipped));
            aborted.EndReason = "wrong sample on the bench";
            aborted.Outcome = Outcome.Incomplete;
            aborted.EndedAt = Timestamp.FromDateTimeOffset(T0.AddMinutes(1));
            var open = Legacy("run-old-open", RunState.AwaitingOperator,
                Step("ambient", "ambient", "", RunStep.Types.State.Done), Step("cr-1", "conductor_resistance", "1", RunStep.Types.State.Done, cr),
                Step("vw", "voltage_withstand", "all", RunStep.Types.State.Running), Step("evaluate", "evaluate", "", RunStep.Types.State.Pending));
            open.CurrentStep = 2;
            open.PendingPrompt = new Prompt { PromptId = "vw-close_cage-abc123", Kind = "close_cage", Message = "close the door", IssuedAt = Timestamp.FromDateTimeOffset(T0) };
            foreach (var (run, state) in new[] { (aborted, "aborted"), (open, "awaiting_operator") })
            {
                await store.SaveRunAsync(new RunRecord(run.RunId, run.SampleId, state, Formatter.Format(run), T0, run.EndedAt?.ToDateTimeOffset(), T0), CancellationToken.None);
            }
        }
        finally
        {
            store.ReleaseConnections();
        }

        await using var service = await InProcessService.StartAsync(true, [.. RunOnSimulatedBenchTests.FastBench, "--DataDirectory", data.Path]);
        var bench = new BenchService.BenchServiceClient(service.Channel);
        var servedAborted = await bench.GetRunAsync(new GetRunRequest { RunId = "run-old-aborted" });
        Assert.Equal(RunState.Aborted, servedAborted.State);
        Assert.Equal("wrong sample on the bench", servedAborted.EndReason);

        var closed = await bench.GetRunAsync(new GetRunRequest { RunId = "run-old-open" });
        Assert.Equal(RunState.Incomplete, closed.State);
        Assert.Equal(RunStep.Types.State.Interrupted, closed.Steps.Single(s => s.StepId == "vw").State);
        Assert.Equal(6.9, closed.Steps.Single(s => s.StepId == "cr-1").Verdict.ConductorResistance.R20OhmPerKm);
        Assert.Equal("interrupted", closed.Ending.Kind);
        Assert.Equal("vw", closed.Ending.StepId);
        var stored = await service.Store.GetRunAsync("run-old-open", CancellationToken.None);
        Assert.Contains("\"schema\":\"cabletest.run/2\"", stored!.Json, StringComparison.Ordinal);

        var record = await new VerdictService.VerdictServiceClient(service.Channel).GetVerdictAsync(new GetVerdictRequest { RunId = "run-old-open" });
        Assert.Equal(Outcome.Incomplete, record.Outcome);
        Assert.Equal(6.9, Assert.Single(record.Tests).ConductorResistance.R20OhmPerKm);
        Assert.Equal(1L, await service.Store.GetLastSequenceAsync(CancellationToken.None));
    }
}
