using CableTest.Domain.Standards;

namespace CableTest.Domain.Verdicts;

/// <summary>
/// Judges one measurement against the standards catalogue. Pure: no I/O, no clock; the same input
/// and catalogue always give the same verdict. Every problem is a value (an error, invalid or
/// inconclusive verdict with a reason code), never an exception and never a pass.
/// </summary>
public sealed partial class VerdictEngine
{
    /// <summary>
    /// Relative tolerance in favour of equality for quantities computed through logarithms (Ki, rho),
    /// which binary floating point cannot land exactly on a limit. R20 and R x L compare exactly.
    /// </summary>
    public const decimal LogQuantityRelativeTolerance = 1e-12m;

    public VerdictEngine(StandardsCatalogue catalogue)
    {
        Catalogue = catalogue;
    }

    public StandardsCatalogue Catalogue { get; }

    /// <summary>An engine over the shipped catalogue.</summary>
    public static VerdictEngine Default { get; } = new(StandardsCatalogue.LoadDefault());

    private static List<string> LimitWarnings(Provenance provenance, IEnumerable<string> notes)
    {
        var warnings = new List<string>();
        if (!provenance.Verified)
        {
            warnings.Add($"limit from an unverified data row (tag {provenance.Describe()}): check it against the purchased standard");
        }

        warnings.AddRange(notes);
        return warnings;
    }
}
