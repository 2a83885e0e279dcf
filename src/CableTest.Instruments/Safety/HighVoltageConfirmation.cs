namespace CableTest.Instruments.Safety;

/// <summary>The outcome of the last safe-state action: whether the withstand output was confirmed off, why it was asked for, when, and the last error.</summary>
/// <param name="Confirmed">True when the tester confirmed its output off.</param>
/// <param name="Reason">Why the safe state was asked for (e.g. "service start").</param>
/// <param name="At">When the action ended.</param>
/// <param name="Error">The last attempt's error, when not confirmed (empty otherwise).</param>
public sealed record HighVoltageConfirmation(bool Confirmed, string Reason, DateTimeOffset At, string Error);
