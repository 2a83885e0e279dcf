namespace CableTest.Storage.Runs;

/// <summary>
/// Another lab's results for a sample, recorded with it (a re-inspection imported in the cabletest.external-inspection/1
/// schema, validated before it is stored).
/// </summary>
/// <param name="InspectionId">Assigned when recorded.</param>
/// <param name="Label">"lab · report id": one per sample (the same report is not recorded twice).</param>
/// <param name="Json">The document as it was validated.</param>
/// <param name="RecordedBy">The credential that recorded it.</param>
public sealed record ExternalInspectionRecord(string InspectionId, string SampleId, string Label, string Json, string RecordedBy, DateTimeOffset RecordedAt);
