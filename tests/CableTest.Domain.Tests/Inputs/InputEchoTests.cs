using CableTest.Domain.Inputs;

namespace CableTest.Domain.Tests.Inputs;

public sealed class InputEchoTests
{
    [Fact]
    public void Prefix_Megabyte_BoundedWithLength()
    {
        var echoed = InputEcho.Prefix(new string('x', 1 << 20));
        Assert.True(echoed.Length < 100, echoed);
        Assert.StartsWith(new string('x', InputEcho.DefaultPrefix), echoed, StringComparison.Ordinal);
        Assert.EndsWith("(1048576 characters)", echoed, StringComparison.Ordinal);
    }

    [Fact]
    public void Prefix_ControlCharacters_ShownAsQuestionMarks() =>
        Assert.Equal("S1??X-Injected: 1", InputEcho.Prefix("S1\r\nX-Injected: 1"));

    [Fact]
    public void Prefix_ShortPrintable_Unchanged() => Assert.Equal("样品-1", InputEcho.Prefix("样品-1"));

    [Fact]
    public void Prefix_CutInsideSurrogatePair_NoHalfCharacter()
    {
        var echoed = InputEcho.Prefix(new string('a', 63) + "\U0001F600" + new string('b', 10));
        Assert.DoesNotContain('\uD83D', echoed);
        Assert.StartsWith(new string('a', 63) + "…", echoed, StringComparison.Ordinal);
    }
}
