namespace CableTest.Service.Reports;

/// <summary>One labelled line of a report table (label bilingual, value with units).</summary>
public readonly record struct ReportRow(string Label, string Value);
