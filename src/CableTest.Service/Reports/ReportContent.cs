using System.Globalization;
using CableTest.Contracts.V1;
using CableTest.Presentation;

namespace CableTest.Service.Reports;

/// <summary>
/// The words of a report, made once for every format: bilingual labels, values with one spelling of units
/// (Ω/km, MΩ·km, °C, mm²) and engineering notation (7.04×10¹³), a sentence for every test that did not pass
/// (the CLI's <see cref="VerdictReason"/>), the lab header and the signature block.
/// </summary>
public static class ReportContent
{
    public const string SimulatedMark = "SIMULATED";
    public const string SimulatedNotice = "SIMULATED · 模拟数据: made on the CableTest simulator, not on instruments; not a test of a real sample.";

    /// <summary>The lab header's lines: name, address lines, accreditation.</summary>
    public static IReadOnlyList<string> LabLines(ReportLabOptions lab)
    {
        var lines = new List<string>
        {
            string.IsNullOrWhiteSpace(lab.Name) ? "Laboratory not configured (set Reports:Lab:Name) · 未配置实验室名称" : lab.Name.Trim(),
        };
        lines.AddRange(lab.Address.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (!string.IsNullOrWhiteSpace(lab.AccreditationNumber))
        {
            lines.Add("Accreditation No. · 认可编号: " + lab.AccreditationNumber.Trim());
        }

        return lines;
    }

    public static IReadOnlyList<ReportRow> Sample(RunReport report)
    {
        var v = report.Verdict;
        var s = report.Sample;
        return
        [
            new(ReportLabels.SampleId, v.SampleId),
            new(ReportLabels.LimsOrder, v.LimsOrder),
            new(ReportLabels.ProductSpec, UnitText.Normalize(v.ProductSpec)),
            new(ReportLabels.Conductor, s is null ? "" : ReportEvidence.Conductor(s.Conductor)),
            new(ReportLabels.Cores, s?.Cores.ToString(CultureInfo.InvariantCulture) ?? ""),
            new(ReportLabels.Length, s is null ? "" : $"{N(s.LengthM)} m"),
        ];
    }

    /// <summary>The sealed sampling record's rows; empty when the copy has none (a technician's copy never does).</summary>
    public static IReadOnlyList<ReportRow> Sampling(RunReport report)
    {
        if (report.Sampling is not { } s)
        {
            return [];
        }

        return
        [
            new(ReportLabels.SamplingBody, s.SamplingBody),
            new(ReportLabels.Sampler, s.Sampler),
            new(ReportLabels.Manufacturer, s.Manufacturer),
            new(ReportLabels.Brand, s.Brand),
            new(ReportLabels.Lot, s.Lot),
            new(ReportLabels.ProductionDate, s.ProductionDate),
            new(ReportLabels.SampledWhere, s.SampledAtPlace),
            new(ReportLabels.SampledWhen, s.SampledAt is null ? "" : report.Time.Format(s.SampledAt)),
            new(ReportLabels.SealNumber, s.SealNumber),
            new(ReportLabels.RetainedPortion, s.RetainedPortionLocation),
        ];
    }

    /// <summary>
    /// One re-inspection's rows: the run or other lab's report compared with, the result (every |En| ≤ 1, or which quantities disagree), then per
    /// quantity this run's result and the re-inspection's with their U, En and whether the verdicts agree.
    /// </summary>
    public static IReadOnlyList<ReportRow> Reinspection(CompareInspectionsResponse comparison)
    {
        var b = comparison.B;
        var rows = new List<ReportRow>
        {
            new(ReportLabels.ComparedWith, $"{(b.Source == "external" ? "another lab, " : "")}{b.Label} ({(b.BenchId.Length > 0 ? "bench " + b.BenchId + ", " : "")}{ComparisonText.Outcome(b.Outcome)})"),
            new(ReportLabels.ComparisonResult, ComparisonText.Summary(comparison)),
        };
        foreach (var q in comparison.Quantities)
        {
            var verdicts = ComparisonText.Verdicts(q);
            rows.Add(new(ComparisonText.Subject(q),
                $"this run {ComparisonText.A(q)} · re-inspection {ComparisonText.B(q)} · {ComparisonText.Agreement(q)}{(verdicts.Length > 0 ? " · " + verdicts : "")}"));
        }

        return rows;
    }

    public static IReadOnlyList<ReportRow> Run(RunReport report)
    {
        var v = report.Verdict;
        return
        [
            new("Run id · 试验编号", v.RunId),
            new(ReportLabels.Bench, report.Simulated ? $"{v.BenchId} ({SimulatedMark})" : v.BenchId),
            new(ReportLabels.Operator, v.OperatorName),
            new(ReportLabels.Started, report.Time.Format(v.RunStartedAt)),
            new(ReportLabels.Completed, report.Time.Format(v.RunCompletedAt)),
            new(ReportLabels.Evaluated, report.Time.Format(v.EvaluatedAt)),
        ];
    }

    public static string TestTitle(TestVerdict t)
    {
        var kind = t.Kind switch
        {
            TestKind.ConductorResistance => ReportLabels.ConductorResistance,
            TestKind.InsulationResistance => ReportLabels.InsulationResistance,
            TestKind.VoltageWithstand => ReportLabels.VoltageWithstand,
            _ => t.Kind.ToString(),
        };
        return string.IsNullOrEmpty(t.Core) ? kind : $"{kind} — core {t.Core}";
    }

    /// <summary>A test's rows: reference, decision rule, evidence, the reason it did not pass, warnings (each once).</summary>
    public static IReadOnlyList<ReportRow> Test(TestVerdict t)
    {
        var rows = new List<ReportRow>
        {
            new(ReportLabels.Standard, $"{t.Reference?.Standard} {t.Reference?.Edition}".Trim()),
            new(ReportLabels.Clause, UnitText.Normalize(t.Reference?.Clause ?? "")),
            new(ReportLabels.Method, UnitText.Normalize(t.Reference?.Method ?? "")),
            new(ReportLabels.DecisionRule, RuleText(t.DecisionRule)),
        };
        if (t.DecisionRule is { ExpandedUncertainty: > 0 } rule)
        {
            rows.Add(new(ReportLabels.Uncertainty, $"{N(rule.ExpandedUncertainty)} (k = {N(rule.CoverageFactor)})"));
        }

        rows.AddRange(ReportEvidence.Rows(t));
        rows.Add(new(ReportLabels.Verdict, OutcomeText(t.Outcome)));
        if (ReasonSentences(t) is { Length: > 0 } reason)
        {
            rows.Add(new(ReportLabels.Reason, reason));
        }

        var warnings = t.Warnings.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => UnitText.Normalize(w.Trim())).Distinct(StringComparer.Ordinal).ToList();
        if (t.Reference is { LimitVerified: false } && !warnings.Any(w => w.Contains("unverified", StringComparison.OrdinalIgnoreCase)))
        {
            warnings.Add("limit from an unverified data row (M) · 限值数据未经核实");
        }

        rows.AddRange(warnings.Select(w => new ReportRow(ReportLabels.Warnings, w)));
        return rows;
    }

