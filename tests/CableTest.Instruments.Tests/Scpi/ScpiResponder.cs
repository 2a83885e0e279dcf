using System.Text;
using CableTest.Transports;

namespace CableTest.Instruments.Tests.Scpi;

/// <summary>A scripted instrument on the far end of a channel: answers each received line via a function (null = stay silent).</summary>
internal sealed class ScpiResponder : IAsyncDisposable
{
    private readonly IByteChannel channel;
    private readonly Func<string, string?> answer;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public ScpiResponder(IByteChannel channel, Func<string, string?> answer)
    {
        this.channel = channel;
        this.answer = answer;
        loop = Task.Run(RunAsync);
    }

    public List<string> Received { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task RunAsync()
    {
        if (!channel.IsOpen)
        {
            await channel.OpenAsync(stop.Token);
        }

        var buffer = new byte[4096];
        var text = new StringBuilder();
        while (!stop.IsCancellationRequested)
        {
            var n = await channel.ReadAsync(buffer, stop.Token);
            if (n == 0)
            {
                return;
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
            int nl;
            while ((nl = text.ToString().IndexOf('\n', StringComparison.Ordinal)) >= 0)
            {
                var line = text.ToString(0, nl).TrimEnd('\r');
                text.Remove(0, nl + 1);
                lock (Received)
                {
                    Received.Add(line);
                }

                var reply = answer(line);
                if (reply is not null)
                {
                    await channel.WriteAsync(Encoding.ASCII.GetBytes(reply), stop.Token);
                }
            }
        }
    }
}
