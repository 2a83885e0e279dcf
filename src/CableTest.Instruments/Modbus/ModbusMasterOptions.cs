namespace CableTest.Instruments.Modbus;

/// <summary>
/// How a Modbus master drives its line. Every duration is finite; <see cref="Validate"/> runs when a
/// master is constructed and names the bad field.
/// </summary>
public sealed class ModbusMasterOptions
{
    /// <summary>Reply deadline per exchange (from the request being written). Default 1 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Extra attempts after a timeout or a malformed reply (not after an exception reply). Default 1.</summary>
    public int Retries { get; set; } = 1;

    /// <summary>Attempts after a busy (6) or acknowledge (5) exception reply. Default 3.</summary>
    public int BusyRetries { get; set; } = 3;

    /// <summary>First wait after busy/acknowledge; doubles on each further one. Default 50 ms.</summary>
    public TimeSpan BusyRetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Least time between two exchanges with the same unit (default none).</summary>
    public TimeSpan MinimumGap { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// RTU silent interval before a request, measured from the last byte seen on the line. Null:
    /// computed from the serial settings (3.5 characters, 1.75 ms above 19200 baud), zero for
    /// pseudo-terminals and TCP (no wire timing).
    /// </summary>
    public TimeSpan? InterFrameDelay { get; set; }

    /// <summary>Consecutive timeouts after which a unit is declared unavailable and fast-failed. Default 3.</summary>
    public int UnavailableAfterTimeouts { get; set; } = 3;

    /// <summary>First unavailability period; doubles each time the probe after it also times out. Default 1 s.</summary>
    public TimeSpan UnavailableBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest unavailability period. Default 30 s.</summary>
    public TimeSpan MaxUnavailableBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait before reconnecting after a failed reconnect; doubles up to <see cref="MaxReconnectDelay"/>. Default 100 ms.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait between reconnect attempts. Default 5 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Silence after a broadcast (unit 0) write so slaves can act before the next request. Default 0 on TCP, 100 ms on RTU when null.</summary>
    public TimeSpan? BroadcastTurnaround { get; set; }

    /// <summary>Per-unit overrides (name, timeout, pacing).</summary>
    public IDictionary<byte, ModbusUnitOptions> Units { get; } = new Dictionary<byte, ModbusUnitOptions>();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public ModbusMasterOptions Validate()
    {
        Positive(Timeout, nameof(Timeout));
        NonNegative(BusyRetryDelay, nameof(BusyRetryDelay));
        NonNegative(MinimumGap, nameof(MinimumGap));
        Positive(UnavailableBackoff, nameof(UnavailableBackoff));
        Positive(ReconnectDelay, nameof(ReconnectDelay));
        if (InterFrameDelay is { } guard)
        {
            NonNegative(guard, nameof(InterFrameDelay));
        }

        if (BroadcastTurnaround is { } turnaround)
        {
            NonNegative(turnaround, nameof(BroadcastTurnaround));
        }

        if (Retries is < 0 or > 10 || BusyRetries is < 0 or > 20)
        {
            throw new ArgumentException($"{nameof(Retries)} must be 0..10 and {nameof(BusyRetries)} 0..20");
        }

        if (UnavailableAfterTimeouts < 1)
        {
            throw new ArgumentException($"{nameof(UnavailableAfterTimeouts)} must be at least 1");
        }

        if (MaxUnavailableBackoff < UnavailableBackoff || MaxReconnectDelay < ReconnectDelay)
        {
            throw new ArgumentException("maximum backoffs must not be below their initial values");
        }

        foreach (var (unit, o) in Units)
        {
            if (o.Timeout is { } t)
            {
                Positive(t, $"Units[{unit}].Timeout");
            }

            if (o.MinimumGap is { } g)
            {
                NonNegative(g, $"Units[{unit}].MinimumGap");
            }
        }

        return this;
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan || value > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"{name} must be finite and positive (at most 1 h), got {value}");
        }
    }

    private static void NonNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero || value > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"{name} must be 0..1 h, got {value}");
        }
    }
}
