namespace CableTest.Service.Reports;

/// <summary>Configuration section <c>Reports</c>: the lab on the report's header, its time zone and the PDF fonts.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>The laboratory named on every page of a report.</summary>
    public ReportLabOptions Lab { get; set; } = new();

    /// <summary>
    /// Time zone of the times on a report (IANA, e.g. <c>Asia/Shanghai</c>, or a Windows id); empty: the
    /// machine's. Every time is printed as local time with its UTC offset.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>Fonts embedded in PDF reports.</summary>
    public ReportFontOptions Fonts { get; set; } = new();
}
