namespace CableTest.Service.Dashboard;

/// <summary>How a run ended: "aborted", "faulted" or "interrupted", the reason in words, by whom and at which step.</summary>
internal sealed record DashboardEnding(string Kind, string Reason, string By, string StepId);
