using System.Security.Claims;

namespace CableTest.Service.Security;

/// <summary>What a caller's roles let it see.</summary>
internal static class CallerRoles
{
    /// <summary>True when the caller may see sealed sampling records (lims, engineer, supervisor).</summary>
    public static bool SeesSamplingRecords(this ClaimsPrincipal user) => Roles.Sealed.Any(user.IsInRole);

    /// <summary>True when the caller may register a sampling record (lims, engineer).</summary>
    public static bool MayRegisterSamplingRecords(this ClaimsPrincipal user) => Roles.SamplingRegistrars.Any(user.IsInRole);
}
