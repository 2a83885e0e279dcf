using System.Globalization;
using CableTest.Contracts.V1;
using Spectre.Console;
using static System.FormattableString;

namespace CableTest.Cli.Output;

/// <summary>
/// A verdict for people: a heading line and one table row per test with the compared value, the limit,
/// the reference and, for a test that did not pass, the reason in words. Warnings (notes the customer
/// must see) are counted on their row and listed under the table only with <c>verbose</c>.
/// </summary>
internal static class VerdictTable
{
    public static void Write(IAnsiConsole console, Verdict verdict, bool verbose = false)
    {
        console.MarkupLine(Invariant($"Sample [bold]{Markup.Escape(verdict.SampleId)}[/] ({Markup.Escape(UnitText.Normalize(verdict.ProductSpec))}), run {Markup.Escape(verdict.RunId)}: {OutcomeText.Markup(verdict.Outcome)}"));
        var table = new Table().Border(Terminal.Border(console))
            .AddColumn(new TableColumn("Test").NoWrap()).AddColumn("Core").AddColumn(new TableColumn("Outcome").NoWrap())
            .AddColumn("Measured").AddColumn("Limit").AddColumn("Reference").AddColumn("Note");
        var warnings = new List<string>();
        foreach (var test in verdict.Tests)
        {
            var (measured, limit) = Values(test);
            var note = VerdictReason.For(test);
            var testWarnings = test.Warnings.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => UnitText.Normalize(w.Trim())).ToList();
            if (testWarnings.Count > 0)
            {
                var count = testWarnings.Count == 1 ? "1 warning" : Invariant($"{testWarnings.Count} warnings");
                note = note.Length > 0 ? $"{note} ({count})" : count;
                warnings.AddRange(testWarnings.Select(w => $"{OutcomeText.Kind(test.Kind)} {test.Core}: {w}"));
            }

            var reference = string.Join(" ", new[] { test.Reference?.Standard, test.Reference?.Clause }.Where(s => !string.IsNullOrWhiteSpace(s)));
            table.AddRow(Markup.Escape(OutcomeText.Kind(test.Kind)), Markup.Escape(test.Core), OutcomeText.Markup(test.Outcome),
                Markup.Escape(measured), Markup.Escape(limit), Markup.Escape(UnitText.Normalize(reference)), Markup.Escape(note));
        }

        console.Write(table);
        if (warnings.Count > 0)
        {
            if (verbose)
            {
                console.WriteLine("Warnings:");
                foreach (var warning in warnings)
                {
                    console.WriteLine("- " + warning);
                }
            }
            else
            {
                console.WriteLine(warnings.Count == 1 ? "1 warning (--verbose lists it)" : Invariant($"{warnings.Count} warnings (--verbose lists them)"));
            }
        }

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

    /// <summary>The insulation value the criterion compares (R_L, Ki or rho) and its unit as the service spells it; NaN when not computed.</summary>
    public static (double Value, string Unit) InsulationValue(InsulationResistanceEvidence e) => (e.Criterion switch
    {
        "Ki" when e.HasKiMohmKm => e.KiMohmKm,
        "rho" when e.HasRhoOhmCm => e.RhoOhmCm,
        _ when e.HasRLMohmKm => e.RLMohmKm,
        _ => double.NaN,
    }, e.MinimumUnit);

    private static (string, string) Insulation(InsulationResistanceEvidence e)
    {
        var (value, unit) = InsulationValue(e);
        unit = UnitText.Normalize(unit);
        var measured = double.IsFinite(value) ? Invariant($"{e.Criterion} {N(value)} {unit}") : $"{e.Criterion} not computed";
        var limit = e.Minimum > 0 ? Invariant($"≥ {N(e.Minimum)} {unit}") : "-";
        return (measured, limit);
    }

    /// <summary>Four significant digits, invariant culture; very large or small values as "7.04×10¹³" rather than "7.04E+13".</summary>
    public static string N(double value)
    {
        if (!double.IsFinite(value) || value == 0 || Math.Abs(value) is >= 1e-3 and < 1e6)
        {
            return value.ToString("G4", CultureInfo.InvariantCulture);
        }

        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var mantissa = Math.Round(value / Math.Pow(10, exponent), 3);
        if (Math.Abs(mantissa) >= 10)
        {
            mantissa /= 10;
            exponent++;
        }

        var digits = exponent.ToString(CultureInfo.InvariantCulture).Select(c => c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹"[c - '0']);
        return mantissa.ToString("G4", CultureInfo.InvariantCulture) + "×10" + string.Concat(digits);
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
