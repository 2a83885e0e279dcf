using CableTest.Contracts.V1;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CableTest.Service.Reports;

/// <summary>
/// A run's report as a PDF a lab can sign (PDFsharp, fonts embedded as subsets): the lab header and "page X of Y" on
/// every page, SIMULATED across every page of a run made on the simulator, the verdict with the reason of every test
/// that did not pass, the tests' evidence, instruments, hashes, and tested-by / checked-by / approved-by lines.
/// The same <see cref="ReportContent"/> as the HTML report.
/// </summary>
public static class PdfReportRenderer
{
    private static readonly XColor PassFill = XColor.FromArgb(215, 240, 221);
    private static readonly XColor FailFill = XColor.FromArgb(248, 215, 213);
    private static readonly XColor OtherFill = XColor.FromArgb(253, 233, 200);

    internal static byte[] Render(RunReport report, ReportFonts fonts)
    {
        if (fonts.Problem is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var verdict = report.Verdict;
        var text = new PdfText(fonts.Latin!, fonts.Cjk!);
        using var document = new PdfDocument();
        document.Info.Title = $"Test report {verdict.SampleId} ({verdict.RunId})";
        document.Info.Subject = ReportContent.OutcomeText(verdict.Outcome);
        document.Info.Author = report.Lab.Name;
        document.Info.Creator = "CableTest";
        var logoBytes = ReportLogo.Read(report.Lab.LogoPath);
        using var logoStream = logoBytes is null ? null : new MemoryStream(logoBytes, writable: false);
        using var logo = logoStream is null ? null : XImage.FromStream(logoStream);
        var lab = ReportContent.LabLines(report.Lab);
        using (var layout = new PdfLayout(document, text, g =>
        {
            if (report.Simulated)
            {
                PdfPageFurniture.Watermark(g, text);
            }

            PdfPageFurniture.Header(g, text, lab, logo, report.Simulated);
        }))
        {
            Body(layout, text, report);
        }

        var pages = document.PageCount;
        for (var i = 0; i < pages; i++)
        {
            using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            PdfPageFurniture.Footer(g, text, verdict.RunId, i + 1, pages);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Body(PdfLayout layout, PdfText text, RunReport report)
    {
        var verdict = report.Verdict;
        layout.Paragraph(ReportLabels.Title, 16, bold: true);
        layout.Paragraph($"Run {verdict.RunId} · sample {verdict.SampleId} · LIMS order {verdict.LimsOrder}", 9);
        layout.Space(4);
        if (report.Simulated)
        {
            layout.Banner(ReportContent.SimulatedNotice, OtherFill, 9);
        }

        layout.Banner($"{ReportLabels.Overall}: {ReportContent.OutcomeText(verdict.Outcome)}", Fill(verdict.Outcome), 13);
        layout.Paragraph($"{ReportLabels.OutcomeRule}: {verdict.OutcomeRule}", 8.5);
        foreach (var finding in ReportContent.Findings(verdict))
        {
            layout.Paragraph($"• {finding.Test} — {finding.Outcome}: {finding.Sentence}", 9, indent: 4);
        }

        if (verdict.Ending is { } ending)
        {
            layout.Paragraph(ReportEnding.Headline(ending) + ".", 10, bold: true);
            layout.Paragraph(ReportEnding.NoConformity, 9);
            layout.Table(ReportEnding.Rows(report, ending));
        }

        layout.Heading(ReportLabels.Sample);
        layout.Table(ReportContent.Sample(report));
        if (ReportContent.Sampling(report) is { Count: > 0 } sampling)
        {
            layout.Heading(ReportLabels.Sampling);
            layout.Table(sampling);
        }

        layout.Heading(ReportLabels.Run);
        layout.Table(ReportContent.Run(report));
        if (report.Reinspections is { Count: > 0 } reinspections)
        {
            layout.Heading(ReportLabels.Reinspection);
            foreach (var comparison in reinspections)
            {
                layout.Table(ReportContent.Reinspection(comparison));
            }
        }

        layout.Heading(ReportLabels.Tests);
        foreach (var test in verdict.Tests)
        {
            layout.Heading($"{ReportContent.TestTitle(test)} — {ReportContent.OutcomeText(test.Outcome)}", 10);
            layout.Table(ReportContent.Test(test));
            if (ReportPlot.For(test, report.Readings) is { } plot)
            {
                layout.Figure(150, (g, area) => PdfPlot.Draw(g, text, plot, area));
            }
        }

        if (ReportContent.Instruments(verdict) is { Count: > 0 } instruments)
        {
            layout.Heading(ReportLabels.Instruments);
            layout.Table(instruments);
        }

        layout.Heading(ReportLabels.Evidence);
        layout.Table(ReportContent.Evidence(verdict));
        layout.Heading(ReportLabels.Signatures, keepWith: 130);
        layout.SignatureRows(ReportContent.Signatures(report));
        layout.Space(6);
        layout.Paragraph($"Generated {report.Time.Format(report.GeneratedAt)} by CableTest. The results relate only to the item tested; " +
            "this report shall not be reproduced except in full. Check the record with `cabletest verify`. · 本报告仅对所检样品负责，未经批准不得部分复制。", 7.5,
            brush: XBrushes.Gray);
    }

    private static XColor Fill(Outcome outcome) => outcome switch
    {
        Outcome.Pass => PassFill,
        Outcome.Fail or Outcome.ConditionalFail => FailFill,
        _ => OtherFill,
    };
}
