using System.Buffers;
using BenchmarkDotNet.Attributes;
using CableTest.Protocols.LineProtocol;

namespace CableTest.Benchmarks.Storage;

/// <summary>
/// Line-protocol encoding of bench readings: points per second (1000 points per op) and bytes
/// allocated per point. Run: dotnet run -c Release --project tests/CableTest.Benchmarks -- --filter *LineProtocol*
/// </summary>
[MemoryDiagnoser]
public class LineProtocolBenchmarks
{
    private const int Points = 1000;
    private readonly ArrayBufferWriter<byte> buffer = new(256 * Points);
    private LineProtocolWriter writer = null!;

    [GlobalSetup]
    public void Setup() => writer = new LineProtocolWriter(buffer);

    /// <summary>The hot path: the allocation-free writer into a reused buffer.</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public int Writer()
    {
        buffer.ResetWrittenCount();
        writer = new LineProtocolWriter(buffer);
        for (var i = 0; i < Points; i++)
        {
            writer.Measurement("conductor_resistance")
                .Tag("bench", "b1").Tag("core", "2").Tag("instrument", "ohm-1").Tag("run", "r-2026-11-24-001").Tag("sample", "S-1042").Tag("test", "cr-core2")
                .Field("resistance_ohm", 0.0751234 + (i * 1e-9)).Field("step_time_s", 1.5)
                .EndPoint(1_700_000_000_000_000_000L + i);
        }

        return buffer.WrittenCount;
    }

    /// <summary>The convenient InfluxDB.Client-style builder (allocates per point).</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public int PointDataBuilder()
    {
        buffer.ResetWrittenCount();
        var w = new LineProtocolWriter(buffer);
        for (var i = 0; i < Points; i++)
        {
            PointData.Measurement("conductor_resistance")
                .Tag("bench", "b1").Tag("core", "2").Tag("instrument", "ohm-1").Tag("run", "r-2026-11-24-001").Tag("sample", "S-1042").Tag("test", "cr-core2")
                .Field("resistance_ohm", 0.0751234 + (i * 1e-9)).Field("step_time_s", 1.5)
                .Timestamp(1_700_000_000_000_000_000L + i, WritePrecision.Ns)
                .WriteTo(w, WritePrecision.Ns);
        }

        return buffer.WrittenCount;
    }
}
