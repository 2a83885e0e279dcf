using CableTest.Service.Reports;
using CableTest.Testing;

namespace CableTest.Service.Tests.Reports;

/// <summary>Reports:* settings checked at start, each error naming its key; report times with their UTC offset.</summary>
public sealed class ReportOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass() =>
        Assert.True(new ReportOptionsValidator().Validate(null, new ReportOptions()).Succeeded);

    [Fact]
    public void Validate_BadValues_EachErrorNamesItsKey()
    {
        using var dir = new TempDirectory("cabletest-report-options");
        var options = new ReportOptions
        {
            Lab = new ReportLabOptions { Name = "Lab\u0007", LogoPath = dir.File("logo.png"), AccreditationNumber = new string('x', 200) },
            TimeZone = "Mars/Olympus_Mons",
            Fonts = new ReportFontOptions { Cjk = dir.File("none.ttc"), CjkFaceIndex = -1 },
        };

        var result = new ReportOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var errors = result.Failures!.ToList();
        foreach (var key in new[] { "Reports:Lab:Name", "Reports:Lab:LogoPath", "Reports:Lab:AccreditationNumber", "Reports:TimeZone", "Reports:Fonts:Cjk", "Reports:Fonts:CjkFaceIndex" })
        {
            Assert.Single(errors, e => e.StartsWith(key + ":", StringComparison.Ordinal) || e.StartsWith(key + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Service_UnknownTimeZone_ExitsWithOneLineNamingTheKey()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => InProcessService.StartAsync(true, "--Reports:TimeZone=Mars/Olympus_Mons"));
        Assert.Contains("Reports:TimeZone", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Asia/Shanghai", "2026-12-03 12:28:30 UTC+08:00")]
    [InlineData("America/New_York", "2026-12-02 23:28:30 UTC-05:00")]
    [InlineData("UTC", "2026-12-03 04:28:30 UTC+00:00")]
    public void Format_TimeInZone_LocalTimeWithOffset(string zone, string expected)
    {
        var time = ReportTime.For(new ReportOptions { TimeZone = zone });
        Assert.Equal(expected, time.Format(new DateTimeOffset(2026, 12, 3, 4, 28, 30, TimeSpan.Zero)));
    }
}
