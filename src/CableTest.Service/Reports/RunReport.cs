using CableTest.Contracts.V1;
using CableTest.Storage.Runs;

namespace CableTest.Service.Reports;

/// <summary>
/// Everything a report of one run shows, whatever its format: the verdict record with the sample and readings, the
/// lab that issues it, the approval, whether the data came from the simulator, and the zone its times are shown in.
/// The HTML and the PDF renderers both read it, through <see cref="ReportContent"/> for the words.
/// </summary>
/// <param name="Simulated">The bench was the simulator: every page says SIMULATED.</param>
/// <param name="GeneratedAt">When this copy of the report was made.</param>
/// <param name="Reinspections">This run compared with each other run of its sample that has a verdict record (oldest first).</param>
/// <param name="Sampling">The sample's sealed sampling record: only in a copy made for a lims, engineer or supervisor caller.</param>
public sealed record RunReport(
    Verdict Verdict,
    Sample? Sample,
    IReadOnlyList<Reading> Readings,
    ReportLabOptions Lab,
    RunApprovalRecord? Approval,
    bool Simulated,
    ReportTime Time,
    DateTimeOffset GeneratedAt,
    SamplingRecord? Sampling = null,
    IReadOnlyList<CompareInspectionsResponse>? Reinspections = null);
