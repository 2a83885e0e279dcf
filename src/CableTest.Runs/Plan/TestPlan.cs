using CableTest.Domain.Samples;
using CableTest.Domain.Standards;

namespace CableTest.Runs.Plan;

/// <summary>
/// A run's plan, checked before anything moves: the sample, what it is judged against, the agreed
/// settings and the ordered steps. A plan exists only when every step can produce a verdict.
/// </summary>
/// <param name="Sample">The registered sample.</param>
/// <param name="Requirements">Conductor, insulation table and voltage family resolved from the product spec.</param>
/// <param name="Settings">Decision rule, kt method, voltage kind.</param>
/// <param name="Steps">Ambient check, the tests per core, withstand, evaluation.</param>
public sealed record TestPlan(CableSample Sample, SampleRequirements Requirements, RunSettings Settings, IReadOnlyList<PlannedStep> Steps);
