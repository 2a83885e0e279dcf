using CableTest.Contracts.V1;
using CableTest.Presentation;
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
            var (measured, limit) = TestValues.Of(test);
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

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
