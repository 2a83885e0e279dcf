using CableTest.Contracts.V1;

namespace CableTest.Service.Reports;

/// <summary>
/// Why a run has no sample verdict, in words, for both formats: how it ended, why, by whom, at which step, and whether
/// high voltage was confirmed off afterwards (issue 11: every ending on the record, each with a report).
/// </summary>
public static class ReportEnding
{
    public const string NoConformity = "No conformity statement is made for this sample; the tests it finished keep their verdicts. · 本样品不作符合性判定。";

    public static string Headline(RunEnding ending) => ending.Kind switch
    {
        "aborted" => "The run was aborted before every test was made · 测试被中止",
        "interrupted" => "The run was interrupted by a service crash or stop and closed at the next start · 测试因服务中断而未完成",
        "faulted" => "The run was stopped by a fault · 测试因故障停止",
        _ => "The run ended before every test was made · 测试未完成",
    };

    public static IReadOnlyList<ReportRow> Rows(RunReport report, RunEnding ending) =>
    [
        new("Reason · 原因", Runs.RunEndingPhrases.ChineseFor(ending.Reason) is { Length: > 0 } zh ? ending.Reason + " · " + zh : ending.Reason),
        new("Ended by · 操作人", ending.By.Length > 0 ? ending.By : "(no person: a fault or a crash)"),
        new("At step · 步骤", ending.StepId.Length > 0 ? ending.StepId : "(between steps)"),
        new("Ended at · 时间", report.Time.Format(ending.EndedAt)),
        new("High voltage off · 高压已关闭", !ending.HasHighVoltageConfirmedOff ? "not checked" : ending.HighVoltageConfirmedOff ? "confirmed off 已确认" : "NOT CONFIRMED OFF 未确认"),
    ];
}
