using CableTest.Runs.Model;
using CableTest.Service.Runs;

namespace CableTest.Service.Tests.Runs;

/// <summary>The service's own words in a run's ending, said in Chinese for the dashboard and the report; anything else kept as written.</summary>
public sealed class RunEndingPhrasesTests
{
    [Theory]
    [InlineData(RunEndingPhrases.Interrupted + "; " + RunEndingPhrases.HighVoltageConfirmedOffAtRestart, "中断（服务停止或崩溃）; 重启时已确认高压关闭")]
    [InlineData(RunEndingPhrases.Interrupted + "; " + RunEndingPhrases.HighVoltageNotConfirmedOffAtRestart, "中断（服务停止或崩溃）; 重启时未能确认高压已关闭")]
    [InlineData(RunEndingPhrases.ServiceShuttingDown + "; " + RunEndingPhrases.HighVoltageNotConfirmedOff, "服务停止; 未能确认高压已关闭")]
    [InlineData(RunEndingPhrases.StoppedBeforeItsEnd, "未到结束即停止")]
    [InlineData(RunEndingPhrases.StoppedByAFault + ": SIM-HV on tcp://127.0.0.1:5020: no reply within 1000 ms", "因故障停止: SIM-HV on tcp://127.0.0.1:5020: no reply within 1000 ms")]
    public void ServicePhrases_SaidInChinese_TheRestAsWritten(string reason, string chinese) =>
        Assert.Equal(chinese, RunEndingPhrases.ChineseFor(reason));

    [Theory]
    [InlineData(RunEndingPhrases.Interrupted + "; " + RunEndingPhrases.HighVoltageNotConfirmedOffAtRestart, false, RunEndingPhrases.Interrupted + "; " + RunEndingPhrases.HighVoltageNotConfirmedOffAtRestart)]
    [InlineData(RunEndingPhrases.ServiceShuttingDown, false, RunEndingPhrases.ServiceShuttingDown + "; " + RunEndingPhrases.HighVoltageNotConfirmedOff)]
    [InlineData("", false, RunEndingPhrases.HighVoltageNotConfirmedOff)]
    [InlineData(RunEndingPhrases.ServiceShuttingDown, true, RunEndingPhrases.ServiceShuttingDown)]
    [InlineData(RunEndingPhrases.ServiceShuttingDown, null, RunEndingPhrases.ServiceShuttingDown)]
    public void EndReason_WarnsOnceWhenHighVoltageWasNotConfirmedOff(string reason, bool? confirmedOff, string expected) =>
        Assert.Equal(expected, RunMapping.EndReason(new RunEnding(RunEndingKind.Aborted, reason, null, null, DateTimeOffset.UnixEpoch) { HighVoltageConfirmedOff = confirmedOff }));

    [Theory]
    [InlineData("wrong sample on the bench")]
    [InlineData("操作员在面板上中止")]
    [InlineData("")]
    public void AnOperatorsReason_HasNoChineseOfOurs(string reason) => Assert.Equal("", RunEndingPhrases.ChineseFor(reason));
}
