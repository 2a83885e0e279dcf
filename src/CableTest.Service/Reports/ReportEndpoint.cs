using System.Security.Claims;
using CableTest.Service.Security;

namespace CableTest.Service.Reports;

/// <summary>A run's report as print-ready bilingual HTML (<c>/reports/{runId}.html</c>) or as a PDF to sign (<c>/reports/{runId}.pdf</c>).</summary>
internal static class ReportEndpoint
{
    public static async Task<IResult> HtmlAsync(string runId, ClaimsPrincipal user, RunReportSource source, CancellationToken cancellationToken)
    {
        var (report, refusal) = await source.LoadAsync(runId, user.SeesSamplingRecords(), cancellationToken).ConfigureAwait(false);
        return refusal ?? Results.Content(TestReportRenderer.Render(report!), "text/html; charset=utf-8");
    }

    public static async Task<IResult> PdfAsync(string runId, ClaimsPrincipal user, RunReportSource source, ReportFonts fonts, CancellationToken cancellationToken)
    {
        var (report, refusal) = await source.LoadAsync(runId, user.SeesSamplingRecords(), cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (fonts.Problem is { } problem)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "no font for PDF reports", detail: problem);
        }

        var pdf = PdfReportRenderer.Render(report!, fonts);
        return Results.File(pdf, "application/pdf", $"{report!.Verdict.SampleId}-{report.Verdict.RunId}.pdf");
    }
}
