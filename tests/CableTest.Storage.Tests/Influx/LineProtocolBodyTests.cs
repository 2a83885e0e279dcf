using System.Text;
using CableTest.Storage.Influx;

namespace CableTest.Storage.Tests.Influx;

public sealed class LineProtocolBodyTests
{
    private static readonly byte[] Joined = Encoding.UTF8.GetBytes("a f=1i 1\nbb f=2i 2\nccc f=3i 3\n");

    private static ReadOnlyMemory<byte> Slice(byte[] array, int start, int length) => array.AsMemory(start, length);

    [Fact]
    public void Join_LinesThatAreTheWholeArrayWithNewlines_ReturnsThatArray()
    {
        var body = LineProtocolBody.Join([Slice(Joined, 0, 8), Slice(Joined, 9, 9), Slice(Joined, 19, 10)]);
        Assert.Same(Joined, body);
    }

    [Theory]
    [InlineData("part of the array", 2)]
    [InlineData("lines out of order", 3)]
    [InlineData("lines of separate arrays", 4)]
    public void Join_OtherLines_CopiesThemJoined(string _, int shape)
    {
        List<ReadOnlyMemory<byte>> lines = shape switch
        {
            2 => [Slice(Joined, 0, 8), Slice(Joined, 9, 9)],
            3 => [Slice(Joined, 9, 9), Slice(Joined, 0, 8), Slice(Joined, 19, 10)],
            _ => [Slice(Joined, 0, 8), Encoding.UTF8.GetBytes("bb f=2i 2"), Slice(Joined, 19, 10)],
        };

        var body = LineProtocolBody.Join(lines);

        Assert.NotSame(Joined, body);
        Assert.Equal(string.Concat(lines.Select(l => Encoding.UTF8.GetString(l.Span) + "\n")), Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void Join_WholeArrayWithoutTheLastNewline_CopiesAndAddsIt()
    {
        var unterminated = Encoding.UTF8.GetBytes("a f=1i 1\nbb f=2i 2");
        var body = LineProtocolBody.Join([Slice(unterminated, 0, 8), Slice(unterminated, 9, 9)]);
        Assert.Equal("a f=1i 1\nbb f=2i 2\n", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void Join_WholeArrayPaddedWithNewlines_ReturnsThatArray_AnythingElseAfterTheLastLine_Copies()
    {
        // A pooled tail array: its lines, then newlines to its end (empty lines to the server).
        var padded = Encoding.UTF8.GetBytes("a f=1i 1\nbb f=2i 2\n\n\n\n");
        Assert.Same(padded, LineProtocolBody.Join([Slice(padded, 0, 8), Slice(padded, 9, 9)]));

        var trailing = Encoding.UTF8.GetBytes("a f=1i 1\nbb f=2i 2\n\nc");
        var body = LineProtocolBody.Join([Slice(trailing, 0, 8), Slice(trailing, 9, 9)]);
        Assert.NotSame(trailing, body);
        Assert.Equal("a f=1i 1\nbb f=2i 2\n", Encoding.UTF8.GetString(body));
    }
}
