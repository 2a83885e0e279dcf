using System.Globalization;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Instruments.Drivers;
using CableTest.Service.Grpc;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Storage.Readings;
using Google.Protobuf.WellKnownTypes;
using DomainTestKind = CableTest.Domain.Verdicts.TestKind;
using V1 = CableTest.Contracts.V1;

namespace CableTest.Service.Runs;

public sealed partial class RunOrchestrator
{
    private Task RunStepAsync(ActiveRun active, V1.RunStep step, CancellationToken token) => step.Kind switch
    {
        "ambient" => AmbientAsync(active, step, token),
        TestKindNames.ConductorResistance => ConductorAsync(active, step, token),
        TestKindNames.InsulationResistance => InsulationAsync(active, step, token),
        TestKindNames.VoltageWithstand => WithstandAsync(active, step, token),
        _ => EvaluateAsync(active, token),
    };

    private async Task AmbientAsync(ActiveRun active, V1.RunStep step, CancellationToken token)
    {
        var instrument = _bench.Instrument(InstrumentRole.AmbientSensor);
        var temperatures = new List<double>();
        var readings = (int)Method.AmbientReadings.Value;
        for (var i = 0; i < readings; i++)
        {
            var reading = await _bench.Ambient.ReadAsync(token).ConfigureAwait(false);
            instrument.Seen(_time.GetUtcNow());
            temperatures.Add(reading.TemperatureC);
            await TakeAsync(active, step, "ambient", instrument.Id, i, [new("temperature_c", reading.TemperatureC), new("humidity_rh", reading.HumidityRh)], token).ConfigureAwait(false);
            await Task.Delay(_options.PollInterval, _time, token).ConfigureAwait(false);
        }

        active.AmbientC = temperatures.Average();
        var spread = temperatures.Max() - temperatures.Min();
        var note = string.Create(CultureInfo.InvariantCulture, $"ambient {active.AmbientC:0.0} °C (spread {spread:0.00} K)");
        if (active.AmbientC < _options.AmbientMinC || active.AmbientC > _options.AmbientMaxC || spread > (double)Method.AmbientMaxSpreadK.Value)
        {
            note += string.Create(CultureInfo.InvariantCulture, $": outside the method's {_options.AmbientMinC:0}–{_options.AmbientMaxC:0} °C or not settled");
        }

        Log(active, note);
    }

    private async Task ConductorAsync(ActiveRun active, V1.RunStep step, CancellationToken token)
    {
        var core = int.Parse(step.Core, CultureInfo.InvariantCulture);
        await PromptAsync(active, "connect_core", $"Connect core {core} to the micro-ohmmeter (4-wire, current and potential leads at both ends)", core, token).ConfigureAwait(false);
        var instrument = _bench.Instrument(InstrumentRole.ConductorResistanceMeter);
        var limit = _catalogue.FindConductorResistanceLimit(active.Requirements.Conductor);
        var expectedOhm = limit.Found ? (double)limit.Value!.MaxOhmPerKm * active.Sample.LengthM / 1000 : 10;
        var range = Math.Pow(10, Math.Ceiling(Math.Log10(Math.Max(expectedOhm * (double)Method.ResistanceRangeHeadroom.Value, 1e-3))));
        await _bench.Meter.ConfigureAsync(new ResistanceMeterSettings(range), token).ConfigureAwait(false);
        var values = new List<double>();
        var readingIds = new List<string>();
        var overRange = false;
        for (var i = 0; i < _options.ResistanceReadings; i++)
        {
            var reading = await _bench.Meter.MeasureAsync(token).ConfigureAwait(false);
            instrument.Seen(_time.GetUtcNow());
            if (reading.OverRange)
            {
                overRange = true;
                break;
            }

            values.Add(reading.ResistanceOhm);
            readingIds.Add(await TakeAsync(active, step, "conductor_resistance", instrument.Id, i, [new("resistance_ohm", reading.ResistanceOhm)], token).ConfigureAwait(false));
            await UpdateAsync(active, _ => step.Progress = (i + 1.0) / _options.ResistanceReadings).ConfigureAwait(false);
        }

        TestVerdict verdict;
        if (overRange)
        {
            verdict = Problem(DomainTestKind.ConductorResistance, "over_range", "the micro-ohmmeter reported over range (9.9E37): no value, check the connection and range");
        }
        else if (active.AmbientC is not { } ambient)
        {
            verdict = Problem(DomainTestKind.ConductorResistance, "no_temperature", "no ambient temperature was taken");
        }
        else
        {
            verdict = _engine.EvaluateConductorResistance(
                new ConductorResistanceInput(active.Requirements.Conductor, (decimal)values.Average(), (decimal)active.Sample.LengthM, (decimal)Math.Round(ambient, 2), active.Kt)
                {
                    AmbientWindowC = new TemperatureRange((decimal)_options.AmbientMinC, (decimal)_options.AmbientMaxC),
                    MethodName = "GB/T 3048.4-2007, 4-wire, forward/reverse averaged",
                    Edition = active.Edition,
                },
                active.Rule);
        }

        await AddVerdictAsync(active, step, verdict, [instrument, _bench.Instrument(InstrumentRole.AmbientSensor)], readingIds, null).ConfigureAwait(false);
    }

