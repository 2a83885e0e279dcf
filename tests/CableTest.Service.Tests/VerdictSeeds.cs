using System.Globalization;
using CableTest.Contracts.V1;
using CableTest.Domain.Standards;
using CableTest.Domain.Verdicts;
using CableTest.Service.Grpc;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Storage.Runs;
using Google.Protobuf.WellKnownTypes;
using Outcome = CableTest.Contracts.V1.Outcome;
using ConductorSpec = CableTest.Domain.Standards.ConductorSpec;
using ConductorResistanceInput = CableTest.Domain.Verdicts.ConductorResistanceInput;

namespace CableTest.Service.Tests;

/// <summary>Realistic verdicts (tests judged by the real engine) appended to a store as the run orchestration will.</summary>
public static class VerdictSeeds
{
    public static readonly DateTimeOffset Epoch = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Verdict number <paramref name="n"/>: sample S-(n % samples), order LO-(n % 2), pass or fail by the measured value.</summary>
    public static Verdict Make(int n, int samples = 3)
    {
        var fail = n % 4 == 0;
        var conductor = new ConductorSpec(1, ConductorMaterial.Copper, false, 2.5m);
        var test = VerdictEngine.Default.EvaluateConductorResistance(
            new ConductorResistanceInput(conductor, fail ? 0.0800m : 0.0700m, 10m, 20m)).ToProto();
        test.TestId = "cr-1";
        test.Core = "1";
        test.Instruments.Add(new InstrumentIdentity { InstrumentId = "ohmmeter-1", Role = "conductor_resistance_meter", CalibrationDue = "2027-01-31" });
        test.ReadingIds.Add($"r-{n}-1");
        var evaluatedAt = Epoch.AddMinutes(n);
        var verdict = new Verdict
        {
            VerdictId = $"V-{n:D5}",
            RunId = $"R-{n:D5}",
            SampleId = $"S-{n % samples}",
            LimsOrder = $"LO-{n % 2}",
            BenchId = "bench-1",
            OperatorName = "Li Wei",
            ProductSpec = "GB/T 5023.3 227 IEC 01 (BV) 450/750 V 1x2.5",
            Outcome = fail ? Outcome.Fail : Outcome.Pass,
            OutcomeRule = SampleVerdict.Rule,
            RunStartedAt = Timestamp.FromDateTimeOffset(evaluatedAt.AddMinutes(-5)),
            RunCompletedAt = Timestamp.FromDateTimeOffset(evaluatedAt),
            EvaluatedAt = Timestamp.FromDateTimeOffset(evaluatedAt),
            CatalogueVersion = VerdictEngine.Default.Catalogue.Version,
        };
        verdict.Tests.Add(test);
        return verdict;
    }

    public static async Task<List<StoredVerdict>> AppendAsync(IRunStore store, int from, int count, int samples = 3)
    {
        var stored = new List<StoredVerdict>();
        for (var n = from; n < from + count; n++)
        {
            stored.Add(await store.AppendVerdictAsync(VerdictDocument.ToNewVerdict(Make(n, samples)), CancellationToken.None));
        }

        return stored;
    }

    public static string Id(int n) => string.Create(CultureInfo.InvariantCulture, $"V-{n:D5}");
}
