namespace CableTest.Instruments.Profiles;

/// <summary>The model's factory serial settings (the bench configuration may override them).</summary>
/// <param name="BaudRate">Bits per second.</param>
/// <param name="Parity">"none", "even" or "odd".</param>
/// <param name="DataBits">7 or 8.</param>
/// <param name="StopBits">1 or 2.</param>
public sealed record SerialDefaults(int BaudRate, string Parity, int DataBits, int StopBits);
