namespace CableTest.Service.Security;

/// <summary>
/// Roles a caller can hold. lims: read and acknowledge verdicts; technician: run samples;
/// engineer: replay and administration (and everything a technician may do).
/// </summary>
public static class Roles
{
    public const string Lims = "lims";
    public const string Technician = "technician";
    public const string Engineer = "engineer";

    public static readonly IReadOnlyList<string> All = [Lims, Technician, Engineer];
}
