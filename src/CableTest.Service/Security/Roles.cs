namespace CableTest.Service.Security;

/// <summary>
/// Roles a caller can hold. lims: read and acknowledge verdicts, register samples with their sealed sampling
/// record; technician: run coded samples (never sees a sampling record); engineer: replay and administration
/// (and everything a technician may do); supervisor: reads everything, sampling records included, and changes nothing.
/// </summary>
public static class Roles
{
    public const string Lims = "lims";
    public const string Technician = "technician";
    public const string Engineer = "engineer";
    public const string Supervisor = "supervisor";

    public static readonly IReadOnlyList<string> All = [Lims, Technician, Engineer, Supervisor];

    /// <summary>The roles that may see a sealed sampling record (the manufacturer, the seal...).</summary>
    public static readonly IReadOnlyList<string> Sealed = [Lims, Engineer, Supervisor];

    /// <summary>The roles that may register a sampling record.</summary>
    public static readonly IReadOnlyList<string> SamplingRegistrars = [Lims, Engineer];
}
