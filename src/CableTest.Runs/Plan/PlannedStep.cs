using CableTest.Runs.Model;

namespace CableTest.Runs.Plan;

/// <summary>One step of a test plan.</summary>
/// <param name="StepId">e.g. "ambient", "cr-1", "ir-2", "vw", "evaluate".</param>
/// <param name="Kind">What the step does.</param>
/// <param name="Core">"" (none), "1".."n", or "all".</param>
/// <param name="Title">For people, e.g. "Conductor resistance, core 1".</param>
public sealed record PlannedStep(string StepId, StepKind Kind, string Core, string Title);
