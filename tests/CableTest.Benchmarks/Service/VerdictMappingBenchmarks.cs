using BenchmarkDotNet.Attributes;
using CableTest.Contracts.V1;
using CableTest.Domain.Verdicts;
using CableTest.Service.Grpc;
using CableTest.Service.Grpc.Verdicts;
using CableTest.Storage.Runs;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using DomainConductor = CableTest.Domain.Standards.ConductorSpec;
using DomainInput = CableTest.Domain.Verdicts.ConductorResistanceInput;

namespace CableTest.Benchmarks.Service;

/// <summary>
/// What the verdict API spends per verdict outside the store: evidence JSON to proto (a cache miss), proto to wire,
/// and what a cache hit costs instead: the check that the record read is the one cached (ListVerdicts, a read after a
/// commit) and, for JSON transcoding, the message parsed from the cached encoding (binary gRPC writes the encoding).
/// </summary>
[MemoryDiagnoser]
public class VerdictMappingBenchmarks
{
    private StoredVerdict stored = null!;
    private Verdict mapped = null!;
    private CachedVerdict cached = null!;

    [GlobalSetup]
    public void Setup()
    {
        var test = VerdictEngine.Default.EvaluateConductorResistance(
            new DomainInput(new DomainConductor(1, Domain.Standards.ConductorMaterial.Copper, false, 2.5m), 0.07m, 10m, 20m)).ToProto();
        test.Instruments.Add(new InstrumentIdentity { InstrumentId = "ohmmeter-1", CalibrationDue = "2027-01-31" });
        var at = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var verdict = new Verdict { VerdictId = "V-1", RunId = "R-1", SampleId = "S-1", EvaluatedAt = at, RunStartedAt = at, Tests = { test, test.Clone(), test.Clone() } };
        var n = VerdictDocument.ToNewVerdict(verdict);
        stored = new StoredVerdict(1, n.VerdictId, n.RunId, n.SampleId, n.LimsOrder, n.Outcome, n.Standards, n.EvaluatedAt, n.EvidenceJson,
            VerdictHashing.ContentHash(n.EvidenceJson), "", "");
        mapped = VerdictDocument.FromStored(stored);
        cached = CachedVerdict.Of(mapped, stored);
    }

    [Benchmark]
    public Verdict FromStored() => VerdictDocument.FromStored(stored);

    [Benchmark]
    public byte[] ToWire() => mapped.ToByteArray();

    [Benchmark]
    public bool CachedIsFrom() => cached.IsFrom(stored);

    [Benchmark]
    public Verdict CachedParse() => cached.Parse();
}