    private async Task InsulationAsync(ActiveRun active, V1.RunStep step, CancellationToken token)
    {
        var core = int.Parse(step.Core, CultureInfo.InvariantCulture);
        var inBath = active.Requirements.Spec.InsulationResistanceType is not null;
        var testTemperatureC = inBath ? _options.WaterBathTemperatureC : active.AmbientC ?? 20;
        var where = inBath
            ? string.Create(CultureInfo.InvariantCulture, $"in the water bath at {_options.WaterBathTemperatureC:0} °C (immersed for the method's time)")
            : "in air at ambient temperature";
        await PromptAsync(active, "connect_core", $"Core {core} {where}: connect it to the megohmmeter (HV terminal), the other cores, screen and water to earth", core, token).ConfigureAwait(false);
        var instrument = _bench.Instrument(InstrumentRole.InsulationTester);
        var electrificationS = _options.Electrification.TotalSeconds;
        await _bench.Insulation.ConfigureAsync(new InsulationTesterSettings(_options.InsulationTestVoltageV, _options.Electrification), token).ConfigureAwait(false);
        var curve = new List<V1.InsulationCurvePoint>();
        var readingIds = new List<string>();
        InsulationReading? last = null;
        var started = _time.GetTimestamp();
        await _bench.Insulation.StartAsync(token).ConfigureAwait(false);
        try
        {
            var i = 0;
            while (true)
            {
                await Task.Delay(_options.PollInterval, _time, token).ConfigureAwait(false);
                var reading = await _bench.Insulation.ReadAsync(token).ConfigureAwait(false);
                instrument.Seen(_time.GetUtcNow());
                last = reading;
                var mohm = reading.OverRange ? double.NaN : reading.ResistanceOhm / 1e6;
                if (!reading.OverRange)
                {
                    curve.Add(new V1.InsulationCurvePoint { ElectrificationS = reading.ElapsedS, ResistanceMohm = mohm });
                    readingIds.Add(await TakeAsync(active, step, "insulation_resistance", instrument.Id, i++, [new("resistance_mohm", mohm), new("voltage_v", reading.VoltageV)], token, reading.ElapsedS).ConfigureAwait(false));
                }

                await UpdateAsync(active, _ =>
                {
                    step.Progress = Math.Min(1, reading.ElapsedS / electrificationS);
                    step.RemainingS = Math.Max(0, electrificationS - reading.ElapsedS);
                }).ConfigureAwait(false);
                if (reading.ElapsedS >= electrificationS)
                {
                    break;
                }

                if (_time.GetElapsedTime(started) > _options.StepTimeout)
                {
                    throw new TimeoutException($"electrification did not reach {electrificationS:0} s within {_options.StepTimeout}");
                }
            }
        }
        finally
        {
            using var discharge = new CancellationTokenSource(TimeSpan.FromSeconds(60), _time);
            await _bench.Insulation.StopAndDischargeAsync(discharge.Token).ConfigureAwait(false);
        }

        TestVerdict verdict;
        var criterion = active.Requirements.Spec.InsulationResistanceType is not null ? InsulationCriterion.ResistanceLength : InsulationCriterion.Ki;
        if (last is null || last.OverRange)
        {
            verdict = Problem(DomainTestKind.InsulationResistance, "over_range", "the megohmmeter reported over range at the reading time: the value is only a lower bound", inconclusive: true);
        }
        else if (active.Requirements.InsulationResistanceKey is not { } key)
        {
            verdict = Problem(DomainTestKind.InsulationResistance, "no_limit_defined", $"{active.Requirements.Spec.Id} names no insulation-resistance table");
        }
        else
        {
            verdict = _engine.EvaluateInsulationResistance(
                new InsulationResistanceInput(
                    key,
                    criterion,
                    (decimal)Math.Round(last.ResistanceOhm / 1e6, 6),
                    (decimal)active.Sample.LengthM,
                    (decimal)Math.Round(testTemperatureC, 2),
                    (decimal)Math.Round(Math.Abs(last.VoltageV - _options.InsulationTestVoltageV) <= 0.02 * _options.InsulationTestVoltageV ? _options.InsulationTestVoltageV : last.VoltageV, 3),
                    (decimal)Math.Round(last.ElapsedS, 3),
                    (decimal)(active.Sample.HasConductorDiameterMm ? active.Sample.ConductorDiameterMm : 0),
                    (decimal)(active.Sample.HasInsulationOuterDiameterMm ? active.Sample.InsulationOuterDiameterMm : 0))
                {
                    ConductorClass = active.Requirements.Conductor.ConductorClass,
                    CrossSectionMm2 = active.Requirements.Conductor.CrossSectionMm2,
                    MethodName = "GB/T 3048.5-2007",
                    DiametersKnown = active.Sample.HasConductorDiameterMm && active.Sample.HasInsulationOuterDiameterMm,
                },
                active.Rule);
        }

        await AddVerdictAsync(active, step, verdict, [instrument, _bench.Instrument(InstrumentRole.AmbientSensor)], readingIds, proto =>
        {
            if (proto.InsulationResistance is { } evidence)
            {
                evidence.Curve.AddRange(curve);
            }

            proto.Warnings.Add(string.Create(CultureInfo.InvariantCulture, $"test voltage judged as the nominal {_options.InsulationTestVoltageV:0} V DC set on the megohmmeter (measured {last?.VoltageV:0.##} V, within 2 %; a larger deviation is judged as measured)"));
            if (inBath)
            {
                proto.Warnings.Add(string.Create(CultureInfo.InvariantCulture, $"test temperature {_options.WaterBathTemperatureC:0.#} °C is the configured water-bath temperature (Bench:WaterBathTemperatureC), not a measured one"));
            }
        }).ConfigureAwait(false);
    }

