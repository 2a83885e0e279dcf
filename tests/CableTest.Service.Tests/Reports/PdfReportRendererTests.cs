using CableTest.Contracts.V1;
using CableTest.Service.Reports;
using CableTest.Testing;
using Google.Protobuf.WellKnownTypes;
using UglyToad.PdfPig;

namespace CableTest.Service.Tests.Reports;

/// <summary>The PDF renderer on a hand-made record: a logo on every page, nothing SIMULATED on a real bench, long text wrapped onto more pages.</summary>
public sealed class PdfReportRendererTests
{
    // A 1×1 PNG.
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private static ReportFonts Fonts()
    {
        RequiredTool.Find("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "fonts-wqy-microhei");
        return new ReportFonts(new ReportFontOptions(), ReportFonts.CjkCandidates, ReportFonts.LatinCandidates);
    }

    private static Verdict Verdict(int tests)
    {
        var verdict = new Verdict
        {
            VerdictId = "v-1", RunId = "run-hand-1", SampleId = "S-HAND", LimsOrder = "L-9", BenchId = "bench-7", OperatorName = "Chen Jie 陈杰",
            Outcome = Outcome.Fail, ProductSpec = "BV 450/750 V 1x2.5 mm2", ContentSha256 = new string('c', 64),
            RunStartedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero)),
            RunCompletedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.Zero)),
        };
        for (var i = 0; i < tests; i++)
        {
            verdict.Tests.Add(new TestVerdict
            {
                Kind = TestKind.ConductorResistance, Core = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Outcome = Outcome.Fail,
                Instruments = { new InstrumentIdentity { InstrumentId = "OHM-1", Role = "conductor_resistance_meter", Manufacturer = "Keysight", Model = "34465A", SerialNumber = "MY123" } },
                ConductorResistance = new ConductorResistanceEvidence { R20OhmPerKm = 8.12, LimitOhmPerKm = 7.41, AcceptanceLimitOhmPerKm = 7.41, MeasuredResistanceOhm = 0.812, LengthM = 100 },
            });
        }

        return verdict;
    }

    private static RunReport Report(Verdict verdict, string? logo) => new(verdict, null, [],
        new ReportLabOptions { Name = "Test Lab 测试实验室", LogoPath = logo }, null, Simulated: false,
        ReportTime.For(new ReportOptions { TimeZone = "Europe/Berlin" }), new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Render_RealBenchWithLogo_LogoOnEveryPageNoSimulatedMark()
    {
        using var dir = new TempDirectory("cabletest-pdf-logo");
        var logo = dir.File("logo.png");
        File.WriteAllBytes(logo, Convert.FromBase64String(Png));

        var pdf = PdfReportRenderer.Render(Report(Verdict(12), logo), Fonts());

        var pages = PdfTextReader.Pages(pdf, "hand-real-bench");
        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        Assert.All(pages, p => Assert.DoesNotContain("SIMULATED", p, StringComparison.Ordinal));
        Assert.All(pages, p => Assert.Contains("Test Lab 测试实验室", p, StringComparison.Ordinal));
        Assert.Contains("2026-12-01 02:30:00 UTC+01:00", pages[0], StringComparison.Ordinal);
        Assert.Contains("R20 8.12 Ω/km is above the maximum 7.41 Ω/km by 9.6 %.", pages[0], StringComparison.Ordinal);
        Assert.Contains("R20 8.12 Ω/km 超过最大值 7.41 Ω/km，超出 9.6 %。", pages[0], StringComparison.Ordinal);
        Assert.Contains("BV 450/750 V 1x2.5 mm²", pages[0], StringComparison.Ordinal);
        using var document = PdfDocument.Open(pdf);
        Assert.All(document.GetPages(), p => Assert.Single(p.GetImages()));
    }

    [Fact]
    public void Render_NoFont_RefusedWithTheProblem()
    {
        var fonts = new ReportFonts(new ReportFontOptions(), [], []);
        var e = Assert.Throws<InvalidOperationException>(() => PdfReportRenderer.Render(Report(Verdict(1), null), fonts));
        Assert.Contains("Reports:Fonts:Cjk", e.Message, StringComparison.Ordinal);
    }
}
