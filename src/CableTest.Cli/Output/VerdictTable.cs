using System.Globalization;
using CableTest.Contracts.V1;
using Spectre.Console;
using static System.FormattableString;

namespace CableTest.Cli.Output;

/// <summary>A verdict for people: a heading line and one table row per test with the compared value, the limit and the reference.</summary>
internal static class VerdictTable
{
    public static void Write(IAnsiConsole console, Verdict verdict)
    {
        console.MarkupLine(Invariant($"Sample [bold]{Markup.Escape(verdict.SampleId)}[/] ({Markup.Escape(verdict.ProductSpec)}), run {Markup.Escape(verdict.RunId)}: {OutcomeText.Markup(verdict.Outcome)}"));
        var table = new Table().Border(Terminal.Border(console))
            .AddColumn("Test").AddColumn("Core").AddColumn("Outcome").AddColumn("Measured").AddColumn("Limit").AddColumn("Reference").AddColumn("Note");
        foreach (var test in verdict.Tests)
        {
            var (measured, limit) = Values(test);
            var note = string.Join("; ", new[] { test.Reason }.Concat(test.Warnings).Where(s => !string.IsNullOrWhiteSpace(s)));
            var reference = string.Join(" ", new[] { test.Reference?.Standard, test.Reference?.Clause }.Where(s => !string.IsNullOrWhiteSpace(s)));
            table.AddRow(Markup.Escape(OutcomeText.Kind(test.Kind)), Markup.Escape(test.Core), OutcomeText.Markup(test.Outcome),
                Markup.Escape(measured), Markup.Escape(limit), Markup.Escape(reference), Markup.Escape(note));
        }

        console.Write(table);
        console.MarkupLine(Invariant($"Overall: {OutcomeText.Markup(verdict.Outcome)} (sequence {verdict.Sequence}, sha256 {Markup.Escape(Short(verdict.ContentSha256))})"));
    }

    /// <summary>The compared value and the limit of one test, with units.</summary>
    public static (string Measured, string Limit) Values(TestVerdict test) => test.EvidenceCase switch
    {
        TestVerdict.EvidenceOneofCase.ConductorResistance => (
            Invariant($"R20 {N(test.ConductorResistance.R20OhmPerKm)} Ω/km"),
            Invariant($"≤ {N(test.ConductorResistance.LimitOhmPerKm)} Ω/km")),
        TestVerdict.EvidenceOneofCase.InsulationResistance => Insulation(test.InsulationResistance),
        TestVerdict.EvidenceOneofCase.VoltageWithstand => (
            Invariant($"{N(test.VoltageWithstand.AppliedKv)} kV {test.VoltageWithstand.VoltageKind} {N(test.VoltageWithstand.HeldS)} s") +
                (test.VoltageWithstand.Breakdown ? ", breakdown" : ", no breakdown"),
            Invariant($"{N(test.VoltageWithstand.RequiredKv)} kV {N(test.VoltageWithstand.RequiredS)} s")),
        _ => ("", ""),
    };

    private static (string, string) Insulation(InsulationResistanceEvidence e)
    {
        var value = e.Criterion switch
        {
            "Ki" when e.HasKiMohmKm => e.KiMohmKm,
            "rho" when e.HasRhoOhmCm => e.RhoOhmCm,
            _ when e.HasRLMohmKm => e.RLMohmKm,
            _ => double.NaN,
        };
        return (Invariant($"{e.Criterion} {N(value)} {e.MinimumUnit}"), Invariant($"≥ {N(e.Minimum)} {e.MinimumUnit}"));
    }

    /// <summary>Four significant digits, invariant culture.</summary>
    public static string N(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
