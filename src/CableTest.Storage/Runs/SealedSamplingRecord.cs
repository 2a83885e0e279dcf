namespace CableTest.Storage.Runs;

/// <summary>
/// A sample's sealed sampling record (who sampled it, from which manufacturer, under which seal), kept in its own
/// table apart from the coded sample so that nothing that reads samples shows it by accident.
/// </summary>
/// <param name="SpecId">The sample's product spec id (copied here so a risk query needs no JSON).</param>
/// <param name="Manufacturer">The manufacturer named on the product (indexed).</param>
/// <param name="Json">The full record as the service wrote it.</param>
public sealed record SealedSamplingRecord(string SampleId, string SpecId, string Manufacturer, string Json, DateTimeOffset RecordedAt);