    private async Task WithstandAsync(ActiveRun active, V1.RunStep step, CancellationToken token)
    {
        var instrument = _bench.Instrument(InstrumentRole.WithstandTester);
        var requirement = _catalogue.FindVoltageTest(active.Sample.RatedVoltage, active.VoltageKind, active.Requirements.VoltageTestFamily);
        if (!requirement.Found)
        {
            await AddVerdictAsync(active, step, Problem(DomainTestKind.VoltageWithstand, requirement.ReasonCode ?? "no_limit_defined", requirement.Detail ?? "no voltage test level"), [instrument], [], null).ConfigureAwait(false);
            return;
        }

        var req = requirement.Value!;
        await PromptAsync(active, "close_cage", "Connect all cores together to the HV lead, screen/water to earth, leave the cage and close the door", 0, token).ConfigureAwait(false);
        var status = await _bench.Withstand.ReadStatusAsync(token).ConfigureAwait(false);
        _bench.Observe(status);
        while (!status.InterlockClosed)
        {
            await PromptAsync(active, "close_cage", "The interlock is open: close the cage door, then confirm", 0, token).ConfigureAwait(false);
            status = await _bench.Withstand.ReadStatusAsync(token).ConfigureAwait(false);
            _bench.Observe(status);
        }

        var ramp = _options.WithstandRamp;
        var settings = new WithstandSettings(active.VoltageKind == VoltageKind.DC ? WithstandKind.Dc : WithstandKind.Ac, (double)req.RequiredKv, (double)Method.AcNominalFrequencyHz.Value, ramp, TimeSpan.FromSeconds((double)req.RequiredS), ramp, _options.LeakageLimitMa, ArcDetection: true);
        await _bench.Withstand.ConfigureAsync(settings, token).ConfigureAwait(false);
        var dwellS = (double)req.RequiredS;
        var heldS = 0.0;
        var maxLeakage = 0.0;
        var dwellVoltages = new List<double>();
        var readingIds = new List<string>();
        var interrupted = false;
        var started = _time.GetTimestamp();
        await _bench.Withstand.StartAsync(token).ConfigureAwait(false);
        try
        {
            var i = 0;
            while (true)
            {
                await Task.Delay(_options.PollInterval, _time, token).ConfigureAwait(false);
                status = await _bench.Withstand.ReadStatusAsync(token).ConfigureAwait(false);
                _bench.Observe(status);
                instrument.Seen(_time.GetUtcNow());
                if (!status.InterlockClosed)
                {
                    // Safety first: the tester drops the output itself; command it off as well before anything else.
                    interrupted = true;
                    await _bench.MakeSafeAsync($"interlock opened during run {active.Run.RunId}", CancellationToken.None).ConfigureAwait(false);
                    Log(active, "interlock opened: output dropped, the withstand test is interrupted");
                    break;
                }

                maxLeakage = Math.Max(maxLeakage, status.LeakageMa);
                if (status.State == WithstandState.Dwell)
                {
                    heldS = Math.Max(heldS, status.ElapsedS);
                    dwellVoltages.Add(status.OutputVoltageKv);
                }

                readingIds.Add(await TakeAsync(active, step, "voltage_withstand", instrument.Id, i++, [new("voltage_kv", status.OutputVoltageKv), new("leakage_ma", status.LeakageMa)], token, status.ElapsedS).ConfigureAwait(false));
                await UpdateAsync(active, _ =>
                {
                    step.Progress = status.State switch
                    {
                        WithstandState.RampUp => 0.05,
                        WithstandState.Dwell => 0.05 + (0.9 * Math.Min(1, heldS / dwellS)),
                        _ => step.Progress,
                    };
                    step.RemainingS = Math.Max(0, dwellS - heldS);
                }).ConfigureAwait(false);
                if (status.State is WithstandState.Complete or WithstandState.Stopped)
                {
                    break;
                }

                if (_time.GetElapsedTime(started) > _options.StepTimeout)
                {
                    throw new TimeoutException($"the withstand program did not finish within {_options.StepTimeout}");
                }
            }
        }
        finally
        {
            using var off = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
            try
            {
                await _bench.Withstand.OutputOffAsync(off.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log(active, "output off after the withstand test not confirmed: " + e.Message);
            }
        }

        if (status.State == WithstandState.Complete && status.Outcome == WithstandOutcome.Pass)
        {
            // The tester ran its programmed dwell to the end at voltage: what our polling saw last is only a lower bound.
            heldS = Math.Max(heldS, dwellS);
        }

        var breakdown = status.Outcome is WithstandOutcome.Breakdown or WithstandOutcome.Arc or WithstandOutcome.High;
        interrupted |= status.Outcome is WithstandOutcome.Interlock or WithstandOutcome.Aborted or WithstandOutcome.Low;
        var appliedKv = dwellVoltages.Count > 0 ? dwellVoltages.Min() : 0;
        var verdict = _engine.EvaluateVoltageWithstand(new VoltageWithstandInput(active.Sample.RatedVoltage, active.VoltageKind, (decimal)Math.Round(appliedKv, 4), (decimal)Math.Round(heldS, 3), breakdown)
        {
            FrequencyHz = active.VoltageKind == VoltageKind.AC ? Method.AcNominalFrequencyHz.Value : null,
            RequiredKv = req.RequiredKv,
            RequiredS = req.RequiredS,
            StandardFamily = req.Family,
            Interrupted = interrupted && !breakdown,
            MethodName = "GB/T 3048.8-2007",
        });
        var finalStatus = status;
        await AddVerdictAsync(active, step, verdict, [instrument], readingIds, proto =>
        {
            if (proto.VoltageWithstand is { } e)
            {
                e.TesterOutcome = finalStatus.Outcome.ToString().ToLowerInvariant();
                e.LeakageLimitMa = _options.LeakageLimitMa;
                e.MaxLeakageMa = maxLeakage;
                if (finalStatus.FailureVoltageKv is { } fv)
                {
                    e.FailureVoltageKv = fv;
                }

                if (finalStatus.FailureTimeS is { } ft)
                {
                    e.FailureTimeS = ft;
                }
            }
        }).ConfigureAwait(false);
    }

    private async Task EvaluateAsync(ActiveRun active, CancellationToken token)
    {
        await UpdateAsync(active, r => r.State = V1.RunState.Evaluating).ConfigureAwait(false);
        var outcome = SampleVerdict.Derive(active.DomainTests).Outcome.ToProto();
        var now = _time.GetUtcNow();
        var verdict = new V1.Verdict
        {
            VerdictId = "vd-" + active.Run.RunId,
            RunId = active.Run.RunId,
            SampleId = active.Sample.SampleId,
            LimsOrder = active.Sample.LimsOrder,
            BenchId = _bench.BenchId,
            OperatorName = active.Run.OperatorName,
            ProductSpec = active.Sample.ProductSpec,
            Outcome = outcome,
            OutcomeRule = SampleVerdict.Rule,
            RunStartedAt = active.Run.StartedAt,
            RunCompletedAt = Timestamp.FromDateTimeOffset(now),
            EvaluatedAt = Timestamp.FromDateTimeOffset(now),
            CatalogueVersion = "shipped",
        };
        verdict.Tests.AddRange(active.Tests);
        var stored = await _store.AppendVerdictAsync(VerdictDocument.ToNewVerdict(verdict), token).ConfigureAwait(false);
        var published = VerdictDocument.FromStored(stored);
        // Completed is set once the bench is safe and free again (the run's exit path), not here.
        active.Outcome = outcome;
        active.Verdict = published;
    }

    private async Task PromptAsync(ActiveRun active, string kind, string message, int core, CancellationToken token)
    {
        var prompt = new V1.Prompt
        {
            PromptId = $"{active.Run.Steps[active.Run.CurrentStep].StepId}-{kind}-{Guid.NewGuid().ToString("N")[..6]}",
            Kind = kind,
            Message = message,
            IssuedAt = Timestamp.FromDateTimeOffset(_time.GetUtcNow()),
        };
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (active.Gate)
        {
            active.PromptAnswer = answer;
        }

        await UpdateAsync(active, r =>
        {
            r.State = V1.RunState.AwaitingOperator;
            r.PendingPrompt = prompt;
        }).ConfigureAwait(false);
        _events.Publish(active.Run.RunId, new V1.RunEvent { Time = prompt.IssuedAt, Prompt = prompt });
        if (AcknowledgePrompts)
        {
            answer.TrySetResult(active.Run.OperatorName);
        }

        await answer.Task.WaitAsync(token).ConfigureAwait(false);
        if (kind == "connect_core")
        {
            await _bench.Cores.SelectCoreAsync(core, token).ConfigureAwait(false);
        }

        await UpdateAsync(active, r =>
        {
            r.State = V1.RunState.Running;
            r.PendingPrompt = null;
        }).ConfigureAwait(false);
    }

    private async Task AddVerdictAsync(ActiveRun active, V1.RunStep step, TestVerdict verdict, IReadOnlyList<Bench.BenchInstrument> instruments, IReadOnlyList<string> readingIds, Action<V1.TestVerdict>? complete)
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var overdue = instruments.Where(i => i.IsOverdue(today)).ToList();
        if (overdue.Count > 0 && verdict.Outcome is not (Outcome.Error or Outcome.Invalid))
        {
            verdict = verdict with
            {
                Outcome = Outcome.Inconclusive,
                ReasonCode = "calibration_overdue",
                Reason = "instrument calibration overdue: " + string.Join(", ", overdue.Select(i => $"{i.Id} (due {i.Due:yyyy-MM-dd})")),
            };
        }

        var proto = verdict.ToProto();
        proto.TestId = step.StepId;
        proto.Core = step.Core;
        proto.Instruments.AddRange(instruments.Select(i => i.ToProto(today)));
        proto.ReadingIds.AddRange(readingIds);
        proto.MeasuredAt = Timestamp.FromDateTimeOffset(_time.GetUtcNow());
        complete?.Invoke(proto);
        active.DomainTests.Add(verdict);
        active.Tests.Add(proto);
        await UpdateAsync(active, _ => step.Verdict = proto).ConfigureAwait(false);
    }

