using CableTest.Contracts.V1;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Instruments.Recording;
using CableTest.Service.Grpc.Standards;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Service.Security;
using CableTest.Storage.Runs;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using DecisionRule = CableTest.Domain.Verdicts.DecisionRule;
using DomainVerdict = CableTest.Domain.Verdicts.TestVerdict;

namespace CableTest.Service.Grpc.Replay;

/// <summary>
/// Re-evaluates a finished run from its recorded evidence (the measured values as taken) under another
/// decision rule, temperature-correction method or standard edition, and diffs the verdicts field by field.
/// The run's exchange recording is checked (every exchange readable, in sequence) and counted.
/// </summary>
[Authorize(Policy = Policies.Engineer)]
internal sealed class ReplayRunService(IRunStore store, VerdictEngine engine, Service.Bench.Bench bench, TimeProvider time) : ReplayService.ReplayServiceBase
{
    private readonly StandardsCatalogue catalogue = StandardsCatalogue.LoadDefault();

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public override async Task<ReplayRunResponse> ReplayRun(ReplayRunRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.RunId))
        {
            throw new RequestValidationException([new FieldViolation("run_id", "required")]);
        }

        var parse = new EvaluateRequests(catalogue);
        var rule = request.DecisionRule is null ? (DecisionRule?)null : parse.Rule(request.DecisionRule);
        if (request.KtMethod.Length > 0 && !KtMethodNames.TryParse(request.KtMethod, out _))
        {
            parse.AddViolation("kt_method", $"must be {KtMethodNames.Alpha20} or {KtMethodNames.Iec60228TableB1}");
        }

        parse.ThrowIfInvalid();
        var stored = await store.GetVerdictByRunAsync(request.RunId, context.CancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("verdict of run", request.RunId);
        var original = VerdictDocument.FromStored(stored);
        var replayed = original.Clone();
        replayed.Tests.Clear();
        replayed.Sequence = 0;
        replayed.ContentSha256 = "";
        replayed.PreviousSha256 = "";
        replayed.EvidenceJson = "";
        replayed.EvaluatedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow());
        var domain = new List<DomainVerdict>();
        var sample = await store.GetSampleAsync(original.SampleId, context.CancellationToken).ConfigureAwait(false);
        var conductor = sample is null ? null : SampleParser.Parse<Sample>(sample.Json).Conductor;
        foreach (var test in original.Tests)
        {
            var again = Reevaluate(test, request, rule, original.Tests.IndexOf(test), conductor);
            var proto = again.ToProto();
            proto.TestId = test.TestId;
            proto.Core = test.Core;
            proto.Instruments.AddRange(test.Instruments);
            proto.ReadingIds.AddRange(test.ReadingIds);
            proto.MeasuredAt = test.MeasuredAt;
            if (test.InsulationResistance is { } ir && proto.InsulationResistance is { } replayedIr)
            {
                replayedIr.Curve.AddRange(ir.Curve);
            }

            if (test.VoltageWithstand is { } vw && proto.VoltageWithstand is { } replayedVw)
            {
                replayedVw.TesterOutcome = vw.TesterOutcome;
                replayedVw.LeakageLimitMa = vw.LeakageLimitMa;
                replayedVw.MaxLeakageMa = vw.MaxLeakageMa;
            }

            domain.Add(again);
            replayed.Tests.Add(proto);
        }

        replayed.Outcome = SampleVerdict.Derive(domain).Outcome.ToProto();
        var response = new ReplayRunResponse { Original = original, Replayed = replayed };
        response.Diffs.AddRange(Diff(original, replayed));
        var recording = Path.Combine(bench.DataDirectory, "recordings", request.RunId + ".jsonl");
        if (File.Exists(recording))
        {
            try
            {
                response.Exchanges = Recording.Load(recording).Exchanges.Count;
            }
            catch (RecordingFormatException e)
            {
                response.Divergences.Add(new Divergence { Position = e.LineNumber, Line = recording, ExpectedRequestHex = "", ActualRequestHex = e.Message });
            }
        }

        return response;
    }

    private static readonly JsonParser SampleParser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private DomainVerdict Reevaluate(Contracts.V1.TestVerdict test, ReplayRunRequest request, DecisionRule? requestedRule, int index, Contracts.V1.ConductorSpec? conductor)
    {
        var parse = new EvaluateRequests(catalogue);
        var rule = requestedRule ?? (test.DecisionRule is null ? DecisionRule.SimpleAcceptance : parse.Rule(test.DecisionRule));
        var field = $"original.tests[{index}]";
        switch (test.EvidenceCase)
        {
            case Contracts.V1.TestVerdict.EvidenceOneofCase.ConductorResistance:
            {
                var e = test.ConductorResistance;
                var input = parse.Conductor(new Contracts.V1.ConductorResistanceInput
                {
                    Conductor = e.Conductor,
                    MeasuredResistanceOhm = e.MeasuredResistanceOhm,
                    LengthM = e.LengthM,
                    ConductorTemperatureC = e.ConductorTemperatureC,
                    KtMethod = request.KtMethod.Length > 0 ? request.KtMethod : e.KtMethod,
                });
                parse.ThrowIfInvalid();
                return engine.EvaluateConductorResistance(input! with { Edition = NullIfEmpty(request.StandardEdition) ?? input!.Edition }, rule);
            }

            case Contracts.V1.TestVerdict.EvidenceOneofCase.InsulationResistance:
            {
                var e = test.InsulationResistance;
                var input = parse.Insulation(new Contracts.V1.InsulationResistanceInput
                {
                    CableType = e.CableType,
                    Conductor = conductor,
                    Criterion = e.Criterion,
                    MeasuredResistanceMohm = e.MeasuredResistanceMohm,
                    LengthM = e.LengthM,
                    TestTemperatureC = e.TestTemperatureC,
                    TestVoltageVDc = e.TestVoltageVDc,
                    ElectrificationS = e.ElectrificationS,
                    ConductorDiameterMm = e.ConductorDiameterMm,
                    InsulationOuterDiameterMm = e.InsulationOuterDiameterMm,
                });
                parse.ThrowIfInvalid();
                return engine.EvaluateInsulationResistance(input!, rule);
            }

            case Contracts.V1.TestVerdict.EvidenceOneofCase.VoltageWithstand:
            {
                var e = test.VoltageWithstand;
                var v = new Contracts.V1.VoltageWithstandInput
                {
                    RatedVoltage = e.RatedVoltage,
                    VoltageKind = e.VoltageKind,
                    AppliedKv = e.AppliedKv,
                    FrequencyHz = e.FrequencyHz,
                    HeldS = e.HeldS,
                    Breakdown = e.Breakdown,
                    BreakdownLocation = e.BreakdownLocation,
                    RequiredKv = e.RequiredKv,
                    RequiredS = e.RequiredS,
                };
                if (e.VoltageTolerancePct > 0)
                {
                    v.VoltageTolerancePct = e.VoltageTolerancePct;
                }

                var input = parse.Withstand(v);
                parse.ThrowIfInvalid();
                return engine.EvaluateVoltageWithstand(input!);
            }

            default:
                throw new PreconditionFailedException("no_evidence", field, $"{field} ({test.TestId}) carries no evidence to re-evaluate");
        }
    }

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>Every leaf that differs between the two verdicts' tests and outcome (JSON paths).</summary>
    private static IEnumerable<FieldDiff> Diff(Verdict original, Verdict replayed)
    {
        var a = Flatten(System.Text.Json.JsonDocument.Parse(Json.Format(Comparable(original))).RootElement, "");
        var b = Flatten(System.Text.Json.JsonDocument.Parse(Json.Format(Comparable(replayed))).RootElement, "");
        foreach (var path in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            var left = a.GetValueOrDefault(path, "");
            var right = b.GetValueOrDefault(path, "");
            if (left != right)
            {
                yield return new FieldDiff { Path = path, Original = left, Replayed = right };
            }
        }
    }

    private static Verdict Comparable(Verdict verdict)
    {
        var copy = new Verdict { Outcome = verdict.Outcome };
        copy.Tests.AddRange(verdict.Tests.Select(t =>
        {
            var c = t.Clone();
            c.MeasuredAt = null;
            return c;
        }));
        return copy;
    }

    private static Dictionary<string, string> Flatten(System.Text.Json.JsonElement element, string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (element.ValueKind)
        {
            case System.Text.Json.JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    foreach (var kv in Flatten(p.Value, path.Length == 0 ? p.Name : path + "." + p.Name))
                    {
                        result[kv.Key] = kv.Value;
                    }
                }

                break;
            case System.Text.Json.JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var kv in Flatten(item, $"{path}[{i++}]"))
                    {
                        result[kv.Key] = kv.Value;
                    }
                }

                break;
            default:
                result[path] = element.ToString();
                break;
        }

        return result;
    }
}
