using CableTest.Transports;

namespace CableTest.HardwareSim.Serving;

/// <summary>
/// A simulated serial port: a pseudo-terminal whose slave side has a stable symlink, served by a loop made by
/// <c>serve</c> over the master (line-rate paced when asked). <see cref="DisconnectAsync"/> pulls the plug:
/// the pty goes away (a driver's open port fails) and a new one appears behind the same link after the downtime.
/// A Modbus RTU port passes its frame silence (t3.5) so line-rate emulation frames requests as a real slave does.
/// </summary>
internal sealed class PtyPort : IAsyncDisposable
{
    private readonly string linkPath;
    private readonly SerialSettings serial;
    private readonly LineRateOptions? lineRate;
    private readonly TimeSpan frameSilence;
    private readonly TimeProvider time;
    private readonly Func<IByteChannel, CancellationToken, Task> serve;
    private readonly SemaphoreSlim gate = new(1, 1);
    private PseudoTerminal? pty;
    private LineRateChannel? paced;
    private CancellationTokenSource? stopping;
    private Task? loop;

    public PtyPort(string linkPath, SerialSettings serial, LineRateOptions? lineRate, TimeProvider time, Func<IByteChannel, CancellationToken, Task> serve,
        TimeSpan frameSilence = default)
    {
        this.linkPath = linkPath;
        this.serial = serial;
        this.lineRate = lineRate;
        this.frameSilence = frameSilence;
        this.time = time;
        this.serve = serve;
        Open();
    }

    /// <summary>The stable path drivers open.</summary>
    public string LinkPath => linkPath;

    /// <summary>Serial settings the endpoint advertises (and line-rate emulation uses).</summary>
    public SerialSettings Serial => serial;

    /// <summary>Takes the port away for <paramref name="down"/>, then brings a fresh one up behind the same link.</summary>
    public async Task DisconnectAsync(TimeSpan down, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CloseAsync().ConfigureAwait(false);
            await Task.Delay(down, time, cancellationToken).ConfigureAwait(false);
            Open();
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await CloseAsync().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private void Open()
    {
        pty = PseudoTerminal.Open(linkPath);
        paced = lineRate is null ? null : new LineRateChannel(pty.Master, serial, lineRate, time, frameSilence);
        stopping = new CancellationTokenSource();
        loop = serve((IByteChannel?)paced ?? pty.Master, stopping.Token);
    }

    private async Task CloseAsync()
    {
        if (stopping is null || pty is null)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await (loop ?? Task.CompletedTask).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TransportException or IOException)
        {
        }

        if (paced is not null)
        {
            await paced.DisposeAsync().ConfigureAwait(false);
        }

        await pty.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
        (pty, paced, stopping, loop) = (null, null, null, null);
    }
}