    private async Task<string> TakeAsync(ActiveRun active, V1.RunStep step, string measurement, string instrument, int index, IReadOnlyList<KeyValuePair<string, double>> values, CancellationToken token, double stepTimeS = 0)
    {
        var id = $"{active.Run.RunId}/{step.StepId}/{index}";
        var now = _time.GetUtcNow();
        await _journal.TakeAsync(new Reading(id, measurement, _bench.BenchId, active.Sample.SampleId, active.Run.RunId, step.StepId, step.Core, instrument, now, stepTimeS, values), token).ConfigureAwait(false);
        Telemetry.RunTelemetry.ReadingTaken(measurement);
        foreach (var (quantity, value) in values)
        {
            _events.Publish(active.Run.RunId, new V1.RunEvent
            {
                Time = Timestamp.FromDateTimeOffset(now),
                Reading = new V1.Reading { ReadingId = id, Time = Timestamp.FromDateTimeOffset(now), Quantity = quantity, Value = value, InstrumentId = instrument, StepId = step.StepId, Core = step.Core, StepTimeS = stepTimeS },
            });
        }

        return id;
    }

    private void Log(ActiveRun active, string message) =>
        _events.Publish(active.Run.RunId, new V1.RunEvent { Time = Timestamp.FromDateTimeOffset(_time.GetUtcNow()), Log = message });

    private static TestVerdict Problem(DomainTestKind kind, string reasonCode, string reason, bool inconclusive = false) => new()
    {
        Kind = kind,
        Outcome = inconclusive ? Outcome.Inconclusive : Outcome.Invalid,
        ReasonCode = reasonCode,
        Reason = reason,
    };
}
