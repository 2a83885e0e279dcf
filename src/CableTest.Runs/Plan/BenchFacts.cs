namespace CableTest.Runs.Plan;

/// <summary>What the bench offers a plan, as the host knows it now.</summary>
/// <param name="Instruments">The bench's instruments.</param>
/// <param name="BlockOnOverdueCalibration">The calibration policy is "block": an overdue instrument the plan needs refuses the run.</param>
/// <param name="Today">The date calibration is judged at.</param>
/// <param name="WaterBathTemperatureC">Temperature an IEC 60227 insulation test is made at (its table's temperature).</param>
public sealed record BenchFacts(IReadOnlyList<PlanInstrument> Instruments, bool BlockOnOverdueCalibration, DateOnly Today, double WaterBathTemperatureC = 70);
