namespace CableTest.Service.Dashboard;

/// <summary>One stored reading of a run for the charts: the quantity, its value, the step and core, the instrument time since the step started and the time taken (Unix ms).</summary>
internal sealed record DashboardReading(string Quantity, double Value, string StepId, string Core, double StepTimeS, long TimeUnixMs);
