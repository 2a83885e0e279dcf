namespace CableTest.Service.Reports;

/// <summary>A test that did not pass, with the reason in one sentence ("R20 8.12 Ω/km is above the maximum 7.41 Ω/km by 9.6 %.").</summary>
public sealed record ReportFinding(string Test, string Outcome, string Sentence);
