namespace CableTest.Storage.Runs;

/// <summary>A verdict of a sample that has a sealed sampling record, with the record's product spec and manufacturer.</summary>
public sealed record SampledVerdict(StoredVerdict Verdict, string SpecId, string Manufacturer);
