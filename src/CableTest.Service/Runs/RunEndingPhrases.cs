namespace CableTest.Service.Runs;

/// <summary>
/// The words the service itself writes into a run's ending, and the same in Chinese for the dashboard. The record
/// keeps the English (it is hashed and fed to the LIMS as written); the operator's own abort reason and an
/// instrument's or store's message are kept as they were given and not translated.
/// </summary>
internal static class RunEndingPhrases
{
    public const string ServiceShuttingDown = "service shutting down";
    public const string Interrupted = "interrupted (service stopped or crashed)";
    public const string HighVoltageConfirmedOffAtRestart = "high voltage confirmed off at restart";
    public const string HighVoltageNotConfirmedOffAtRestart = "HIGH VOLTAGE NOT CONFIRMED OFF at restart";
    public const string HighVoltageNotConfirmedOff = "HIGH VOLTAGE NOT CONFIRMED OFF";
    public const string StoppedBeforeItsEnd = "stopped before its end";
    public const string StoppedByAFault = "stopped by a fault";

    /// <summary>A phrase that contains another comes before it, so that it is said whole.</summary>
    private static readonly (string English, string Chinese)[] InChinese =
    [
        (HighVoltageNotConfirmedOffAtRestart, "重启时未能确认高压已关闭"),
        (Interrupted, "中断（服务停止或崩溃）"),
        (HighVoltageConfirmedOffAtRestart, "重启时已确认高压关闭"),
        (HighVoltageNotConfirmedOff, "未能确认高压已关闭"),
        (ServiceShuttingDown, "服务停止"),
        (StoppedBeforeItsEnd, "未到结束即停止"),
        (StoppedByAFault, "因故障停止"),
    ];

    /// <summary>
    /// <paramref name="reason"/> with each of the service's phrases in it said in Chinese (what follows "stopped by a
    /// fault:" stays as the instrument or store wrote it); empty when it holds none of them.
    /// </summary>
    public static string ChineseFor(string reason)
    {
        var said = reason;
        foreach (var (english, chinese) in InChinese)
        {
            said = said.Replace(english, chinese, StringComparison.Ordinal);
        }

        return said == reason ? "" : said;
    }
}
