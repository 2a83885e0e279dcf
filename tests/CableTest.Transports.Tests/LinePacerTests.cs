using System.Diagnostics;

namespace CableTest.Transports.Tests;

public class LinePacerTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Until_NeverCompletesBeforeTheTimestamp(bool precise)
    {
        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            var due = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * random.Next(100, 4000) / 1_000_000.0);
            await LinePacer.Shared.Until(due, precise, CancellationToken.None);
            var now = Stopwatch.GetTimestamp();
            Assert.True(now >= due, $"woke {(due - now) * 1e6 / Stopwatch.Frequency:0} µs early");
        }
    }

    [Fact]
    public async Task Until_SeveralWaitersOutOfOrder_EachAtOrAfterItsOwnTime()
    {
        var start = Stopwatch.GetTimestamp();
        var offsetsMs = new[] { 9, 2, 6, 1, 4 };
        var waits = offsetsMs.Select(async ms =>
        {
            var due = start + (Stopwatch.Frequency * ms / 1000);
            await LinePacer.Shared.Until(due, precise: ms % 2 == 0, CancellationToken.None);
            return Stopwatch.GetTimestamp() - due;
        }).ToArray();

        var lateness = await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(lateness, late => Assert.True(late >= 0));
    }

    [Fact]
    public async Task Until_Cancelled_CompletesCancelledLongBeforeItsTime()
    {
        using var cts = new CancellationTokenSource();
        var wait = LinePacer.Shared.Until(Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 60), precise: true, cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
