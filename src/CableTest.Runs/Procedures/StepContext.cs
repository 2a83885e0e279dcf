using CableTest.Instruments.Fixtures;
using CableTest.Runs.Ports;

namespace CableTest.Runs.Procedures;

/// <summary>The narrow ports every procedure gets for one step.</summary>
/// <param name="StepId">The step being run (readings are filed under it).</param>
/// <param name="Readings">Where readings go.</param>
/// <param name="Prompts">The operator.</param>
/// <param name="Cores">The fixture / core switch.</param>
/// <param name="Progress">Progress for the watchers.</param>
/// <param name="Time">Instrument-side time (dwell timers, timestamps).</param>
public sealed record StepContext(string StepId, IReadingSink Readings, IOperatorPrompts Prompts, ICoreSwitch Cores, IStepProgress Progress, TimeProvider Time);
