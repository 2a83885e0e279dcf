using CableTest.Domain.Samples;
using CableTest.Domain.Verdicts;

namespace CableTest.Runs.Plan;

/// <summary>What a plan is built from: the registered sample, the tests asked for, the agreed settings and what the bench can do.</summary>
/// <param name="Sample">The registered sample.</param>
/// <param name="Tests">The test kinds asked for (empty: all three).</param>
/// <param name="Settings">Decision rule, kt method, voltage kind, edition.</param>
/// <param name="Bench">The bench's instruments, calibration policy and method settings.</param>
public sealed record PlanRequest(CableSample Sample, IReadOnlyCollection<TestKind> Tests, RunSettings Settings, BenchFacts Bench);
