using CableTest.Domain.Verdicts;

namespace CableTest.Domain.Comparison;

/// <summary>
/// One inspection of a sample: a run of this lab (its verdict record) or results imported from another lab.
/// </summary>
/// <param name="Label">How people know it: a run id, or "lab · report id".</param>
/// <param name="SampleId">The sample it inspected, "" when not stated (an external lab may code it otherwise).</param>
/// <param name="Outcome">The overall outcome, null when not stated.</param>
public sealed record Inspection(string Label, string SampleId, Outcome? Outcome, IReadOnlyList<InspectedQuantity> Results);
