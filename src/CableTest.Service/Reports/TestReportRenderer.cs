using System.Text;
using CableTest.Contracts.V1;

namespace CableTest.Service.Reports;

/// <summary>
/// The per-sample test report as one self-contained, print-ready HTML page: the lab header, the verdict and the
/// reason of every test that did not pass, sample and cable data, each test's raw and corrected values with limit,
/// standard, clause, decision rule and uncertainty, plots, instruments and calibration, the signature block and the
/// content hash. The words come from <see cref="ReportContent"/>, as in the PDF (<see cref="PdfReportRenderer"/>).
/// </summary>
public static class TestReportRenderer
{
    public static string Render(RunReport report)
    {
        var verdict = report.Verdict;
        var h = new StringBuilder();
        h.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"CableTest report {verdict.SampleId} {verdict.RunId}"))
            .Append("</title><style>").Append(ReportCss.Text).Append("</style></head><body>");
        if (report.Simulated)
        {
            h.Append("<div class=\"watermark\" aria-hidden=\"true\">").Append(ReportContent.SimulatedMark).Append("</div>")
                .Append("<p class=\"simulated\" data-testid=\"simulated\">").Append(E(ReportContent.SimulatedNotice)).Append("</p>");
        }

        Header(h, report);
        h.Append("<h1>").Append(ReportLabels.Title).Append("</h1>");
        h.Append("<h2>").Append(ReportLabels.Overall).Append(": <span class=\"outcome ").Append(verdict.Outcome).Append("\" data-testid=\"overall\">")
            .Append(E(ReportContent.OutcomeText(verdict.Outcome))).Append("</span></h2>");
        h.Append("<p class=\"rule\">").Append(ReportLabels.OutcomeRule).Append(": ").Append(E(verdict.OutcomeRule)).Append("</p>");
        var findings = ReportContent.Findings(verdict);
        if (findings.Count > 0)
        {
            h.Append("<ul class=\"findings\" data-testid=\"findings\">");
            foreach (var f in findings)
            {
                h.Append("<li><b>").Append(E(f.Test)).Append(" — ").Append(E(f.Outcome)).Append(":</b> ").Append(E(f.Sentence)).Append("</li>");
            }

            h.Append("</ul>");
        }

        Section(h, ReportLabels.Sample);
        Table(h, ReportContent.Sample(report));
        if (ReportContent.Sampling(report) is { Count: > 0 } sampling)
        {
            Section(h, ReportLabels.Sampling);
            Table(h, sampling);
        }

        Section(h, ReportLabels.Run);
        Table(h, ReportContent.Run(report));
        if (verdict.Ending is { } ending)
        {
            h.Append("<div class=\"ending\" data-testid=\"ending\"><p><b>").Append(E(ReportEnding.Headline(ending))).Append(".</b> ").Append(E(ReportEnding.NoConformity)).Append("</p>");
            Table(h, ReportEnding.Rows(report, ending));
            h.Append("</div>");
        }

        if (report.Reinspections is { Count: > 0 } reinspections)
        {
            Section(h, ReportLabels.Reinspection);
            foreach (var comparison in reinspections)
            {
                h.Append("<div class=\"reinspection\" data-testid=\"reinspection\">");
                Table(h, ReportContent.Reinspection(comparison));
                h.Append("</div>");
            }
        }

        Section(h, ReportLabels.Tests);
        foreach (var test in verdict.Tests)
        {
            h.Append("<div class=\"test\"><h3>").Append(E(ReportContent.TestTitle(test)))
                .Append(" <span class=\"outcome ").Append(test.Outcome).Append("\">").Append(E(ReportContent.OutcomeText(test.Outcome))).Append("</span></h3>");
            Table(h, ReportContent.Test(test));
            Plots(h, test, report.Readings);
            h.Append("</div>");
        }

        if (ReportContent.Instruments(verdict) is { Count: > 0 } instruments)
        {
            Section(h, ReportLabels.Instruments);
            Table(h, instruments);
        }

        Section(h, ReportLabels.Evidence);
        Table(h, ReportContent.Evidence(verdict));
        Section(h, ReportLabels.Signatures);
        h.Append("<table class=\"signatures\" data-testid=\"signatures\">");
        foreach (var row in ReportContent.Signatures(report))
        {
            h.Append("<tr><th>").Append(E(row.Label)).Append("</th><td>").Append(E(row.Value)).Append("</td><td class=\"sign\"></td></tr>");
        }

        h.Append("</table>");
        h.Append("<p class=\"foot\">Generated ").Append(E(report.Time.Format(report.GeneratedAt)))
            .Append(" by CableTest · Verify: <code>cabletest verify</code></p></body></html>");
        return h.ToString();
    }

    private static void Header(StringBuilder h, RunReport report)
    {
        h.Append("<header class=\"lab\" data-testid=\"lab\">");
        if (ReportLogo.DataUri(report.Lab.LogoPath) is { } logo)
        {
            h.Append("<img class=\"logo\" alt=\"\" src=\"").Append(logo).Append("\">");
        }

        var lines = ReportContent.LabLines(report.Lab);
        h.Append("<div><b>").Append(E(lines[0])).Append("</b>");
        foreach (var line in lines.Skip(1))
        {
            h.Append("<br>").Append(E(line));
        }

        h.Append("</div></header>");
    }

    private static void Plots(StringBuilder h, TestVerdict t, IReadOnlyList<Reading> readings)
    {
        if (ReportPlot.For(t, readings) is { } plot)
        {
            h.Append("<figure>").Append(SvgPlot.Render(plot.XLabel, plot.LeftLabel, plot.RightLabel, [.. plot.Series])).Append("</figure>");
        }
    }

    private static void Section(StringBuilder h, string title) => h.Append("<h2>").Append(E(title)).Append("</h2>");

    private static void Table(StringBuilder h, IEnumerable<ReportRow> rows)
    {
        h.Append("<table>");
        foreach (var (label, value) in rows)
        {
            h.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>");
        }

        h.Append("</table>");
    }

    /// <summary>
    /// Text as HTML: the markup characters escaped, everything else (Chinese, Ω, ·, +) left as UTF-8 text, so the page
    /// source reads as the page does (HtmlEncoder escapes every non-ASCII character and '+').
    /// </summary>
    private static string E(string? s) => (s ?? "")
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
