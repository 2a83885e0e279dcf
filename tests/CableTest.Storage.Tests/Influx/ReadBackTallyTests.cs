using System.Text;
using CableTest.Protocols.LineProtocol;
using CableTest.Storage.Influx.ReadBack;
using CableTest.Storage.Outbox;

namespace CableTest.Storage.Tests.Influx;

/// <summary>What a sink should hold for delivered records: distinct points per measurement and numeric field.</summary>
public sealed class ReadBackTallyTests
{
    private static OutboxRecord Record(long sequence, string lines, WritePrecision precision = WritePrecision.Ns) =>
        new(sequence, 0, precision, Encoding.UTF8.GetBytes(lines));

    [Fact]
    public void CountsDistinctPointsPerField_ADuplicateOnce_StringFieldsLeftOut()
    {
        var tally = ReadBackTally.Of(
        [
            Record(1, "voltage_withstand,core=1 voltage_kv=2.5,leakage_ma=0.4,reading_id=\"r1\" 1000"),
            Record(2, "voltage_withstand,core=1 voltage_kv=2.5,leakage_ma=0.4,reading_id=\"r1\" 1000"),
            Record(3, "voltage_withstand,core=2 voltage_kv=2.5 1000\nvoltage_withstand,core=1 voltage_kv=2.5 3000"),
        ], sinkResolutionNs: 1);

        Assert.Equal(3, tally.Expected[new SeriesField("voltage_withstand", "voltage_kv")]);
        Assert.Equal(1, tally.Expected[new SeriesField("voltage_withstand", "leakage_ma")]);
        Assert.False(tally.Expected.ContainsKey(new SeriesField("voltage_withstand", "reading_id")));
        Assert.Equal(1000, tally.MinNs);
        Assert.Equal(3000, tally.MaxNs);
    }

    [Fact]
    public void PointsWithinOneSinkTick_AreOnePointThere()
    {
        // VictoriaMetrics keeps milliseconds: 0.2 ms apart in one series is one sample; another series is not.
        var records = new[]
        {
            Record(1, "m,core=1 v=1 1700000000000200000"),
            Record(2, "m,core=1 v=2 1700000000000400000"),
            Record(3, "m,core=2 v=2 1700000000000400000"),
        };

        Assert.Equal(2, ReadBackTally.Of(records, 1_000_000).Expected[new SeriesField("m", "v")]);
        Assert.Equal(3, ReadBackTally.Of(records, 1).Expected[new SeriesField("m", "v")]);
    }

    [Fact]
    public void TimestampsInTheRecordsPrecision_BecomeNanoseconds_UnreadableLinesSkipped()
    {
        var tally = ReadBackTally.Of([Record(1, "m v=1 1700000000000", WritePrecision.Ms), Record(2, "m v=1"), Record(3, "not line protocol")], 1);

        Assert.Equal(1_700_000_000_000_000_000, tally.MinNs);
        Assert.Equal(1, tally.Expected[new SeriesField("m", "v")]);
        Assert.Equal(2, tally.Skipped);
    }
}
