using CableTest.Instruments.Drivers;
using Microsoft.Extensions.Logging;

namespace CableTest.Instruments.Safety;

/// <summary>
/// The high-voltage safety actions every path ends in: withstand output commanded off and confirmed
/// (retried), insulation tester stopped and the sample discharged. Serialised (one action at a time),
/// never throws, and remembers the last interlock/output state seen and the last confirmation.
/// </summary>
public sealed partial class HighVoltageSafety : IDisposable
{
    private readonly IWithstandTester _withstand;
    private readonly IInsulationTester _insulation;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HighVoltageSafetyOptions _options;
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly Lock _lock = new();
    private (bool InterlockClosed, bool OutputOn) _last;
    private HighVoltageConfirmation? _confirmation;

    /// <summary>Acts on <paramref name="withstand"/> and <paramref name="insulation"/>.</summary>
    public HighVoltageSafety(IWithstandTester withstand, IInsulationTester insulation, TimeProvider time, ILogger logger, HighVoltageSafetyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(withstand);
        ArgumentNullException.ThrowIfNull(insulation);
        _withstand = withstand;
        _insulation = insulation;
        _time = time;
        _logger = logger;
        _options = options ?? new HighVoltageSafetyOptions();
        if (_options.Attempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "at least one attempt");
        }
    }

    /// <summary>Last known interlock state and output state (from the last status read, or off once confirmed).</summary>
    public (bool InterlockClosed, bool OutputOn) LastState
    {
        get
        {
            lock (_lock)
            {
                return _last;
            }
        }
    }

    /// <summary>The last safe-state action's outcome; null before the first.</summary>
    public HighVoltageConfirmation? LastConfirmation
    {
        get
        {
            lock (_lock)
            {
                return _confirmation;
            }
        }
    }

    /// <summary>Notes a withstand status read.</summary>
    public void Observe(WithstandStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        lock (_lock)
        {
            _last = (status.InterlockClosed, status.OutputOn);
        }
    }

    /// <summary>
    /// Puts the bench in its safe state. Waits for any action in progress (whatever <paramref name="cancellationToken"/>
    /// says: a safe state is never skipped), retries the output-off command, then stops and discharges the
    /// insulation tester. Returns true when the withstand output is confirmed off. Never throws.
    /// </summary>
    public async Task<bool> MakeSafeAsync(string reason, CancellationToken cancellationToken = default)
    {
        await _one.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var confirmed = false;
            var error = "";
            for (var attempt = 1; attempt <= _options.Attempts && !confirmed; attempt++)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(_options.OutputOffTimeout, _time);
                    await _withstand.OutputOffAsync(timeout.Token).ConfigureAwait(false);
                    confirmed = true;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    error = e.Message;
                    LogSafeAttemptFailed(_logger, attempt, reason, e.Message);
                }
            }

            try
            {
                using var timeout = new CancellationTokenSource(_options.DischargeTimeout, _time);
                await _insulation.StopAndDischargeAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogDischargeFailed(_logger, reason, e.Message);
            }

            lock (_lock)
            {
                if (confirmed)
                {
                    _last = (_last.InterlockClosed, false);
                }

                _confirmation = new HighVoltageConfirmation(confirmed, reason, _time.GetUtcNow(), confirmed ? "" : error);
            }

            if (confirmed)
            {
                LogSafe(_logger, reason);
            }
            else
            {
                LogNotSafe(_logger, reason);
            }

            return confirmed;
        }
        finally
        {
            _one.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _one.Dispose();

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Safe state attempt {Attempt} ({Reason}) failed: {Error}")]
    private static partial void LogSafeAttemptFailed(ILogger logger, int attempt, string reason, string error);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Insulation tester stop/discharge ({Reason}) failed: {Error}")]
    private static partial void LogDischargeFailed(ILogger logger, string reason, string error);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "High voltage confirmed off ({Reason})")]
    private static partial void LogSafe(ILogger logger, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Critical, Message = "HIGH VOLTAGE NOT CONFIRMED OFF ({Reason}): check the withstand tester by hand")]
    private static partial void LogNotSafe(ILogger logger, string reason);
}
