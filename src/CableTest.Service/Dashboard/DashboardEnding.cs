namespace CableTest.Service.Dashboard;

/// <summary>How a run ended: "aborted", "faulted" or "interrupted", the reason in words, by whom and at which step.</summary>
/// <param name="ReasonZh">The reason with the service's own words in Chinese (<see cref="Runs.RunEndingPhrases.ChineseFor"/>); empty when it has none.</param>
internal sealed record DashboardEnding(string Kind, string Reason, string By, string StepId, string ReasonZh);
