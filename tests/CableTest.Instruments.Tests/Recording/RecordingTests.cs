using CableTest.Instruments.Recording;
using CableTest.Testing;

namespace CableTest.Instruments.Tests.Recording;

public sealed class RecordingTests
{
    private static ExchangeRecord Exchange(string outText, string inText) =>
        new(0, 1_700_000_000_000_000_000, "serial:/dev/x", "ohm", "scpi", System.Text.Encoding.ASCII.GetBytes(outText), System.Text.Encoding.ASCII.GetBytes(inText), 900, ExchangeOutcome.Ok, null);

    [Fact]
    public void WriteThenLoad_KeepsBytesSequenceAndOrder()
    {
        using var dir = new TempDirectory("rec");
        var path = dir.File("r.jsonl");
        using (var writer = new RecordingWriter(path, "run-7"))
        {
            writer.Record(Exchange("A?\n", "1\n"));
            writer.Record(Exchange("B?\n", "2\n") with { Outcome = ExchangeOutcome.BadReply, Detail = "bad crc" });
            Assert.Equal(2, writer.Count);
        }

        var r = CableTest.Instruments.Recording.Recording.Load(path);
        Assert.Equal(1, r.Version);
        Assert.Equal([1L, 2L], r.Exchanges.Select(e => e.Sequence));
        Assert.Equal("B?\n"u8.ToArray(), r.Exchanges[1].Request.ToArray());
        Assert.Equal("bad crc", r.Exchanges[1].Detail);
        Assert.Equal(ExchangeOutcome.BadReply, r.Exchanges[1].Outcome);
    }

    [Fact]
    public void Header_ListsTheBenchInstruments_AndOlderHeadersWithoutThemStillLoad()
    {
        using var dir = new TempDirectory("rec");
        var path = dir.File("r.jsonl");
        RecordedInstrument[] bench =
        [
            new("OHM-01", "conductor_resistance_meter", "sim-ohm", "scpi", "serial:/dev/x", 0),
            new("HV-01", "withstand_tester", "sim-hipot", "modbus-tcp", "tcp:127.0.0.1:502", 1),
        ];
        using (var writer = new RecordingWriter(path, "run-8", instruments: bench))
        {
            writer.Record(Exchange("A?\n", "1\n"));
        }

        Assert.Equal(bench, CableTest.Instruments.Recording.Recording.Load(path).Instruments);

        File.WriteAllText(path, "{\"format\":\"cabletest-recording\",\"version\":1,\"run\":\"old\"}\n");
        Assert.Empty(CableTest.Instruments.Recording.Recording.Load(path).Instruments);
        File.WriteAllText(path, "{\"format\":\"cabletest-recording\",\"version\":1,\"instruments\":[{\"id\":\"X\"}]}\n");
        Assert.Equal(1, Assert.Throws<RecordingFormatException>(() => CableTest.Instruments.Recording.Recording.Load(path)).LineNumber);
    }

    [Theory]
    [InlineData("{\"format\":\"other\",\"version\":1}", 1)]
    [InlineData("{\"format\":\"cabletest-recording\",\"version\":2}", 1)]
    [InlineData("not json", 1)]
    [InlineData("{\"format\":\"cabletest-recording\",\"version\":1}\n{\"seq\":1}", 2)]
    [InlineData("{\"format\":\"cabletest-recording\",\"version\":1}\n{\"seq\":2,\"t_ns\":1,\"line\":\"l\",\"device\":\"d\",\"protocol\":\"scpi\",\"out\":\"41\",\"in\":\"\",\"dur_us\":1,\"outcome\":\"ok\"}", 2)]
    [InlineData("{\"format\":\"cabletest-recording\",\"version\":1}\n{\"seq\":1,\"t_ns\":1,\"line\":\"l\",\"device\":\"d\",\"protocol\":\"scpi\",\"out\":\"4G\",\"in\":\"\",\"dur_us\":1,\"outcome\":\"ok\"}", 2)]
    [InlineData("{\"format\":\"cabletest-recording\",\"version\":1}\n{\"seq\":1,\"t_ns\":1,\"line\":\"l\",\"device\":\"d\",\"protocol\":\"scpi\",\"out\":\"41\",\"in\":\"\",\"dur_us\":1,\"outcome\":\"maybe\"}", 2)]
    public void Load_Corrupt_NamesFileAndLine(string content, int line)
    {
        using var dir = new TempDirectory("rec");
        var path = dir.File("bad.jsonl");
        File.WriteAllText(path, content);
        var e = Assert.Throws<RecordingFormatException>(() => CableTest.Instruments.Recording.Recording.Load(path));
        Assert.Equal(line, e.LineNumber);
        Assert.Contains("bad.jsonl", e.Message, StringComparison.Ordinal);
    }
}