    /// <summary>Every test that did not pass, each with its reason as a sentence; empty when all passed.</summary>
    public static IReadOnlyList<ReportFinding> Findings(Verdict verdict) =>
    [
        .. verdict.Tests
            .Where(t => t.Outcome is not (Outcome.Pass or Outcome.Unspecified))
            .Select(t => new ReportFinding(TestTitle(t), OutcomeText(t.Outcome), ReasonSentences(t) is { Length: > 0 } r ? r : "No reason recorded. 未记录原因。"))
    ];

    public static IReadOnlyList<ReportRow> Instruments(Verdict verdict) =>
    [
        .. verdict.Tests.SelectMany(t => t.Instruments).DistinctBy(i => i.InstrumentId).Select(i => new ReportRow(
            $"{i.InstrumentId} ({i.Role})",
            $"{i.Manufacturer} {i.Model} {i.Firmware}, S/N {i.SerialNumber}; {ReportLabels.Calibration}: {i.CalibrationCertificate} / {i.CalibrationDue}"
                + (i.CalibrationOverdue ? " — OVERDUE 已过期" : ""))),
    ];

    public static IReadOnlyList<ReportRow> Evidence(Verdict verdict) =>
    [
        new(ReportLabels.ContentHash, verdict.ContentSha256),
        new(ReportLabels.PreviousHash, verdict.PreviousSha256),
        new(ReportLabels.Catalogue, verdict.CatalogueVersion),
        new("Feed sequence · 序号", verdict.Sequence.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>Tested by / checked by / approved by, with the approval's time and the record it approved.</summary>
    public static IReadOnlyList<ReportRow> Signatures(RunReport report)
    {
        var a = report.Approval;
        return
        [
            new("Tested by · 试验", string.Join(", ", new[] { report.Verdict.OperatorName, report.Time.Format(report.Verdict.RunCompletedAt) }.Where(s => s.Length > 0))),
            new("Checked by · 校核", a is { CheckedBy.Length: > 0 } ? a.CheckedBy : "—"),
            new("Approved by · 批准", a is null
                ? "awaiting approval · 待批准 (an engineer approves with POST /v1/runs/{id}:approve)".Replace("{id}", report.Verdict.RunId, StringComparison.Ordinal)
                : $"{a.ApprovedBy}, {report.Time.Format(a.ApprovedAt)}" + (a.Comment.Length > 0 ? $" — {a.Comment}" : "")),
        ];
    }

    public static string OutcomeText(Outcome o) => o switch
    {
        Outcome.Pass => "PASS 合格",
        Outcome.ConditionalPass => "CONDITIONAL PASS 有条件合格",
        Outcome.ConditionalFail => "CONDITIONAL FAIL 有条件不合格",
        Outcome.Fail => "FAIL 不合格",
        Outcome.Invalid => "INVALID 无效",
        Outcome.Inconclusive => "INCONCLUSIVE 无法判定",
        Outcome.Error => "ERROR 错误",
        Outcome.Retest => "RETEST 需重试",
        Outcome.Incomplete => "INCOMPLETE 未完成",
        _ => "—",
    };

    public static string RuleText(DecisionRule? r) => r?.Kind switch
    {
        DecisionRule.Types.Kind.BinaryGuardBand => $"ILAC-G8:09/2019 4.2.2 binary, guard band w = {N(r.GuardBand)}",
        DecisionRule.Types.Kind.NonBinaryGuardBand => $"ILAC-G8:09/2019 4.2.3 non-binary, guard band w = {N(r.GuardBand)}",
        _ => "ILAC-G8:09/2019 4.2.1 simple acceptance (w = 0)",
    };

    /// <summary>
    /// Why a test did not pass as the report states it: the English sentence, and the Chinese one after it where the
    /// reason is made from the evidence (the service's own reasons are English only); "" for a pass.
    /// </summary>
    public static string ReasonSentences(TestVerdict t)
    {
        var english = VerdictReason.For(t);
        if (english.Length == 0)
        {
            return "";
        }

        var chinese = VerdictReason.ChineseFor(t);
        return string.Equals(chinese, english, StringComparison.Ordinal) ? Sentence(english) : Sentence(english) + " " + chinese + "。";
    }

    /// <summary>A reason as a sentence: capital first letter, full stop at the end.</summary>
    public static string Sentence(string reason)
    {
        var text = reason.Trim();
        if (text.Length == 0)
        {
            return text;
        }

        text = char.ToUpperInvariant(text[0]) + text[1..];
        return text.EndsWith('.') ? text : text + ".";
    }

    private static string N(double v) => EngineeringNumber.Format(v);
}
