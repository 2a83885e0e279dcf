namespace CableTest.Instruments.Modbus;

/// <summary>
/// One reusable deadline per line: a token that fires when the exchange's timeout passes or the
/// caller cancels. Re-armed per exchange without allocating (the source is reset, the timer moved);
/// only a fired source is replaced.
/// </summary>
internal sealed class ExchangeDeadline : IDisposable
{
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly ITimer timer;
    private CancellationTokenSource source = new();
    private CancellationTokenRegistration callerRegistration;
    private long deadline = long.MaxValue;
    private bool expired;

    public ExchangeDeadline(TimeProvider time)
    {
        this.time = time;
        timer = time.CreateTimer(static s => ((ExchangeDeadline)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>True when the timeout (not the caller) ended the exchange.</summary>
    public bool Expired
    {
        get
        {
            lock (gate)
            {
                return expired;
            }
        }
    }

    /// <summary>Starts a deadline <paramref name="timeout"/> from now, also cancelled by <paramref name="caller"/>.</summary>
    public CancellationToken Arm(TimeSpan timeout, CancellationToken caller)
    {
        CancellationToken token;
        lock (gate)
        {
            if (!source.TryReset())
            {
                // Not disposed: a timer tick already in flight may still call Cancel on it (a no-op now).
                source = new CancellationTokenSource();
            }

            expired = false;
            deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
            token = source.Token;
        }

        timer.Change(timeout, Timeout.InfiniteTimeSpan);
        if (caller.CanBeCanceled)
        {
            callerRegistration = caller.UnsafeRegister(static s => ((ExchangeDeadline)s!).CancelNow(), this);
        }

        return token;
    }

    /// <summary>Ends the current deadline.</summary>
    public void Disarm()
    {
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        callerRegistration.Dispose();
        callerRegistration = default;
        lock (gate)
        {
            deadline = long.MaxValue;
        }
    }

    public void Dispose()
    {
        timer.Dispose();
        callerRegistration.Dispose();
        source.Dispose();
    }

    private void OnTimer()
    {
        CancellationTokenSource toCancel;
        lock (gate)
        {
            if (deadline == long.MaxValue)
            {
                return; // disarmed: a late tick of an earlier exchange
            }

            var remaining = deadline - time.GetTimestamp();
            if (remaining > 0)
            {
                // Timers tick on their own (millisecond) clock and can fire a hair before the
                // timestamp says the deadline passed: wait out the rest instead of losing the deadline.
                timer.Change(TimeSpan.FromSeconds(Math.Max((double)remaining / time.TimestampFrequency, 0.0001)), Timeout.InfiniteTimeSpan);
                return;
            }

            expired = true;
            toCancel = source;
        }

        toCancel.Cancel();
    }

    private void CancelNow()
    {
        CancellationTokenSource toCancel;
        lock (gate)
        {
            toCancel = source;
        }

        toCancel.Cancel();
    }
}
