namespace CableTest.Domain.Standards;

/// <summary>The quantity an insulation-resistance result is compared with.</summary>
public enum InsulationCriterion
{
    /// <summary>R x L in MOhm.km (IEC 60227 / GB/T 5023 tables). Wire name "R_L".</summary>
    ResistanceLength,

    /// <summary>Insulation resistance constant Ki = R L / lg(D/d), MOhm.km (IEC 60502-1). Wire name "Ki".</summary>
    Ki,

    /// <summary>Volume resistivity rho = 2 pi L R / ln(D/d), Ohm.cm (IEC 60502-1). Wire name "rho".</summary>
    Rho,
}
