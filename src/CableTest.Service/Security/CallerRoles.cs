using System.Security.Claims;

namespace CableTest.Service.Security;

/// <summary>What a caller's roles let it see.</summary>
internal static class CallerRoles
{
    /// <summary>
    /// Set at authentication for a caller holding a sealed role (lims, engineer, supervisor) through a credential, or
    /// through Auth:AnonymousRoles configured by name; not for anonymous loopback callers with the default every-role set.
    /// </summary>
    public const string SeesSamplingClaim = "cabletest:sees-sampling";

    /// <summary>True when the caller may see sealed sampling records.</summary>
    public static bool SeesSamplingRecords(this ClaimsPrincipal user) =>
        user.HasClaim(SeesSamplingClaim, "true") && Roles.Sealed.Any(user.IsInRole);

    /// <summary>True when the caller may register a sampling record (lims, engineer).</summary>
    public static bool MayRegisterSamplingRecords(this ClaimsPrincipal user) => Roles.SamplingRegistrars.Any(user.IsInRole);
}
