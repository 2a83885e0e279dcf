namespace CableTest.Service.Reports;

/// <summary>Section <c>Reports:Lab</c>: the laboratory that issues the reports (ISO/IEC 17025 7.8.2.1 a, b).</summary>
public sealed class ReportLabOptions
{
    /// <summary>The laboratory's name; a report without one says which key to set.</summary>
    public string Name { get; set; } = "";

    /// <summary>Where the tests were made (one line, or several separated by line breaks).</summary>
    public string Address { get; set; } = "";

    /// <summary>Accreditation number (e.g. "CNAS L1234"); empty when the lab is not accredited.</summary>
    public string AccreditationNumber { get; set; } = "";

    /// <summary>A PNG or JPEG logo printed on the header (at most 1 MB); empty: none.</summary>
    public string? LogoPath { get; set; }
}
