namespace CableTest.Service.Reports;

/// <summary>Says at start which fonts PDF reports will embed, or why there will be no PDF reports (the service still starts).</summary>
internal sealed partial class ReportFontCheck(ReportFonts fonts, ILogger<ReportFontCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (fonts.Problem is { } problem)
        {
            LogNoFont(logger, problem);
        }
        else
        {
            LogFonts(logger, fonts.CjkPath!, fonts.LatinPath!);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "PDF reports are unavailable: {Problem}")]
    private static partial void LogNoFont(ILogger logger, string problem);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "PDF reports embed {CjkFont} (Chinese) and {LatinFont}")]
    private static partial void LogFonts(ILogger logger, string cjkFont, string latinFont);
}
